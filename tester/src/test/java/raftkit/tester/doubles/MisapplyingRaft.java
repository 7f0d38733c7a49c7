package raftkit.tester.doubles;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftFactory;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A broken Raft double that applies a fixed, wrong sequence of messages once made, then idles: peer 0 claims to
 * lead term 1, so the tester's checks run while the appliers judge the messages.
 */
public final class MisapplyingRaft implements RaftPeer {

    private final int me;
    private final Thread applier;

    private MisapplyingRaft(int me, BlockingQueue<ApplyMsg> applyCh, List<ApplyMsg> messages) {
        this.me = me;
        this.applier = new Thread(() -> {
            try {
                for (ApplyMsg m : messages) {
                    applyCh.put(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "raft-" + me + "-applier");
        applier.start();
    }

    /** Every peer commits a different command at index 1 (peer i commits 100 + i). */
    public static RaftFactory mismatched() {
        return (ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) ->
                new MisapplyingRaft(me, applyCh, List.of(ApplyMsg.command(100 + me, 1)));
    }

    /** Peer 0 applies index 2 before index 1; the others apply nothing. */
    public static RaftFactory outOfOrder() {
        return (ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) ->
                new MisapplyingRaft(me, applyCh,
                        me == 0 ? List.of(ApplyMsg.command(102, 2), ApplyMsg.command(101, 1)) : List.of());
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 1, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(1, me == 0);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
        applier.interrupt();
    }
}
