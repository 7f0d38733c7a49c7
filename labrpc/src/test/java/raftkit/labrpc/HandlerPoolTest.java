package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HandlerPoolTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private static HandlerPool pool(long keepAliveNanos) {
        return new HandlerPool(new NetworkThreads(0).factory("test"), keepAliveNanos);
    }

    @Test
    void aBlockedHandlerDoesNotHoldUpTheNext() throws InterruptedException {
        HandlerPool pool = pool(MINUTE);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(() -> awaitQuietly(release));
        pool.execute(second::countDown);
        assertTrue(second.await(10, TimeUnit.SECONDS), "the second handler waited for the first");
        release.countDown();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(TimeUnit.SECONDS.toNanos(10)));
    }

    @Test
    void anIdleThreadIsReused() throws InterruptedException {
        HandlerPool pool = pool(MINUTE);
        SynchronousQueue<Thread> ran = new SynchronousQueue<>();
        pool.execute(() -> putQuietly(ran, Thread.currentThread()));
        Thread first = ran.poll(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            waitUntilIdle(pool);
            pool.execute(() -> putQuietly(ran, Thread.currentThread()));
            assertEquals(first, ran.poll(10, TimeUnit.SECONDS), "call " + i + " started a new thread");
        }
        assertEquals(1, pool.threadCount());
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(TimeUnit.SECONDS.toNanos(10)));
    }

    @Test
    void idleThreadsEndAfterTheKeepAlive() throws InterruptedException {
        HandlerPool pool = pool(TimeUnit.MILLISECONDS.toNanos(50));
        SynchronousQueue<Thread> ran = new SynchronousQueue<>();
        pool.execute(() -> putQuietly(ran, Thread.currentThread()));
        Thread first = ran.poll(10, TimeUnit.SECONDS);
        first.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(0, pool.threadCount(), "an idle thread outlived its keep-alive");
        pool.execute(() -> putQuietly(ran, Thread.currentThread()));
        assertNotEquals(first, ran.poll(10, TimeUnit.SECONDS), "work went to an ended thread");
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(TimeUnit.SECONDS.toNanos(10)));
    }

    @Test
    void shutdownInterruptsRunningHandlersAndRejectsNewOnes() throws InterruptedException {
        HandlerPool pool = pool(MINUTE);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(TimeUnit.SECONDS.toNanos(10)), "a thread outlived the pool");
        assertTrue(interrupted.get(), "the running handler was not interrupted");
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
    }

    /** Waits until the pool's thread has finished its task and waits for the next. */
    private static void waitUntilIdle(HandlerPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.idleCount() != 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putQuietly(SynchronousQueue<Thread> queue, Thread thread) {
        try {
            queue.put(thread);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
