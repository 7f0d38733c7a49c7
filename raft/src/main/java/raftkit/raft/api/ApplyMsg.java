package raftkit.raft.api;

// Kit-owned file: the grader uses its own copy, so changes here have no effect on grading.

/**
 * What a Raft peer puts on its apply queue: either a newly committed command ({@code commandValid}) or, in 3D, a
 * snapshot to install ({@code snapshotValid}). Build one with {@link #command} or {@link #snapshot}.
 */
public record ApplyMsg(
        boolean commandValid, Object command, int commandIndex,
        boolean snapshotValid, byte[] snapshot, int snapshotTerm, int snapshotIndex) {

    /** A committed command at log index {@code index}. */
    public static ApplyMsg command(Object command, int index) {
        return new ApplyMsg(true, command, index, false, null, 0, 0);
    }

    /** A snapshot covering the log up to and including {@code index}, whose last entry has {@code term}. */
    public static ApplyMsg snapshot(byte[] snapshot, int term, int index) {
        return new ApplyMsg(false, null, 0, true, snapshot, term, index);
    }
}
