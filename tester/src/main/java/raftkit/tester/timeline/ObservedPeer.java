package raftkit.tester.timeline;

import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A peer as the tester sees it, with each answer it gives the tester (term and role from {@code getState} and
 * {@code start}) and each snapshot the tester asks for recorded on its lane. Everything else passes straight through.
 */
final class ObservedPeer implements RaftPeer {

    private final int me;
    private final RaftPeer raft;
    private final Timeline timeline;

    ObservedPeer(int me, RaftPeer raft, Timeline timeline) {
        this.me = me;
        this.raft = raft;
        this.timeline = timeline;
    }

    @Override
    public StartResult start(Object command) {
        StartResult r = raft.start(command);
        if (r != null) {
            timeline.state(me, r.term(), r.isLeader());
        }
        return r;
    }

    @Override
    public PeerState getState() {
        PeerState s = raft.getState();
        if (s != null) {
            timeline.state(me, s.term(), s.isLeader());
        }
        return s;
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
        timeline.record(me, Kind.SNAPSHOT, index, null);
        raft.snapshot(index, snapshot);
    }

    @Override
    public void kill() {
        raft.kill();
    }

    @Override
    public String toString() {
        return raft.toString();
    }
}
