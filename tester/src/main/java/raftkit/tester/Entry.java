package raftkit.tester;

/**
 * A log entry as part 3X sees it: the student's entry record's {@code term} and {@code command} components.
 */
public record Entry(int term, Object command) {
}
