package raftkit.labrpc;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run RPC handlers: a cached thread pool (a new thread whenever every thread is busy, since a
 * handler may block for as long as it likes) whose idle threads stay awake for 20 microseconds, yielding, before
 * they sleep. Back-to-back RPCs then reach a thread that is still awake, saving a thread wake-up (several
 * microseconds) per call; yielding rather than spinning gives the processor away on a busy machine.
 */
final class HandlerPool {

    /** How long an idle handler thread stays awake for the next call. */
    private static final long SPIN_NANOS = 20_000;
    private static final long KEEP_ALIVE_SECONDS = 60;

    private HandlerPool() {
    }

    static ExecutorService create(ThreadFactory threads) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SpinningHandoff(), threads);
    }

    /**
     * A queue that accepts a task only when an idle thread will take it (so the pool starts a thread otherwise,
     * like {@code Executors.newCachedThreadPool}). An idle thread is either asleep in {@code poll}, and then takes
     * the task directly, or spinning; a caller reserves a spinning thread before it queues the task, so every queued
     * task has a thread on its way.
     */
    private static final class SpinningHandoff extends LinkedTransferQueue<Runnable> {
        /** Spinning threads not yet reserved by a caller. */
        private final AtomicInteger spinners = new AtomicInteger();

        @Override
        public boolean offer(Runnable task) {
            if (tryTransfer(task)) {
                return true;
            }
            for (int n = spinners.get(); n > 0; n = spinners.get()) {
                if (spinners.compareAndSet(n, n - 1)) {
                    return super.offer(task);
                }
            }
            return false;
        }

        @Override
        public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
            spinners.incrementAndGet();
            long end = System.nanoTime() + SPIN_NANOS;
            do {
                Runnable task = super.poll();
                if (task != null) {
                    return task; // a reserved task: the reservation used up this thread's count
                }
                Thread.yield(); // not onSpinWait: on a busy machine this lets the other side run
            } while (System.nanoTime() < end && !Thread.currentThread().isInterrupted());
            for (int n = spinners.get(); n > 0; n = spinners.get()) {
                if (spinners.compareAndSet(n, n - 1)) {
                    break;
                }
            }
            // Reserved or not, a queued task is taken here; if another idle thread took it, this one times out.
            return super.poll(timeout, unit);
        }
    }
}
