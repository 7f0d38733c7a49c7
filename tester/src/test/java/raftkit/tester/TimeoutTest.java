package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import raftkit.tester.fakes.HangFake;
import raftkit.tester.fakes.QueueUnderLockFake;

/** The time limit of {@link RaftTest}, shown on fake tests that hang (with a 3 s limit instead of 120 s). */
class TimeoutTest {

    private static final Map<String, String> THREE_SECONDS = Map.of(TimeLimit.PROPERTY, "3");

    /** One run of the deadlocking fake serves the tests that read it: each run leaves two threads deadlocked. */
    private static FakeRun hang;

    @BeforeAll
    static void runTheDeadlockingFake() {
        hang = FakeRun.of(HangFake.class, THREE_SECONDS);
    }

    @Test
    void when_a_peer_deadlocks_then_the_test_fails_at_the_limit_with_a_thread_dump_and_the_deadlock() {
        FakeRun run = hang;

        Throwable failure = run.failureOf("hangsInDeadlock");
        assertInstanceOf(TimeLimitExceeded.class, failure, "a timeout is told by its type");
        String message = failure.getMessage();
        assertTrue(message.startsWith("test took longer than 3 seconds (test hangsInDeadlock, seed "), message);
        assertTrue(message.contains("deadlock: \"raft-0-ticker\" waits for"), message);
        assertTrue(message.contains("deadlock: \"raft-0-heartbeat\" waits for"), message);
        assertTrue(Arrays.stream(failure.getStackTrace()).anyMatch(f -> f.getMethodName().equals("getState")),
                "the failure's stack shows where the test was stuck");
        assertTrue(run.output.contains("hangsInDeadlock: test took longer than 3 seconds; all threads:"), run.output);
        assertTrue(run.output.contains("\"raft-0-ticker\""), run.output);
        assertTrue(run.output.contains("Deadlock found between"), run.output);
        assertTrue(run.output.contains("Locked synchronizers"), "the dump shows who holds which lock");
    }

    @Test
    void when_a_test_times_out_then_its_peers_are_stopped_and_the_next_test_runs() {
        FakeRun run = hang;

        Throwable failure = run.failureOf("hangsInDeadlock");
        assertTrue(bodyThreads("hangsInDeadlock").allMatch(Thread::isDaemon),
                "a body stuck for good cannot keep the JVM alive");
        assertTrue(Arrays.stream(failure.getSuppressed())
                        .anyMatch(s -> s.getMessage().contains("left 2 threads running after kill(): raft-0-")),
                "closing the config reports the deadlocked threads it could not stop");
        assertEquals(Status.SUCCESSFUL, run.statusOf("runsAfterTheHang"));
        assertTrue(run.millis < 30_000, "took " + run.millis + " ms");
    }

    @Test
    void when_a_leader_puts_on_the_apply_queue_under_its_lock_then_the_timeout_names_the_blocked_thread() {
        FakeRun run = FakeRun.of(QueueUnderLockFake.class, THREE_SECONDS);

        String message = run.failureOf("hangsOnApplyQueue").getMessage();
        assertTrue(message.startsWith("test took longer than 3 seconds (test hangsOnApplyQueue, seed "), message);
        assertTrue(message.contains("blocked: \"raft-0-applier\" waits in SynchronousQueue.put while holding "
                + "java.util.concurrent.locks.ReentrantLock"), message);
        assertEquals(0, bodyThreads("hangsOnApplyQueue").count(), "once its peers were killed, the body ended");
    }

    private static Stream<Thread> bodyThreads(String test) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("raftkit-test " + test));
    }
}
