package raftkit.raft;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Batch fixture: deadlocks two threads and waits for them in make. */
public final class Raft implements RaftPeer {

    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        Thread a = new Thread(() -> lockBoth(A, B), "raft-0-a");
        Thread b = new Thread(() -> lockBoth(B, A), "raft-0-b");
        a.start();
        b.start();
        try {
            a.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Raft();
    }

    private static final Object A = new Object();
    private static final Object B = new Object();

    private static void lockBoth(Object first, Object second) {
        synchronized (first) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                first.notifyAll();
            }
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
    }
}
