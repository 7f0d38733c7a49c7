package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import raftkit.tester.doubles.AsyncRaft;
import raftkit.tester.fakes.AsyncFake;

/**
 * The leak check gives a Raft that uses the common pool the same verdict whatever the core count. The build runs
 * this class in JVMs of its own with the common pool forced to one thread (as on a machine of two cores) and to four
 * (as on a grader with more); {@code raftkit.test.parallelism} says which.
 */
class CommonPoolLeakTest {

    @Test
    void when_peers_use_the_common_pool_then_the_leak_check_passes_them_at_any_parallelism() {
        int forced = Integer.getInteger("raftkit.test.parallelism", -1);
        assertEquals(forced, ForkJoinPool.getCommonPoolParallelism(), "the build forces the common pool's size");

        FakeRun run = FakeRun.of(AsyncFake.class, Map.of());

        assertEquals(Status.SUCCESSFUL, run.statusOf("usesTheCommonPool"), run.output);
        // Up to JDK 23 a common-pool worker is born in the thread group of the peer thread that first needed it,
        // the case the leak check must leave out (without the rule this test fails there at either size); JDK 24
        // and later give the workers a group of their own, and use the pool even at size one.
        List<Thread> taskThreads = List.copyOf(AsyncRaft.TASK_THREADS);
        assertFalse(taskThreads.isEmpty());
        boolean pooled = taskThreads.stream().allMatch(t -> t instanceof ForkJoinWorkerThread worker
                && worker.getPool() == ForkJoinPool.commonPool());
        assertTrue(pooled || forced == 1 && taskThreads.stream().noneMatch(ForkJoinWorkerThread.class::isInstance),
                "the tasks ran on the JDK's threads for async work: " + taskThreads);
    }

    @Test
    void when_a_peer_runs_its_own_thread_then_it_is_still_the_peers() {
        Thread own = new Thread(() -> { }, "raft-0-ticker");
        assertFalse(PeerThreads.sharedAsyncThread(own));
        assertFalse(PeerThreads.sharedAsyncThread(Thread.currentThread()));
    }
}
