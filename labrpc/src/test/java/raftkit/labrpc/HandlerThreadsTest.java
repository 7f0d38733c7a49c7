package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler threads: reuse, one thread per running handler, idle end, shutdown. */
class HandlerThreadsTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ThreadGroup group = new ThreadGroup("handler-threads-test");
    private HandlerThreads threads = new HandlerThreads(task -> new Thread(group, task, "worker"));

    @AfterEach
    void shutDown() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_NANOS), "workers still alive after shutdownNow");
    }

    @Test
    void when_handlers_run_one_after_another_then_one_worker_runs_them_all() throws InterruptedException {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1000; i++) {
            BlockingQueue<Object> delivered = new ArrayBlockingQueue<>(1);
            int value = i;
            assertTrue(threads.execute(() -> {
                ran.add(Thread.currentThread());
                return value;
            }, delivered::add));
            assertEquals(value, delivered.poll(10, TimeUnit.SECONDS));
        }
        // The worker is idle again before it delivers, so the next handler always finds it.
        assertEquals(1, ran.size(), "sequential handlers ran on " + ran.size() + " threads");
        assertEquals(1, threads.size());
    }

    @Test
    void when_a_handler_blocks_then_the_next_one_gets_a_thread_of_its_own() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Object> delivered = new ArrayBlockingQueue<>(2);
        threads.execute(() -> await(release), delivered::add);
        threads.execute(() -> "quick", delivered::add);
        assertEquals("quick", delivered.poll(10, TimeUnit.SECONDS), "the second handler waited for the first");
        assertEquals(2, threads.size());
        release.countDown();
        assertEquals(true, delivered.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void when_a_handler_leaves_its_thread_interrupted_then_the_next_handler_does_not_see_it()
            throws InterruptedException {
        BlockingQueue<Object> delivered = new ArrayBlockingQueue<>(1);
        threads.execute(() -> {
            Thread.currentThread().interrupt();
            return "interrupted";
        }, delivered::add);
        assertEquals("interrupted", delivered.poll(10, TimeUnit.SECONDS));
        threads.execute(() -> Thread.currentThread().isInterrupted(), delivered::add);
        assertEquals(false, delivered.poll(10, TimeUnit.SECONDS));
        assertEquals(1, threads.size());
    }

    @Test
    void when_a_worker_is_idle_long_enough_then_it_ends() throws InterruptedException {
        threads = new HandlerThreads(task -> new Thread(group, task, "worker"), TimeUnit.MILLISECONDS.toNanos(50));
        BlockingQueue<Object> delivered = new ArrayBlockingQueue<>(1);
        threads.execute(() -> "once", delivered::add);
        assertEquals("once", delivered.poll(10, TimeUnit.SECONDS));
        assertTrue(threads.awaitTermination(WAIT_NANOS), "an idle worker outlived its idle time");
        // A new handler after that gets a new worker.
        threads.execute(() -> "again", delivered::add);
        assertEquals("again", delivered.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void when_shut_down_then_a_blocked_handler_is_interrupted_and_new_ones_are_refused() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        BlockingQueue<Object> delivered = new ArrayBlockingQueue<>(1);
        threads.execute(() -> {
            started.countDown();
            return await(new CountDownLatch(1));
        }, delivered::add);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_NANOS), "a blocked handler's worker outlived shutdownNow");
        assertEquals(false, delivered.poll(10, TimeUnit.SECONDS), "the blocked handler was not interrupted");
        assertFalse(threads.execute(() -> "late", delivered::add), "a handler was accepted after shutdownNow");
        assertEquals(0, group.activeCount());
    }

    /** Waits for the latch; false if interrupted. */
    private static Object await(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }
}
