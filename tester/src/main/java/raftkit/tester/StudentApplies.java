package raftkit.tester;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import raftkit.raft.api.ApplyMsg;

/**
 * Reads the student's apply queue in part 3X and keeps what arrived, in order, across restarts. It checks only that
 * commands come in index order; what they should be is each test's business.
 */
final class StudentApplies {

    private static final long POLL_MILLIS = 20;

    private final List<ApplyMsg> applied = new ArrayList<>();
    private final BackgroundFailure failure;
    private Reader reader;

    StudentApplies(BackgroundFailure failure) {
        this.failure = failure;
    }

    /**
     * Starts reading a new incarnation's queue; the old reader stops. {@code lastApplied} is -1 when the first
     * command's index is unknown (a restart from a snapshot).
     */
    synchronized void attach(BlockingQueue<ApplyMsg> queue, int lastApplied) {
        detach();
        reader = new Reader(queue, lastApplied);
        reader.start();
    }

    synchronized void detach() {
        if (reader != null) {
            reader.stopped = true;
            reader = null;
        }
    }

    /** Everything applied so far, by every incarnation. */
    synchronized List<ApplyMsg> all() {
        return List.copyOf(applied);
    }

    /** The commands applied so far, oldest first (snapshots left out). */
    synchronized List<Object> commands() {
        return applied.stream().filter(ApplyMsg::commandValid).map(ApplyMsg::command).toList();
    }

    /** Waits until {@code count} messages have been applied, or {@code millis} passed. */
    synchronized boolean await(int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (applied.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void add(ApplyMsg m) {
        applied.add(m);
        notifyAll();
    }

    private final class Reader extends Thread {
        private final BlockingQueue<ApplyMsg> queue;
        private int lastApplied;
        private volatile boolean stopped;

        Reader(BlockingQueue<ApplyMsg> queue, int lastApplied) {
            super("tester-3x-applier");
            setDaemon(true);
            this.queue = queue;
            this.lastApplied = lastApplied;
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    ApplyMsg m = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (m != null && !stopped) {
                        check(m);
                        add(m);
                    }
                }
            } catch (InterruptedException e) {
                // the cluster is closing
            }
        }

        private void check(ApplyMsg m) {
            if (m.snapshotValid()) {
                lastApplied = m.snapshotIndex();
            } else if (m.commandValid()) {
                if (lastApplied >= 0 && m.commandIndex() != lastApplied + 1) {
                    failure.record(String.format("server %d apply out of order %d", ScriptedCluster.STUDENT,
                            m.commandIndex()));
                }
                lastApplied = m.commandIndex();
            }
        }
    }
}
