package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.Debug;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;
import raftkit.raft.api.Topic;

/**
 * A broken Raft double whose election timeout is {@link #ELECTION_TIMEOUT_MILLIS}, far past the 5 s in which the
 * tester wants a leader: its ticker waits that long, then starts an election it never wins (it sends no votes).
 * Each step is a debug line, so its timeline shows timers firing too late.
 */
public final class SlowElectionRaft implements RaftPeer {

    public static final long ELECTION_TIMEOUT_MILLIS = 3000;

    private final int me;
    private final AtomicInteger term = new AtomicInteger();
    private final Thread ticker;

    public SlowElectionRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        this.me = me;
        this.ticker = new Thread(this::tick, "raft-" + me + "-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        try {
            while (true) {
                Debug.log(me, Topic.TIMER, "election timer reset: %d ms", ELECTION_TIMEOUT_MILLIS);
                Thread.sleep(ELECTION_TIMEOUT_MILLIS + 100L * me);
                Debug.log(me, Topic.VOTE, "became candidate at term %d", term.incrementAndGet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, term.get(), false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(term.get(), false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
        ticker.interrupt();
    }
}
