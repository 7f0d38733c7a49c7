package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A broken Raft double whose {@code kill()} forgets its ticker thread ({@code raft-<me>-ticker}), which runs on for
 * {@link #LINGER_MILLIS} after the peer is made, well past the tester's grace period, and then ends by itself.
 */
public final class LeakyRaft implements RaftPeer {

    /** How long the forgotten thread runs. */
    public static final long LINGER_MILLIS = 5000;

    public LeakyRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        Thread ticker = new Thread(LeakyRaft::linger, "raft-" + me + "-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private static void linger() {
        try {
            Thread.sleep(LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 0, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
        // the bug: the ticker is not told to stop
    }
}
