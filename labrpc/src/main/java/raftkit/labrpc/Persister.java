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
    /** Where the state really lives when the peer runs in another process than the tester, else null. */
    private final Store store;

    /**
     * A persister kept elsewhere: in a peer host, each call goes to the tester's persister and waits for its answer.
     * Every method but {@link #copy()} (which only the tester uses) means the same as on a local persister.
     */
    public interface Store {
        void save(byte[] raftState, byte[] snapshot);

        byte[] readRaftState();

        byte[] readSnapshot();

        int raftStateSize();

        int snapshotSize();
    }

    public Persister() {
        this.store = null;
    }

    private Persister(byte[] raftState, byte[] snapshot) {
        this.raftState = raftState;
        this.snapshot = snapshot;
        this.store = null;
    }

    private Persister(Store store) {
        this.store = store;
    }

    /** A persister whose state {@code store} keeps (the kit's peer host gives its peers these). */
    public static Persister over(Store store) {
        if (store == null) {
            throw new IllegalArgumentException("labrpc: Persister.over(null)");
        }
        return new Persister(store);
    }

    /** Stores both arrays as one atomic step. A null or empty snapshot clears the stored snapshot. */
    public void save(byte[] raftState, byte[] snapshot) {
        if (store != null) {
            store.save(copyOf(raftState), copyOf(snapshot));
            return;
        }
        byte[] state = copyOf(raftState);
        byte[] snap = copyOf(snapshot);
        synchronized (this) {
            this.raftState = state;
            this.snapshot = snap;
        }
    }

    /** A copy of the stored Raft state; empty (never null) when nothing was saved. */
    public synchronized byte[] readRaftState() {
        return store != null ? store.readRaftState() : raftState.clone();
    }

    /** A copy of the stored snapshot; empty (never null) when there is none. */
    public synchronized byte[] readSnapshot() {
        return store != null ? store.readSnapshot() : snapshot.clone();
    }

    public synchronized int raftStateSize() {
        return store != null ? store.raftStateSize() : raftState.length;
    }

    public synchronized int snapshotSize() {
        return store != null ? store.snapshotSize() : snapshot.length;
    }

    /**
     * A new persister holding the same state and snapshot; later saves to either do not affect the other.
     *
     * @throws UnsupportedOperationException on a persister kept elsewhere: only the tester copies persisters
     */
    public synchronized Persister copy() {
        if (store != null) {
            throw new UnsupportedOperationException("labrpc: a peer's persister is copied by the tester only");
        }
        return new Persister(raftState, snapshot);
    }

    private static byte[] copyOf(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? EMPTY : bytes.clone();
    }
}
