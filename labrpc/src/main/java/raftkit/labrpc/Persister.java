package raftkit.labrpc;

/**
 * Holds a Raft peer's persistent state and snapshot across a crash. Thread-safe; every array is copied in and out.
 *
 * <p>Port of the lab's {@code persister.go}: the tester gives a restarted peer a {@link #copy()}, so a killed
 * instance that still saves writes only to its old persister.
 */
public final class Persister {

    private static final byte[] EMPTY = new byte[0];

    // Stored arrays are never changed in place, so copy() may share them.
    private byte[] raftState = EMPTY;
    private byte[] snapshot = EMPTY;

    public Persister() {
    }

    private Persister(byte[] raftState, byte[] snapshot) {
        this.raftState = raftState;
        this.snapshot = snapshot;
    }

    /** Stores both arrays as one atomic step. A null or empty snapshot clears the stored snapshot. */
    public void save(byte[] raftState, byte[] snapshot) {
        byte[] state = copyOf(raftState);
        byte[] snap = copyOf(snapshot);
        synchronized (this) {
            this.raftState = state;
            this.snapshot = snap;
        }
    }

    /** A copy of the stored Raft state; empty (never null) when nothing was saved. */
    public synchronized byte[] readRaftState() {
        return raftState.clone();
    }

    /** A copy of the stored snapshot; empty (never null) when there is none. */
    public synchronized byte[] readSnapshot() {
        return snapshot.clone();
    }

    public synchronized int raftStateSize() {
        return raftState.length;
    }

    public synchronized int snapshotSize() {
        return snapshot.length;
    }

    /** A new persister holding the same state and snapshot; later saves to either do not affect the other. */
    public synchronized Persister copy() {
        return new Persister(raftState, snapshot);
    }

    private static byte[] copyOf(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : bytes.clone();
    }
}
