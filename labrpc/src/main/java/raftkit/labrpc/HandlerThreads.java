package raftkit.labrpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The threads that run a network's RPC handlers: as many as there are handlers running at once, each ended after a
 * minute without work (like a cached thread pool).
 *
 * <p>Why not {@code Executors.newCachedThreadPool()}: it is slow for the pattern that RPCs make. A pool worker
 * re-offers itself only after the caller has its reply, so the caller's next call usually finds no idle worker (a
 * new thread) or wakes a parked one; on a virtual machine each such wake costs tens of microseconds, the bulk of a
 * call. Here a worker is idle again <em>before</em> it hands the reply back, and a worker whose last task came
 * within {@link #SPIN_NANOS} spins that long for the next one before it parks. A worker on a quiet network (a Raft
 * test) never spins.
 */
final class HandlerThreads {

    /** How long a busy worker waits for its next task without parking. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** How long an idle worker lives. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** A handler, and what takes its result once the worker is idle again. */
    private record Task(Supplier<Object> handler, Consumer<Object> delivery) {
    }

    private final ThreadFactory factory;
    private final long idleNanos;
    // Most recently idle first: the worker most likely still spinning gets the next task.
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final Set<Worker> alive = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    HandlerThreads(ThreadFactory factory) {
        this(factory, IDLE_NANOS);
    }

    /** For tests: workers that end sooner. */
    HandlerThreads(ThreadFactory factory, long idleNanos) {
        this.factory = factory;
        this.idleNanos = idleNanos;
    }

    /** Workers now alive, busy or idle. */
    int size() {
        return alive.size();
    }

    /**
     * Runs {@code handler} on an idle worker or a new one, then gives its result to {@code delivery}; false once
     * {@link #shutdownNow()} was called.
     */
    boolean execute(Supplier<Object> handler, Consumer<Object> delivery) {
        Task task = new Task(handler, delivery);
        if (shutdown) {
            return false;
        }
        Worker worker = idle.pollFirst();
        if (worker != null) {
            worker.give(task);
            return true;
        }
        worker = new Worker(task);
        alive.add(worker);
        worker.thread.start();
        if (shutdown) { // raced with shutdownNow(), which may have missed the new worker
            worker.thread.interrupt();
        }
        return true;
    }

    /** Interrupts every worker; idle ones end at once, busy ones when their handler returns. */
    void shutdownNow() {
        shutdown = true;
        for (Worker worker : alive) {
            worker.thread.interrupt();
        }
    }

    /** Waits until every worker's thread has ended or {@code nanos} pass; true if all ended. */
    boolean awaitTermination(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (Worker worker : alive) {
            TimeUnit.NANOSECONDS.timedJoin(worker.thread, Math.max(1, deadline - System.nanoTime()));
            if (worker.thread.getState() == Thread.State.TERMINATED) { // not NEW: execute() may be starting it
                alive.remove(worker);
            }
        }
        return alive.isEmpty();
    }

    private final class Worker implements Runnable {
        final Thread thread;
        private volatile Task task;
        private boolean busy; // the last task came within SPIN_NANOS of asking

        Worker(Task first) {
            this.task = first;
            this.thread = factory.newThread(this);
        }

        void give(Task next) {
            task = next;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            try {
                Task next;
                while (!shutdown && (next = awaitTask()) != null) {
                    Thread.interrupted(); // a handler's leftover interrupt must not reach the next handler
                    Object result = next.handler().get();
                    if (!shutdown) {
                        idle.offerFirst(this); // idle before the caller learns its reply: see the class comment
                    }
                    next.delivery().accept(result);
                }
            } finally {
                if (!shutdown) {
                    alive.remove(this); // ended idle; after shutdownNow(), awaitTermination() joins and removes it
                }
            }
        }

        /** The next task, or null when the pool shut down or this worker was idle too long. */
        private Task awaitTask() {
            long start = System.nanoTime();
            long spinUntil = busy ? start + SPIN_NANOS : start;
            Task next;
            while ((next = task) == null) {
                if (shutdown) {
                    return null;
                }
                long now = System.nanoTime();
                if (now - spinUntil < 0) {
                    Thread.onSpinWait();
                } else if (now - start < idleNanos) {
                    LockSupport.parkNanos(this, idleNanos - (now - start));
                    Thread.interrupted(); // only shutdownNow() interrupts, and it also sets the flag checked above
                } else if (idle.removeFirstOccurrence(this)) {
                    return null;
                }
                // else: a caller has just taken this worker and is about to give it a task.
            }
            task = null;
            busy = System.nanoTime() - start < SPIN_NANOS;
            return next;
        }
    }
}
