package raftkit.labrpc;

/**
 * Holds a Raft peer's persistent state and snapshot across a crash. Thread-safe; every array is copied in and out.
 */
public final class Persister {

    public Persister() {
    }

    /** Stores both arrays as one atomic step. A null or empty snapshot clears the stored snapshot. */
    public void save(byte[] raftState, byte[] snapshot) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A copy of the stored Raft state; empty (never null) when nothing was saved. */
    public byte[] readRaftState() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A copy of the stored snapshot; empty (never null) when there is none. */
    public byte[] readSnapshot() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public int raftStateSize() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public int snapshotSize() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A new persister holding the same state and snapshot. */
    public Persister copy() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
