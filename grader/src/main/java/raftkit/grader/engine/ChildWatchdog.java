package raftkit.grader.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Inside the child: stops a test that outlives its limit. It prints a thread dump to the log, names any deadlock
 * ThreadMXBean finds, records a {@code timeout} event and halts the JVM, so the parent learns why without having
 * to kill blind. The parent's wall-clock cap stays as the backstop for a child too sick to do this.
 */
final class ChildWatchdog {

    /** The watchdog fires this long after the limit, so the tester's own timeout gets to report first. */
    private static final double GRACE_SECONDS = 2;

    private final ResultsWriter results;
    private final long limitNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raftkit-watchdog");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    ChildWatchdog(ResultsWriter results, double limitSeconds) {
        this.results = results;
        this.limitNanos = (long) (limitSeconds * 1e9);
    }

    synchronized void arm(String className, String method) {
        disarm();
        if (limitNanos > 0) {
            long delay = limitNanos + (long) (GRACE_SECONDS * 1e9);
            pending = timer.schedule(() -> fire(className, method), delay, TimeUnit.NANOSECONDS);
        }
    }

    synchronized void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void fire(String className, String method) {
        double seconds = limitNanos / 1e9;
        try {
            String note = String.format("test took longer than %.0f seconds", seconds) + deadlockNote();
            // The event first: a dump of thousands of threads (a thread bomb) may itself fail or take long.
            results.write(ResultEvent.timeout(className, method, seconds, note));
            System.out.println("raftkit: " + TestNames.goName(method) + ": " + note + "; thread dump:");
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                System.out.print(info);
            }
        } finally {
            ChildMain.exit(ChildMain.EXIT_TIMEOUT);
        }
    }

    private static String deadlockNote() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) {
            return "";
        }
        String names = Arrays.stream(threads.getThreadInfo(ids))
                .map(info -> info == null ? "?" : info.getThreadName())
                .collect(Collectors.joining(", "));
        return "; deadlock between threads " + names;
    }
}
