package raftkit.tester;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.RaftPeer;
import raftkit.tester.timeline.Timeline;

/**
 * Reads one peer incarnation's apply queue and checks every message (the lab's {@code applier} and
 * {@code applierSnap}). It keeps reading after an error and after the peer is killed, as the lab's goroutine
 * does, so a Raft thread blocked in {@code put} can finish; a killed peer's reader ends once its queue has been
 * quiet for {@link #RETIRED_IDLE_MILLIS}, so hundreds of restarts do not leave hundreds of readers.
 */
final class Applier implements Runnable {

    /** How often a waiting applier looks at its stop flag. */
    private static final long POLL_MILLIS = 100;
    /** How long a killed peer's queue must stay empty before its reader ends. */
    static final long RETIRED_IDLE_MILLIS = 2000;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final int me;
    private final RaftPeer raft;
    private final BlockingQueue<ApplyMsg> applyCh;
    private final ApplierKind kind;
    private final AppliedLogs logs;
    private final BackgroundFailure failure;
    private final Timeline timeline;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean retired;
    private long lastActivityNanos;

    Applier(int me, RaftPeer raft, BlockingQueue<ApplyMsg> applyCh, ApplierKind kind, AppliedLogs logs,
            BackgroundFailure failure, Timeline timeline) {
        this.me = me;
        this.raft = raft;
        this.applyCh = applyCh;
        this.kind = kind;
        this.logs = logs;
        this.failure = failure;
        this.timeline = timeline;
        this.thread = new Thread(this, "applier-" + me);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The peer was killed: end once its queue has been quiet for a while. */
    void retire() {
        retired = true;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Stops reading and waits up to {@code millis} for the thread to end; false if it did not. */
    boolean stop(long millis) throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void run() {
        lastActivityNanos = System.nanoTime();
        while (!stopped) {
            ApplyMsg m;
            try {
                m = applyCh.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (m != null) {
                lastActivityNanos = System.nanoTime();
                handle(m);
            } else if (!retired) {
                lastActivityNanos = System.nanoTime();
            } else if (System.nanoTime() - lastActivityNanos > RETIRED_IDLE_MILLIS * NANOS_PER_MILLI) {
                return;
            }
        }
    }

    private void handle(ApplyMsg m) {
        timeline.applied(me, m);
        try {
            String error = kind == ApplierKind.APPLIER_SNAP ? applySnap(m) : apply(m);
            if (error != null) {
                failure.record(AppliedLogs.isFatalSnapshotError(error) ? error : "apply error: " + error);
            }
        } catch (RuntimeException e) {
            failure.record(String.format("server %d: the apply queue reader failed on %s: %s", me, m, e));
            e.printStackTrace();
        }
    }

    /** The lab's applier: ignores everything but commands. */
    private String apply(ApplyMsg m) {
        if (!m.commandValid()) {
            return null;
        }
        return checkCommand(m);
    }

    private String checkCommand(ApplyMsg m) {
        AppliedLogs.Check check = logs.checkLogs(me, m.commandIndex(), m.command());
        if (m.commandIndex() > 1 && !check.prevOk()) {
            return String.format("server %d apply out of order %d", me, m.commandIndex());
        }
        return check.error();
    }

    /** The lab's applierSnap: ingests snapshots, and asks Raft for one every SNAPSHOT_INTERVAL commands. */
    private String applySnap(ApplyMsg m) {
        if (m.snapshotValid()) {
            return logs.ingestSnap(me, m.snapshot(), m.snapshotIndex());
        }
        if (!m.commandValid()) {
            return null;
        }
        String error = null;
        int expected = logs.lastApplied(me) + 1;
        if (m.commandIndex() != expected) {
            error = String.format("server %d apply out of order, expected index %d, got %d",
                    me, expected, m.commandIndex());
        }
        if (error == null) {
            error = checkCommand(m);
        }
        logs.setLastApplied(me, m.commandIndex());
        if ((m.commandIndex() + 1) % Config.SNAPSHOT_INTERVAL == 0) {
            // called on the thread that reads the apply queue, as the lab's tester does
            raft.snapshot(m.commandIndex(), logs.snapshot(me, m.commandIndex()));
        }
        return error;
    }
}
