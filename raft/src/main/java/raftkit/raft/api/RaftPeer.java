package raftkit.raft.api;

// Kit-owned file: the grader uses its own copy, so changes here have no effect on grading.

/** What the tester (and, later, a key/value service) needs from a Raft peer. */
public interface RaftPeer {

    /**
     * Asks this peer to agree on {@code command}. Returns at once, with no promise that the command will ever be
     * committed; {@code isLeader} is false when this peer is not the leader.
     */
    StartResult start(Object command);

    /** The current term and whether this peer believes it is the leader. */
    PeerState getState();

    /**
     * The service has made a snapshot covering every entry up to and including {@code index}; the peer should
     * trim its log. Called by the tester from the thread that takes from the apply queue.
     */
    void snapshot(int index, byte[] snapshot);

    /** Stops this peer for good: every thread it started must end soon after. */
    void kill();
}
