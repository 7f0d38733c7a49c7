package raftkit.raft.api;

// Kit-owned file: the grader uses its own copy, so changes here have no effect on grading.

/** What {@code getState()} returns: the current term and whether this peer believes it is the leader. */
public record PeerState(int term, boolean isLeader) {
}
