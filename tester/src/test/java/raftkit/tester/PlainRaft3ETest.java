package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Part 3E's tests are real: on a plain Raft (the reference with PreVote and CheckQuorum switched off) each of them
 * fails with the message that names what went wrong, except the liveness test, which a plain Raft passes.
 *
 * <p>The switch is the reference's test-only system property {@value #PLAIN}, read once per peer in
 * {@code Raft.make}. This test needs the reference solution, so the student kit leaves it out.
 */
class PlainRaft3ETest {

    /** The test-only property of the reference's {@code Raft.make}; a student's Raft ignores it. */
    static final String PLAIN = "raftkit.raft.plain";

    @Test
    void when_pre_vote_and_check_quorum_are_off_then_every_3E_test_but_liveness_fails() {
        FakeRun run;
        // the switch is a property of this JVM, which a peer host started for isolated peers would not see
        String mode = System.getProperty(PeerMode.PROPERTY);
        System.setProperty(PLAIN, "true");
        System.setProperty(PeerMode.PROPERTY, PeerMode.INPROCESS.word());
        try {
            run = FakeRun.of(PreVote3ETest.class, Map.of());
        } finally {
            System.clearProperty(PLAIN);
            if (mode == null) {
                System.clearProperty(PeerMode.PROPERTY);
            } else {
                System.setProperty(PeerMode.PROPERTY, mode);
            }
        }

        // a rejoining follower arrives with the higher term it reached alone.
        assertFailsWith(run, "testRejoinNoDisruption3E", PreVote3ETest.TERM_ROSE);
        // the follower comes back with a higher term and deposes the leader.
        assertFailsWith(run, "testFlappingFollower3E", PreVote3ETest.TERM_ROSE, PreVote3ETest.LEADER_LOST);
        // the cut-off leader goes on believing it leads.
        assertFailsWith(run, "testCheckQuorum3E", PreVote3ETest.NO_STEP_DOWN);
        // the stale peer (and the one refusing it) raise their terms with every failed election.
        assertFailsWith(run, "testPreVoteStaleLog3E", PreVote3ETest.TERM_ROSE);
        // the third peer takes the cut follower's higher term and the leader loses its place.
        assertFailsWith(run, "testLeaderStickiness3E", PreVote3ETest.TERM_ROSE, PreVote3ETest.LEADER_LOST);
        // a plain Raft does elect a new leader after a failure.
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.statusOf("testElectionAfterFailure3E"), run.output);
    }

    /** Test {@code name} failed with a message made from one of {@code formats}. */
    private static void assertFailsWith(FakeRun run, String name, String... formats) {
        String message = run.failureOf(name).getMessage();
        boolean matched = false;
        for (String format : formats) {
            matched |= message.matches(format.replace("%d", "-?\\d+") + " \\(test .*");
        }
        assertTrue(matched, name + " failed for another reason: " + message);
    }
}
