package raftkit.tester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import raftkit.raft.api.RaftPeer;

/**
 * One thread group per peer incarnation. {@code make()} runs on a short-lived thread inside the group, so every
 * thread the Raft starts from there (and every thread those start) belongs to it; after {@code kill()} the group
 * must empty, and whatever is left is reported by name, except the JDK's shared threads for asynchronous tasks
 * ({@link #sharedAsyncThread}). A thread that dies of an exception before its peer is
 * killed fails the test, as a panic ends the lab's test process.
 */
final class PeerThreads {

    /** How long a killed incarnation's threads have to end. */
    static final long LEAK_GRACE_MILLIS = 2000;
    /** How long kill() may take before the tester stops waiting for it. */
    static final long KILL_WAIT_MILLIS = 2000;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final BackgroundFailure failure;
    private final PeerGroup[] live;
    private final List<PeerGroup> killed = new ArrayList<>();

    PeerThreads(int n, BackgroundFailure failure) {
        this.failure = failure;
        this.live = new PeerGroup[n];
    }

    /** Runs {@code make} on a thread in a new group for peer i and returns what it made. */
    RaftPeer make(int i, Callable<RaftPeer> make) {
        PeerGroup group = new PeerGroup(i, failure);
        AtomicReference<RaftPeer> made = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread maker = new Thread(group, () -> {
            try {
                made.set(make.call());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "peer-" + i + "-make");
        maker.setDaemon(true);
        synchronized (this) {
            live[i] = group;
        }
        maker.start();
        awaitMaker(maker);
        if (thrown.get() instanceof RuntimeException e) {
            throw e;
        } else if (thrown.get() instanceof Error e) {
            throw e;
        } else if (thrown.get() != null) {
            throw new IllegalStateException("make() of peer " + i + " failed", thrown.get());
        }
        return made.get();
    }

    /**
     * Calls {@code kill()} on a thread of its own, so a kill() that deadlocks cannot hang the tester, and starts
     * the incarnation's grace period. Returns a failure message if kill() did not return in time, else null.
     */
    String kill(int i, RaftPeer raft) {
        PeerGroup group;
        synchronized (this) {
            group = live[i];
            live[i] = null;
        }
        if (group != null) {
            group.killedAtNanos = System.nanoTime();
            synchronized (this) {
                killed.add(group);
            }
        }
        Thread killer = new Thread(raft::kill, "kill-peer-" + i);
        killer.setDaemon(true);
        killer.start();
        try {
            killer.join(KILL_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killer.isAlive()) {
            return String.format("peer %d: kill() did not return within %d ms", i, KILL_WAIT_MILLIS);
        }
        return null;
    }

    /**
     * Waits until every killed incarnation has had its grace period, then names the threads still alive in each:
     * one message per incarnation, e.g. "peer 2 left 3 threads running after kill(): raft-2-ticker, ...".
     */
    List<String> leaks() {
        List<PeerGroup> groups;
        synchronized (this) {
            groups = List.copyOf(killed);
        }
        List<String> messages = new ArrayList<>();
        for (PeerGroup group : groups) {
            List<Thread> left = awaitEmpty(group);
            if (!left.isEmpty()) {
                messages.add(String.format("peer %d left %d threads running after kill(): %s", group.peer,
                        left.size(), left.stream().map(Thread::getName).collect(Collectors.joining(", "))));
            }
        }
        return messages;
    }

    private static List<Thread> awaitEmpty(PeerGroup group) {
        long deadline = group.killedAtNanos + LEAK_GRACE_MILLIS * NANOS_PER_MILLI;
        List<Thread> left = alive(group);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = alive(group);
        }
        return left;
    }

    private static List<Thread> alive(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        return Arrays.stream(threads, 0, count).filter(Thread::isAlive).filter(t -> !sharedAsyncThread(t))
                .collect(Collectors.toList());
    }

    /**
     * Whether {@code thread} is one the JDK runs {@code CompletableFuture}'s default async work on, which is not the
     * peer's. With a common pool of more than one thread that is a worker of {@link ForkJoinPool#commonPool()}:
     * such a worker is born in the group of whichever thread first needed it and then idles for a minute serving
     * the whole JVM. With a pool of one (a machine of two cores or fewer) {@code CompletableFuture} starts a plain
     * thread per task instead, whose first frames above {@code Thread} are the task itself. Leaving out both keeps
     * the verdict the same on every core count.
     */
    static boolean sharedAsyncThread(Thread thread) {
        if (thread instanceof ForkJoinWorkerThread worker) {
            return worker.getPool() == ForkJoinPool.commonPool();
        }
        if (ForkJoinPool.getCommonPoolParallelism() > 1) {
            return false;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = stack.length - 1; i >= 0; i--) {
            String type = stack[i].getClassName();
            if (!type.equals(Thread.class.getName())) {
                return type.startsWith(CompletableFuture.class.getName() + "$Async");
            }
        }
        return false;
    }

    private static void awaitMaker(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while make() was running");
        }
    }

    /** A peer incarnation's threads; an uncaught exception in one of them fails the test while the peer lives. */
    private static final class PeerGroup extends ThreadGroup {
        private final int peer;
        private final BackgroundFailure failure;
        private volatile long killedAtNanos;

        PeerGroup(int peer, BackgroundFailure failure) {
            super("peer-" + peer);
            this.peer = peer;
            this.failure = failure;
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            super.uncaughtException(t, e);
            if (killedAtNanos == 0) {
                failure.record(String.format("peer %d: thread %s died: %s", peer, t.getName(), e));
            }
        }
    }
}
