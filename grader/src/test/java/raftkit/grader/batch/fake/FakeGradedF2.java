package raftkit.grader.batch.fake;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Tag;
import raftkit.raft.Raft;
import raftkit.tester.RaftTest;

/** A stand-in for a second graded part (tag {@code F2}); see {@link FakeGradedF1}. */
@Tag("F2")
class FakeGradedF2 {

    @RaftTest
    void testStartOnFollower() {
        Raft rf = FakePeers.lonelyPeer();
        try {
            assertFalse(rf.start("x").isLeader(), "a fresh peer should not accept commands as leader");
        } finally {
            rf.kill();
        }
    }

    @RaftTest
    void testFollowerState() {
        Raft rf = FakePeers.lonelyPeer();
        try {
            assertFalse(rf.getState().isLeader(), "a fresh peer should not believe it leads");
        } finally {
            rf.kill();
        }
    }
}
