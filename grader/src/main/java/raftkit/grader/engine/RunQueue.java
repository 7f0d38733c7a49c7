package raftkit.grader.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs many child JVMs, {@code parallel} at a time, and hands each finished run to a listener (one call at a time,
 * in completion order). Used by {@code grade}, {@code repeat} and {@code batch}.
 */
public final class RunQueue {

    /** One child JVM to run: which run of its tests it is (from 1), and its spec. */
    public record Job(int run, RunSpec spec) {
    }

    /** Told about each finished job; returning false stops the queue (jobs not yet started are dropped). */
    @FunctionalInterface
    public interface Listener {
        boolean finished(Job job, RunReport report) throws IOException;
    }

    /** Runs one job; the default is {@link TestRunner#run}, and a caller may add steps around it. */
    @FunctionalInterface
    public interface JobRunner {
        RunReport run(Job job, Writer echo) throws IOException, InterruptedException;
    }

    private RunQueue() {
    }

    /** As {@link #runAll(JobRunner, List, int, Writer, Listener)}, each job run by {@code runner} as it is. */
    public static void runAll(TestRunner runner, List<Job> jobs, int parallel, Writer live, Listener listener)
            throws IOException, InterruptedException {
        runAll((job, echo) -> runner.run(job.spec(), echo), jobs, parallel, live, listener);
    }

    /**
     * Runs {@code jobs} and returns when all have finished or the listener asked to stop.
     *
     * @param live where a child's output is echoed as it runs; only used when {@code parallel} is 1, since
     *             interleaved output helps nobody
     */
    public static void runAll(JobRunner runner, List<Job> jobs, int parallel, Writer live, Listener listener)
            throws IOException, InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Writer echo = parallel == 1 ? live : null;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "raftkit-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = jobs.stream().map(job -> pool.submit(() -> {
                if (stop.get()) {
                    return null;
                }
                RunReport report = runner.run(job, echo);
                synchronized (listener) {
                    if (!stop.get() && !listener.finished(job, report)) {
                        stop.set(true);
                    }
                }
                return (Void) null;
            })).toList();
            for (Future<Void> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> future) throws IOException, InterruptedException {
        try {
            future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
