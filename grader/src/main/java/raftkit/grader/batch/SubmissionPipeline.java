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
 * Grades one submission from hand-in to stored result: unpack, overlay onto the pristine kit, compile, run the
 * tests, keep the logs, save the result. A problem with the submission becomes an outcome and notes, never an
 * exception that stops the batch.
 */
public final class SubmissionPipeline {

    /** Set when the grader is shutting down (Ctrl-C): runs cut short from then on are not results. */
    static final AtomicBoolean STOPPING = new AtomicBoolean();

    private final Overlay overlay;
    private final SafeUnzip unzip;
    private final SourceCompiler compiler;
    private final SubmissionGrader grader;
    private final ResultStore store;
    private final Path workDir;
    private final boolean keepScratch;

    public SubmissionPipeline(PristineKit kit, SafeUnzip unzip, SourceCompiler compiler, SubmissionGrader grader,
                              ResultStore store, Path workDir, boolean keepScratch) {
        this.overlay = new Overlay(kit);
        this.unzip = unzip;
        this.compiler = compiler;
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
        Path tree;
        try {
            tree = unpack(submission, scratch, notes);
        } catch (SafeUnzip.RefusedArchiveException e) {
            notes.add(e.getMessage());
            return finish(submission, Outcome.REFUSED, notRun(Status.NOT_RUN, "archive refused"), notes, start);
        }
        Path kitDir = scratch.resolve("kit");
        Overlay.Result overlaid = overlay.apply(tree, kitDir);
        notes.addAll(overlaid.notes());
        if (overlaid.taken().isEmpty()) {
            return finish(submission, Outcome.NO_FILES, notRun(Status.NOT_RUN, "no student files"), notes, start);
        }
        SourceCompiler.Result compiled = compiler.compile(scratch, kitDir,
                overlay.kit().layout().studentSourceRoots());
        if (!compiled.ok()) {
            notes.add("compile error: " + compiled.firstLines());
            return finish(submission, Outcome.NOT_COMPILED, notRun(Status.NOT_COMPILED, "did not compile"), notes,
                    start);
        }
        String tag = submission.name() + "-" + UUID.randomUUID();
        SubmissionGrader.Prepared prepared = new SubmissionGrader.Prepared(submission.name(), scratch,
                compiled.classes(), Files.createDirectories(scratch.resolve("logs")), tag);
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

    /** The folder whose files are matched against the kit: the submission folder, or the extracted zip. */
    private Path unpack(Submission submission, Path scratch, List<String> notes) throws IOException {
        if (!submission.zip()) {
            return submission.source();
        }
        Path tree = scratch.resolve("submission");
        notes.addAll(unzip.extract(submission.source(), tree));
        List<String> files = Overlay.regularFiles(tree);
        List<String> zips = files.stream().filter(f -> f.toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))
                .toList();
        if (files.stream().noneMatch(f -> f.endsWith(".java")) && zips.size() == 1) {
            notes.add("the archive holds one zip, " + zips.get(0) + "; it was extracted too");
            Path inner = scratch.resolve("submission-inner");
            notes.addAll(unzip.extract(tree.resolve(zips.get(0)), inner));
            return inner;
        }
        return tree;
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
