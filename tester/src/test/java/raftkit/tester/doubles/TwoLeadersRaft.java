package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** A broken Raft double: every peer claims to lead term 1 and never does anything else. */
public final class TwoLeadersRaft implements RaftPeer {

    public TwoLeadersRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 1, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(1, true);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
