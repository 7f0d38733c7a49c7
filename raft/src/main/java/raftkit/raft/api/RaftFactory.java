package raftkit.raft.api;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;

// Kit-owned file: the grader uses its own copy, so changes here have no effect on grading.

/** How the tester makes a peer; {@code Raft::make} is the one the graded tests use. */
@FunctionalInterface
public interface RaftFactory {
    RaftPeer make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh);
}
