package raftkit.tester;

/** What {@link Config#nCommitted} found: how many peers applied the index, and the command they applied. */
public record Committed(int count, Object command) {
}
