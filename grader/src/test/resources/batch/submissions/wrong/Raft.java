package raftkit.raft;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Batch fixture: a peer that wrongly believes it leads (and sits flat at the top of its folder). */
public final class Raft implements RaftPeer {

    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {

        return new Raft();
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 0, true);
    }

    @Override
    public PeerState getState() {
        return new PeerState(0, true);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
