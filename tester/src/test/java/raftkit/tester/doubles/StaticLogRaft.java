package raftkit.tester.doubles;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A broken Raft double that keeps its log in a static field instead of its persister, and reports the log's length
 * as its term: in-process a restarted peer "remembers" through the static, in a peer host it starts empty.
 */
public final class StaticLogRaft implements RaftPeer {

    private static final List<Object> LOG = new CopyOnWriteArrayList<>();

    public StaticLogRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    }

    @Override
    public StartResult start(Object command) {
        LOG.add(command);
        return new StartResult(LOG.size(), LOG.size(), false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(LOG.size(), false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
