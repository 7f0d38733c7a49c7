package raftkit.raft;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Batch fixture: keeps every log entry it ever made, until the heap is gone. */
public final class Raft implements RaftPeer {

    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        java.util.List<long[]> hoard = new java.util.ArrayList<>();
        while (peers != null) {
            hoard.add(new long[1 << 16]);
        }
        return new Raft();
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
