package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A hostile Raft double: peer 1 halts its whole JVM with status 3 as it is made, after printing a line that looks
 * like a passed test. Only ever run in a peer host.
 */
public final class HaltingRaft implements RaftPeer {

    public HaltingRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        if (me == 1) {
            System.out.println("  ... Passed --   1.0  3   10    1000    0");
            Runtime.getRuntime().halt(3);
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
