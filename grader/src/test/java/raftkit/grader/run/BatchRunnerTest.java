package raftkit.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.build.PristineKit;
import raftkit.grader.build.SafeUnzip;
import raftkit.grader.build.SourceCompiler;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.engine.Status;
import raftkit.grader.fixtures.BatchFixtures;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.TestScore;

/**
 * The batch flow around the engine (discovery, overlay, compile, store, resume, reports) with a stand-in
 * grader that scores a submission by what its compiled Raft says, so these tests need no test JVMs.
 */
class BatchRunnerTest {

    private static final List<PlannedTest> PLAN = List.of(new PlannedTest("F1", "TestFreshPeer", 3, 1),
            new PlannedTest("F2", "TestStartOnFollower", 2, 1));

    @TempDir
    Path dir;

    /** Passes every test of a submission unless its Raft source says it is wrong; stops the batch on request. */
    private static final class StandInGrader implements SubmissionGrader {
        final List<String> graded = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);

        @Override
        public List<PlannedTest> planned() {
            return PLAN;
        }

        @Override
        public List<TestScore> grade(Prepared submission) throws java.io.IOException, InterruptedException {
            if (stopAfter.getAndDecrement() <= 0) {
                throw new InterruptedException("stopped");
            }
            graded.add(submission.name());
            String source = Files.readString(submission.scratch().resolve("kit/raft/src/main/java/raftkit/raft/Raft.java"));
            boolean right = !source.contains("wrongly");
            return PLAN.stream().map(t -> new TestScore(t.part(), t.name(), right ? Status.PASSED : Status.FAILED, 1,
                    right ? 1 : 0, 0.1, right ? t.points() : 0, t.points(), right ? "" : "wrong", "", "")).toList();
        }
    }

    private BatchRunner.Summary run(StandInGrader grader, Path submissions, Path report, boolean force,
                                    List<String> only) throws Exception {
        PristineKit kit = BatchFixtures.kit();
        Sandbox sandbox = Sandbox.none("test");
        SourceCompiler compiler = new SourceCompiler(List.of(BatchFixtures.KIT_ROOT.resolve("labrpc/target/classes")));
        BatchRunner runner = new BatchRunner(new SubmissionBuild(kit, new SafeUnzip(SafeUnzip.DEFAULT_MAX_BYTES,
                SafeUnzip.DEFAULT_MAX_ENTRIES), compiler), grader, sandbox);
        BatchRunner.Options options = new BatchRunner.Options(submissions, report, report.resolve(".scratch"), 2,
                force, only, false, false);
        return runner.run(options, new PrintWriter(new StringWriter()));
    }

    private Path fixtures() {
        return BatchFixtures.copy(dir.resolve("subs"), "correct", "wrong", "not-compiling", "edits-kit-file",
                "odd-layout.zip", "zip-slip.zip");
    }

    @Test
    void when_batch_runs_then_each_submission_gets_its_outcome_score_and_notes() throws Exception {
        BatchRunner.Summary summary = run(new StandInGrader(), fixtures(), dir.resolve("report"), false, List.of());
        String csv = Files.readString(dir.resolve("report/results.csv"));
        assertTrue(csv.contains("\r\ncorrect,GRADED,5,5,3,2,3,2,\r\n"), csv);
        assertTrue(csv.contains("\r\nwrong,GRADED,0,5,"), csv);
        assertTrue(csv.contains("\r\nnot-compiling,NOT_COMPILED,0,5,0,0,0,0,\"compile error: raft/src/main/java/"
                + "raftkit/raft/Raft.java:"), csv);
        assertTrue(csv.contains("\r\nodd-layout,GRADED,5,5,"), csv);
        assertTrue(csv.contains("\r\nzip-slip,GRADED,5,5,3,2,3,2,zip entry '../../zip-slip-escaped.txt' points outside"),
                csv);
        assertTrue(csv.contains("\r\nedits-kit-file,GRADED,5,5,3,2,3,2,kit file raft/src/main/java/raftkit/raft/api/"
                + "StartResult.java differed; the kit's copy was used\r\n"), csv);
        assertEquals(6, summary.report().results().size());
        for (String name : List.of("correct", "not-compiling", "zip-slip")) {
            Path folder = dir.resolve("report").resolve(name);
            assertTrue(Files.isRegularFile(folder.resolve("results.json")), name);
            assertTrue(Files.isRegularFile(folder.resolve("index.html")), name);
        }
        assertTrue(Files.isRegularFile(dir.resolve("report/not-compiling/logs/compile.log")));
        assertTrue(Files.notExists(dir.resolve("report/.scratch/correct")), "scratch folders are removed");
    }

    @Test
    void when_batch_is_stopped_part_way_then_a_rerun_resumes_and_gives_the_same_reports() throws Exception {
        Path subs = fixtures();
        StandInGrader straight = new StandInGrader();
        run(straight, subs, dir.resolve("straight"), false, List.of());

        StandInGrader stopping = new StandInGrader();
        stopping.stopAfter.set(2);
        assertThrows(InterruptedException.class, () -> run(stopping, subs, dir.resolve("resumed"), false, List.of()));
        StandInGrader resuming = new StandInGrader();
        BatchRunner.Summary summary = run(resuming, subs, dir.resolve("resumed"), false, List.of());
        assertTrue(summary.skipped() >= 2, "finished submissions are skipped: " + summary);
        List<String> regraded = new ArrayList<>(resuming.graded);
        regraded.retainAll(stopping.graded);
        assertEquals(List.of(), regraded, "no finished submission is graded twice");
        assertEquals(Files.readString(dir.resolve("straight/results.csv")),
                Files.readString(dir.resolve("resumed/results.csv")));
    }

    @Test
    void when_only_or_force_is_given_then_finished_submissions_are_graded_again() throws Exception {
        Path subs = fixtures();
        run(new StandInGrader(), subs, dir.resolve("r"), false, List.of());
        StandInGrader again = new StandInGrader();
        assertEquals(0, run(again, subs, dir.resolve("r"), false, List.of()).graded());
        assertEquals(1, run(again, subs, dir.resolve("r"), false, List.of("wrong")).graded());
        assertEquals(6, run(again, subs, dir.resolve("r"), true, List.of()).graded());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(again, subs, dir.resolve("r"), false, List.of("nobody")));
        assertTrue(e.getMessage().startsWith("no submission named nobody in "), e.getMessage());
    }
}
