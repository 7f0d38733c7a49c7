package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A broken Raft double with a lock-order deadlock: on peer 0, {@code raft-0-ticker} takes {@code mu} then the
 * {@code votes} monitor while {@code raft-0-heartbeat} takes them the other way round, so both wait for ever and
 * so does every {@code getState()} (which needs {@code mu}). The other peers idle as followers. The deadlocked
 * threads never end: use this double only where the test expects exactly that.
 */
public final class DeadlockingRaft implements RaftPeer {

    private final ReentrantLock mu = new ReentrantLock();
    private final Object votes = new Object();
    private final CountDownLatch bothHoldOne = new CountDownLatch(2);

    public DeadlockingRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        if (me == 0) {
            daemon(this::tick, "raft-0-ticker").start();
            daemon(this::heartbeat, "raft-0-heartbeat").start();
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void tick() {
        mu.lock();
        try {
            bothHoldOne.countDown();
            awaitOther();
            synchronized (votes) {
                bothHoldOne.countDown();
            }
        } finally {
            mu.unlock();
        }
    }

    private void heartbeat() {
        synchronized (votes) {
            bothHoldOne.countDown();
            awaitOther();
            mu.lock();
            mu.unlock();
        }
    }

    private void awaitOther() {
        try {
            bothHoldOne.await();
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
        mu.lock();
        try {
            return new PeerState(0, false);
        } finally {
            mu.unlock();
        }
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
