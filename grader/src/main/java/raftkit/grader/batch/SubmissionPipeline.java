package raftkit.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import raftkit.grader.batch.SubmissionResult.Outcome;
import raftkit.grader.batch.TestScore.Status;

/**
 * Grades one submission from hand-in to stored result: build it ({@link SubmissionBuild}), run the tests, keep
 * the logs, save the result. A problem with the submission becomes an outcome and notes, never an exception that
 * stops the batch.
 */
public final class SubmissionPipeline {

    /** Set when the grader is shutting down (Ctrl-C): runs cut short from then on are not results. */
    static final AtomicBoolean STOPPING = new AtomicBoolean();

    private final SubmissionBuild build;
    private final SubmissionGrader grader;
    private final ResultStore store;
    private final Path workDir;
    private final boolean keepScratch;

    public SubmissionPipeline(SubmissionBuild build, SubmissionGrader grader, ResultStore store, Path workDir,
                              boolean keepScratch) {
        this.build = build;
        this.grader = grader;
        this.store = store;
        this.workDir = workDir;
        this.keepScratch = keepScratch;
    }

    /** Grades {@code submission}, stores and returns its result. */
    public SubmissionResult run(Submission submission) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path scratch = Scratch.fresh(workDir.resolve(submission.name()));
        List<String> notes = new ArrayList<>();
        SubmissionResult result;
        try {
            result = grade(submission, scratch, notes, start);
        } catch (IOException | RuntimeException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("the batch was stopped while grading " + submission.name());
            }
            notes.add("internal error while grading: " + e);
            result = finish(submission, Outcome.ERROR, notRun(Status.NOT_RUN, "not graded: internal error"),
                    notes, start);
        }
        if (Thread.interrupted() || STOPPING.get()) {
            // A stopped batch must not record a half-graded submission as finished.
            throw new InterruptedException("the batch was stopped while grading " + submission.name());
        }
        new ReportFolder(store).keep(result, scratch);
        if (!keepScratch) {
            Scratch.delete(scratch);
        }
        return result;
    }

    private SubmissionResult grade(Submission submission, Path scratch, List<String> notes, long start)
            throws IOException, InterruptedException {
        SubmissionBuild.Result built = build.build(submission.source(), submission.zip(), scratch);
        notes.addAll(built.notes());
        if (built.outcome() != SubmissionBuild.Outcome.COMPILED) {
            return notBuilt(submission, built, notes, start);
        }
        String tag = submission.name() + "-" + UUID.randomUUID();
        SubmissionGrader.Prepared prepared = new SubmissionGrader.Prepared(submission.name(), scratch,
                built.classes(), Files.createDirectories(scratch.resolve("logs")), tag);
        List<TestScore> tests;
        try {
            tests = grader.grade(prepared);
        } finally {
            int left = Leftovers.kill(tag);
            if (left > 0) {
                notes.add("killed " + left + " process(es) the submission left running after its tests");
            }
        }
        return finish(submission, Outcome.GRADED, tests, notes, start);
    }

    private SubmissionResult notBuilt(Submission submission, SubmissionBuild.Result built, List<String> notes,
                                      long start) {
        return switch (built.outcome()) {
            case REFUSED -> finish(submission, Outcome.REFUSED, notRun(Status.NOT_RUN, "archive refused"), notes,
                    start);
            case NO_FILES -> finish(submission, Outcome.NO_FILES, notRun(Status.NOT_RUN, "no student files"), notes,
                    start);
            default -> {
                notes.add("compile error: " + built.firstLines());
                yield finish(submission, Outcome.NOT_COMPILED, notRun(Status.NOT_COMPILED, "did not compile"), notes,
                        start);
            }
        };
    }

    private List<TestScore> notRun(Status status, String reason) {
        return grader.plan().stream().map(t -> TestScore.notRun(t, status, reason)).toList();
    }

    private static SubmissionResult finish(Submission submission, Outcome outcome, List<TestScore> tests,
                                           List<String> notes, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SubmissionResult(submission.name(), outcome, tests, notes, seconds,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
