package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import raftkit.tester.fakes.IsolationFake;
import raftkit.tester.fakes.IsolationHangFake;

/**
 * Peers in a peer host: what isolation changes (statics do not survive a restart, while classes without any are
 * loaded once; a peer that ends its process is the peers' crash) and what it must not (the leak check and the
 * time-out report name the same threads with the same messages as in-process, see {@link LeakAndApplyErrorTest} and
 * {@link TimeoutTest}).
 */
class IsolationTest {

    private static final String SEED = "seed -?\\d+; replay with -Draftkit\\.seed=-?\\d+\\)";

    /** One run of the fakes serves every test here; the hanging one runs apart, with a short limit. */
    private static FakeRun run;
    private static FakeRun hang;

    @BeforeAll
    static void runTheFakes() {
        run = FakeRun.of(IsolationFake.class, Map.of());
        hang = FakeRun.of(IsolationHangFake.class, Map.of(TimeLimit.PROPERTY, "3"));
    }

    @Test
    void when_a_peer_keeps_its_log_in_a_static_field_then_only_isolation_loses_it_on_restart() {
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, run.statusOf("staticLogInProcess"),
                "in-process, the static field outlives the crash");
        String message = run.failureOf("staticLogIsolated").getMessage();
        assertTrue(message.startsWith("the restarted peer's log ==> expected: <1> but was: <0>"), message);
    }

    @Test
    void when_a_peers_classes_hold_no_static_state_then_its_incarnations_share_one_loaded_class() {
        run.assertPassed("statelessPeersShareTheirClassIsolated");
    }

    @Test
    void when_saves_repeat_change_and_drop_the_snapshot_then_the_persister_holds_the_last_one_both_ways() {
        run.assertPassed("snapshotsInProcess");
        run.assertPassed("snapshotsIsolated");
    }

    @Test
    void when_a_peer_halts_the_peer_host_then_the_test_fails_as_the_peers_crash() {
        Throwable failure = run.failureOf("haltsIsolated");
        assertInstanceOf(PeerHostCrashed.class, failure);
        assertTrue(failure.getMessage().startsWith("the peers' JVM (the peer host) exited with code 3 during the test"),
                failure.getMessage());
    }

    @Test
    void when_isolated_peers_leave_a_thread_running_then_the_leak_check_names_it_as_in_process() {
        String message = run.failureOf("leaksThreadsIsolated").getMessage();
        assertTrue(message.matches("peer \\d left 1 threads running after kill\\(\\): raft-\\d-ticker "
                + "\\(test leaksThreadsIsolated, " + SEED), message);
    }

    @Test
    void when_an_isolated_peer_puts_on_the_apply_queue_under_its_lock_then_the_timeout_names_it_as_in_process() {
        Throwable failure = hang.failureOf("hangsOnApplyQueueIsolated");
        assertInstanceOf(TimeLimitExceeded.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("test took longer than 3 seconds (test hangsOnApplyQueueIsolated, seed "),
                message);
        assertTrue(message.contains("blocked: \"raft-0-applier\" waits in SynchronousQueue.put while holding "
                + "java.util.concurrent.locks.ReentrantLock"), message);
    }
}
