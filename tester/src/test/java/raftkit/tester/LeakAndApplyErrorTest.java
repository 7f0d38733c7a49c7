package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import raftkit.tester.fakes.ApplyErrorFake;
import raftkit.tester.fakes.LeakFake;

/** Failures found off the test thread (leaked peer threads, wrong applies) fail the test, on its thread. */
class LeakAndApplyErrorTest {

    private static final String SEED = "seed -?\\d+; replay with -Draftkit\\.seed=-?\\d+\\)";

    @Test
    void when_kill_leaves_a_thread_running_then_the_leak_check_names_it() {
        FakeRun run = FakeRun.of(LeakFake.class, Map.of());

        String message = run.failureOf("leaksThreads").getMessage();
        assertTrue(message.matches("peer \\d left 1 threads running after kill\\(\\): raft-\\d-ticker "
                + "\\(test leaksThreads, " + SEED), message);
    }

    @Test
    void when_peers_commit_different_commands_then_the_test_fails_with_the_go_message() {
        FakeRun run = FakeRun.of(ApplyErrorFake.class, Map.of());

        Throwable failure = run.failureOf("appliesMismatchedCommands");
        assertTrue(failure.getMessage().matches("apply error: commit index=1 server=\\d 10\\d != server=\\d 10\\d "
                + "\\(test appliesMismatchedCommands, " + SEED), failure.getMessage());
        assertTrue(thrownByConfigCheck(failure), "the error surfaces in a check on the test's thread");
    }

    @Test
    void when_a_peer_applies_out_of_order_then_the_test_fails_with_the_go_message() {
        FakeRun run = FakeRun.of(ApplyErrorFake.class, Map.of());

        Throwable failure = run.failureOf("appliesOutOfOrder");
        assertTrue(failure.getMessage().matches("apply error: server 0 apply out of order 2 "
                + "\\(test appliesOutOfOrder, " + SEED), failure.getMessage());
        assertTrue(thrownByConfigCheck(failure), "the error surfaces in a check on the test's thread");
    }

    private static boolean thrownByConfigCheck(Throwable failure) {
        return Arrays.stream(failure.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(Config.class.getName())
                        && f.getMethodName().equals("checkOneLeader"));
    }
}
