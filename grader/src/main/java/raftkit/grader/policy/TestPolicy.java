package raftkit.grader.policy;

/**
 * How one graded test is run and scored.
 *
 * @param name         the Go-style name, e.g. {@code TestInitialElection3A}
 * @param part         the part it belongs to, e.g. {@code 3A}
 * @param points       its full points
 * @param runs         how many times it is run
 * @param rule         how the runs turn into points
 * @param limitSeconds each run's time limit
 */
public record TestPolicy(String name, String part, double points, int runs, PassRule rule, double limitSeconds) {
}
