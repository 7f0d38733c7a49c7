package raftkit.grader.batch;

/**
 * One graded test as the policy declares it: a column of the batch report.
 *
 * @param part   the part, e.g. {@code 3A}
 * @param name   the Go test name, e.g. {@code TestInitialElection3A}
 * @param points the points it is worth
 */
public record PlannedTest(String part, String name, double points) {
}
