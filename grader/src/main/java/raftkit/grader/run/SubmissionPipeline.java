package raftkit.grader.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import raftkit.grader.build.Submission;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.engine.Status;
import raftkit.grader.score.SubmissionResult.Outcome;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/**
 * Grades one submission from hand-in to result: build it ({@link SubmissionBuild}), run the tests, sweep up the
 * processes it left. {@code grade --submission} runs this once, {@code batch} once per submission, so both score
 * a hand-in alike. A problem with the submission becomes an outcome and notes, never an exception.
 */
public final class SubmissionPipeline {

    /**
     * Builds at once, across every submission this pipeline grades: one per core. Compiling takes a core while it
     * lasts and a test run mostly waits, so compilers started together for a whole batch would take the cores
     * from the first submissions' timing-sensitive tests; one at a time per core, they also stagger the test JVMs'
     * own start-up.
     */
    private final Semaphore buildSlots = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final SubmissionBuild build;
    private final SubmissionGrader grader;
    private final PrintWriter console;

    /** @param console where the build's notes are printed before the tests run, or null for silence */
    public SubmissionPipeline(SubmissionBuild build, SubmissionGrader grader, PrintWriter console) {
        this.build = build;
        this.grader = grader;
        this.console = console;
    }

    public SubmissionGrader grader() {
        return grader;
    }

    /** Grades {@code submission} in {@code scratch} (emptied first); its run logs go to {@code scratch/logs}. */
    public SubmissionResult grade(Submission submission, Path scratch) throws IOException, InterruptedException {
        long start = System.nanoTime();
        SubmissionBuild.Result built;
        buildSlots.acquire();
        try {
            built = build.build(submission.source(), submission.zip(), scratch);
        } finally {
            buildSlots.release();
        }
        List<String> notes = new ArrayList<>(built.notes());
        // A refused archive is the caller's one-line error, not a note.
        if (console != null && built.outcome() != SubmissionBuild.Outcome.REFUSED) {
            notes.forEach(note -> console.println("note: " + note));
            console.flush();
        }
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

    /** The result of a submission that was not graded at all, every planned test scored {@code status}. */
    public SubmissionResult notGraded(Submission submission, Outcome outcome, Status status, String reason,
                                      List<String> notes, long start) {
        List<TestScore> tests = grader.planned().stream().map(t -> TestScore.notRun(t, status, reason)).toList();
        return finish(submission, outcome, tests, notes, start);
    }

    private SubmissionResult notBuilt(Submission submission, SubmissionBuild.Result built, List<String> notes,
                                      long start) {
        return switch (built.outcome()) {
            case REFUSED -> notGraded(submission, Outcome.REFUSED, Status.NOT_RUN, "archive refused", notes, start);
            case NO_FILES -> notGraded(submission, Outcome.NO_FILES, Status.NOT_RUN, "no student files", notes,
                    start);
            default -> {
                notes.add("compile error: " + built.firstLines());
                if (console != null) {
                    console.println("--- the submission does not compile:");
                    console.println(built.firstLines());
                }
                String first = built.firstLines().lines().findFirst().orElse("");
                yield notGraded(submission, Outcome.NOT_COMPILED, Status.NOT_COMPILED, "did not compile: " + first,
                        notes, start);
            }
        };
    }

    private static SubmissionResult finish(Submission submission, Outcome outcome, List<TestScore> tests,
                                           List<String> notes, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SubmissionResult(submission.name(), outcome, tests, notes, seconds,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
