package raftkit.grader.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import raftkit.grader.build.Scratch;
import raftkit.grader.build.Submission;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.build.SubmissionFinder;
import raftkit.grader.engine.Status;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.report.BatchReport;
import raftkit.grader.report.ClassReports;
import raftkit.grader.report.ReportFolder;
import raftkit.grader.report.ResultStore;
import raftkit.grader.score.SubmissionResult.Outcome;
import raftkit.grader.score.SubmissionResult;

/**
 * Grades a folder of submissions, {@code jobs} at a time: skips finished ones (unless forced or named), stores
 * each result as soon as it is done, and rebuilds the class reports after each one, so a stopped batch loses at
 * most the submissions in flight.
 */
public final class BatchRunner {

    /**
     * @param submissions the submissions folder
     * @param reportDir   the report folder
     * @param workDir     where scratch folders go
     * @param jobs        submissions graded at once
     * @param force       regrade finished submissions
     * @param only        grade just these (finished or not); empty for all
     * @param keepScratch keep each scratch folder (for debugging the grader)
     * @param showBar     draw a progress bar (on a terminal)
     */
    public record Options(Path submissions, Path reportDir, Path workDir, int jobs, boolean force, List<String> only,
                          boolean keepScratch, boolean showBar) {
    }

    /** What a batch did: how many it graded now, how many it skipped as finished, and the final report. */
    public record Summary(int graded, int skipped, BatchReport report) {
    }

    /** Set when the grader is shutting down (Ctrl-C): runs cut short from then on are not results. */
    static final AtomicBoolean STOPPING = new AtomicBoolean();

    private final SubmissionPipeline pipeline;
    private final Sandbox sandbox;

    public BatchRunner(SubmissionBuild build, SubmissionGrader grader, Sandbox sandbox) {
        this.pipeline = new SubmissionPipeline(build, grader, null);
        this.sandbox = sandbox;
    }

    public Summary run(Options options, PrintWriter out) throws IOException, InterruptedException {
        List<Submission> all = SubmissionFinder.find(options.submissions());
        ResultStore store = new ResultStore(options.reportDir());
        List<Submission> todo = select(all, options, store);
        List<PlannedTest> planned = pipeline.grader().planned();
        ClassReports reports = new ClassReports(store, planned, sandbox.description());
        out.println("batch: " + all.size() + " submissions, " + todo.size() + " to grade, "
                + (all.size() - todo.size()) + " already finished; " + options.jobs() + " at a time");
        out.println(sandbox.description());
        out.flush();
        double maxScore = planned.stream().mapToDouble(PlannedTest::points).sum();
        Thread killChildren = new Thread(BatchRunner::killChildren, "batch-kill-children");
        Runtime.getRuntime().addShutdownHook(killChildren);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()), daemonThreads());
        try (BatchProgress progress = new BatchProgress(out, todo.size(), options.showBar())) {
            CompletionService<SubmissionResult> done = new ExecutorCompletionService<>(pool);
            todo.forEach(s -> done.submit(() -> gradeAndKeep(s, store, options)));
            for (int i = 0; i < todo.size(); i++) {
                SubmissionResult result = take(done);
                progress.finished(result, maxScore);
                reports.rebuild(all);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            try {
                Runtime.getRuntime().removeShutdownHook(killChildren);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running already, which is what it is for.
            }
        }
        BatchReport report = reports.rebuild(all);
        out.println("reports: " + options.reportDir().resolve("index.html") + " (also results.csv, results.json)");
        out.flush();
        return new Summary(todo.size(), all.size() - todo.size(), report);
    }

    /**
     * Grades one submission in a fresh scratch folder and keeps its result in the report folder. A grader error
     * on one submission is that submission's outcome, not the end of the batch.
     */
    private SubmissionResult gradeAndKeep(Submission submission, ResultStore store, Options options)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path scratch = Scratch.fresh(options.workDir().resolve(submission.name()));
        SubmissionResult result;
        try {
            result = pipeline.grade(submission, scratch);
        } catch (IOException | RuntimeException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the batch was stopped while grading " + submission.name());
            }
            result = pipeline.notGraded(submission, Outcome.ERROR, Status.NOT_RUN, "not graded: internal error",
                    List.of("internal error while grading: " + e), start);
        }
        if (Thread.interrupted() || STOPPING.get()) {
            // A stopped batch must not record a half-graded submission as finished.
            throw new InterruptedException("the batch was stopped while grading " + submission.name());
        }
        new ReportFolder(store).keep(result, scratch);
        if (!options.keepScratch()) {
            Scratch.delete(scratch);
        }
        return result;
    }

    private static List<Submission> select(List<Submission> all, Options options, ResultStore store) {
        if (!options.only().isEmpty()) {
            Set<String> names = new HashSet<>();
            all.forEach(s -> names.add(s.name()));
            List<String> unknown = options.only().stream().filter(n -> !names.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("no submission named " + String.join(", ", unknown) + " in "
                        + options.submissions());
            }
            return all.stream().filter(s -> options.only().contains(s.name())).toList();
        }
        List<Submission> todo = new ArrayList<>();
        for (Submission s : all) {
            if (options.force() || !store.isFinished(s.name())) {
                todo.add(s);
            }
        }
        return todo;
    }

    private static SubmissionResult take(CompletionService<SubmissionResult> done)
            throws IOException, InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IllegalStateException("grading a submission failed unexpectedly", e.getCause());
        }
    }

    /** On Ctrl-C or a kill, no test JVM or compiler may outlive the grader. */
    private static void killChildren() {
        STOPPING.set(true);
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
