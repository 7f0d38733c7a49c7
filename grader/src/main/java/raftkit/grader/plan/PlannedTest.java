package raftkit.grader.plan;

/**
 * One graded test as the plan holds it: a row of the points table and a column of the batch report.
 *
 * @param part   the part, e.g. {@code 3A}
 * @param name   the Go test name, e.g. {@code TestInitialElection3A}
 * @param points the points it is worth
 * @param runs   how many times it is run
 */
public record PlannedTest(String part, String name, double points, int runs) {
}
