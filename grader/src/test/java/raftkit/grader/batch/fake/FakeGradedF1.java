package raftkit.grader.batch.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import raftkit.raft.Raft;
import raftkit.tester.RaftTest;

/**
 * A stand-in for a graded part (tag {@code F1}) so the batch tests grade fixture submissions in seconds. Not
 * named like a test class: surefire leaves it alone, and only the batch's child JVMs run it.
 */
@Tag("F1")
class FakeGradedF1 {

    @RaftTest
    void testFreshPeer() {
        Raft rf = FakePeers.lonelyPeer();
        try {
            assertEquals(0, rf.getState().term(), "a fresh peer should be at term 0");
        } finally {
            rf.kill();
        }
    }
}
