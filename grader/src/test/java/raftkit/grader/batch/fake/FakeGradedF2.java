package raftkit.grader.batch.fake;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import raftkit.raft.Raft;

/** A stand-in for a second graded part (tag {@code F2}); see {@link FakeGradedF1}. */
@Tag("F2")
class FakeGradedF2 {

    @Test
    void testStartOnFollower() {
        Raft rf = FakePeers.lonelyPeer();
        try {
            assertFalse(rf.start("x").isLeader(), "a fresh peer should not accept commands as leader");
        } finally {
            rf.kill();
        }
    }

    @Test
    void testFollowerState() {
        Raft rf = FakePeers.lonelyPeer();
        try {
            assertFalse(rf.getState().isLeader(), "a fresh peer should not believe it leads");
        } finally {
            rf.kill();
        }
    }
}
