package raftkit.tester.doubles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A broken Raft double with the lab's classic deadlock: its applier puts on the apply queue while holding the
 * peer's lock. Peer 0 leads term 1 and, once {@link #BATCH} commands have been started, applies them in one go.
 * At index 9 the tester's snapshot applier calls {@code snapshot()}, which needs the lock, while the applier
 * holds it waiting for the tester to take index 10: neither moves again, and every later {@code start()} blocks.
 * {@code kill()} interrupts the applier, so the peer's threads do end.
 */
public final class QueueUnderLockRaft implements RaftPeer {

    /** Commands started before peer 0 applies any. */
    public static final int BATCH = 20;

    private final int me;
    private final BlockingQueue<ApplyMsg> applyCh;
    private final ReentrantLock mu = new ReentrantLock();
    private final Condition startedBatch = mu.newCondition();
    private final List<Object> log = new ArrayList<>();
    private final Thread applier;

    public QueueUnderLockRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        this.me = me;
        this.applyCh = applyCh;
        this.applier = new Thread(this::applyAll, "raft-" + me + "-applier");
        if (me == 0) {
            applier.start();
        }
    }

    private void applyAll() {
        mu.lock();
        try {
            while (log.size() < BATCH) {
                startedBatch.await();
            }
            for (int i = 0; i < log.size(); i++) {
                applyCh.put(ApplyMsg.command(log.get(i), i + 1)); // the bug: put while holding mu
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mu.unlock();
        }
    }

    @Override
    public StartResult start(Object command) {
        mu.lock();
        try {
            if (me != 0) {
                return new StartResult(-1, 1, false);
            }
            log.add(command);
            startedBatch.signalAll();
            return new StartResult(log.size(), 1, true);
        } finally {
            mu.unlock();
        }
    }

    @Override
    public PeerState getState() {
        return new PeerState(1, me == 0);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
        mu.lock();
        mu.unlock();
    }

    @Override
    public void kill() {
        applier.interrupt();
    }
}
