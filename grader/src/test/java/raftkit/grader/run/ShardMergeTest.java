package raftkit.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftkit.grader.build.Shard;
import raftkit.grader.build.SafeUnzip;
import raftkit.grader.build.SourceCompiler;
import raftkit.grader.build.Submission;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.build.SubmissionFinder;
import raftkit.grader.engine.Status;
import raftkit.grader.fixtures.BatchFixtures;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.report.ResultStore;
import raftkit.grader.report.ShardManifest;
import raftkit.grader.report.ShardMerge;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;
import raftkit.grader.cli.GraderCommand;

/**
 * Shards of a class graded by the real batch flow (overlay, compile, store) with a stand-in for the test JVMs,
 * then merged: the merged reports must be those of one unsharded run, however the shards went.
 */
class ShardMergeTest {

    private static final List<PlannedTest> PLAN = List.of(new PlannedTest("F1", "TestFreshPeer", 3, 1),
            new PlannedTest("F2", "TestStartOnFollower", 2, 1));
    /** By the pinned assignment: shard 0/3 holds correct and not-compiling, 1/3 heap-exhaustion, 2/3 the rest. */
    private static final String[] CLASS = {"correct", "not-compiling", "heap-exhaustion", "wrong", "odd-layout.zip"};

    @TempDir
    Path dir;

    private Path subs;
    private List<String> names;

    /** Passes a submission unless its Raft source says it is wrong; can stop the batch part way, like a kill. */
    private static final class StandInGrader implements SubmissionGrader {
        final List<String> graded = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);

        @Override
        public List<PlannedTest> planned() {
            return PLAN;
        }

        @Override
        public List<TestScore> grade(Prepared submission) throws IOException, InterruptedException {
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

    @BeforeEach
    void copyClass() {
        subs = BatchFixtures.copy(dir.resolve("subs"), CLASS);
        names = SubmissionFinder.find(subs).stream().map(Submission::name).toList();
    }

    private BatchRunner.Summary grade(StandInGrader grader, Path report, Shard shard) throws Exception {
        return grade(grader, report, shard, 2);
    }

    private BatchRunner.Summary grade(StandInGrader grader, Path report, Shard shard, int jobs) throws Exception {
        SourceCompiler compiler = new SourceCompiler(List.of(BatchFixtures.KIT_ROOT.resolve("labrpc/target/classes")));
        BatchRunner runner = new BatchRunner(new SubmissionBuild(BatchFixtures.kit(), new SafeUnzip(
                SafeUnzip.DEFAULT_MAX_BYTES, SafeUnzip.DEFAULT_MAX_ENTRIES), compiler), grader, Sandbox.none("test"));
        return runner.run(new BatchRunner.Options(subs, report, report.resolve(".scratch"), jobs, false, List.of(),
                false, false, shard), new PrintWriter(new StringWriter()));
    }

    private ShardMerge.Summary merge(Path out, Path... reports) throws IOException {
        return ShardMerge.merge(List.of(reports), Optional.of(names), out);
    }

    private Path unsharded() throws Exception {
        Path whole = dir.resolve("whole");
        grade(new StandInGrader(), whole, Shard.WHOLE);
        return whole;
    }

    /** The JSON report without its times (when written, when each submission finished, how long it took). */
    private static String json(Path report) throws IOException {
        return Files.readString(report.resolve("results.json"))
                .replaceAll("\"(generated|finished)\" : \"[^\"]*\"", "")
                .replaceAll("\"seconds\" : [0-9.E-]+", "");
    }

    private static void assertSameReports(Path expected, Path actual) throws IOException {
        assertEquals(Files.readString(expected.resolve("results.csv")), Files.readString(actual.resolve("results.csv")));
        assertEquals(json(expected), json(actual));
    }

    @Test
    void when_shards_share_a_report_folder_then_the_merge_equals_one_unsharded_run() throws Exception {
        Path whole = unsharded();
        Path shared = dir.resolve("shared");
        for (int k = 0; k < 3; k++) {
            assertEquals(List.of(2, 1, 2).get(k),
                    grade(new StandInGrader(), shared, new Shard(k, 3)).graded(), "graded by shard " + k);
        }
        assertFalse(Files.exists(shared.resolve("results.csv")), "a shard writes no class report");
        ShardMerge.Summary summary = merge(shared, shared);
        assertTrue(summary.complete(), summary.toString());
        assertEquals(List.of(), summary.duplicates());
        assertSameReports(whole, shared);
        assertTrue(Files.readString(shared.resolve("index.html")).contains("href=\"wrong/index.html\""));
    }

    @Test
    void when_each_shard_has_its_own_folder_then_the_merge_gathers_them_into_one() throws Exception {
        Path whole = unsharded();
        Path[] shards = new Path[3];
        for (int k = 0; k < 3; k++) {
            shards[k] = dir.resolve("shard-" + k);
            grade(new StandInGrader(), shards[k], new Shard(k, 3));
        }
        Path merged = dir.resolve("merged");
        assertTrue(merge(merged, shards).complete());
        assertSameReports(whole, merged);
        for (String name : names) {
            assertTrue(Files.isRegularFile(merged.resolve(name).resolve("index.html")), name + "'s page is copied");
        }
    }

    @Test
    void when_a_shard_is_killed_and_rerun_then_it_resumes_and_the_merge_completes() throws Exception {
        Path whole = unsharded();
        Path shared = dir.resolve("shared");
        grade(new StandInGrader(), shared, new Shard(0, 3));
        grade(new StandInGrader(), shared, new Shard(1, 3));
        // Shard 2/3 (wrong, odd-layout) is killed after grading one of its two submissions, one at a time.
        StandInGrader killed = new StandInGrader();
        killed.stopAfter.set(1);
        assertThrows(InterruptedException.class, () -> grade(killed, shared, new Shard(2, 3), 1));
        assertEquals(1, killed.graded.size());

        ShardMerge.Summary partial = merge(shared, shared);
        assertFalse(partial.complete());
        List<String> lost = new ArrayList<>(List.of("odd-layout", "wrong"));
        lost.removeAll(killed.graded);
        assertEquals(List.of(lost.get(0) + " (shard 2/3)"), partial.missing());

        StandInGrader rerun = new StandInGrader();
        assertEquals(1, grade(rerun, shared, new Shard(2, 3)).skipped(), "the finished submission is kept");
        assertEquals(lost, rerun.graded);
        assertTrue(merge(shared, shared).complete());
        assertSameReports(whole, shared);
    }

    @Test
    void when_a_shard_never_ran_then_the_merge_names_it_and_its_submissions() throws Exception {
        Path shared = dir.resolve("shared");
        grade(new StandInGrader(), shared, new Shard(0, 3));
        grade(new StandInGrader(), shared, new Shard(2, 3));
        ShardMerge.Summary summary = merge(shared, shared);
        assertEquals(List.of("heap-exhaustion (shard 1/3)"), summary.missing());
        assertEquals(List.of("shard 1/3 never started (no .batch/shard-1-of-3.json in any report folder)"),
                summary.unstarted());
        assertEquals(4, summary.report().results().size(), "the reports show what was graded");
        // Without the submissions folder the class is what the shards recorded; the silent shard is still named.
        ShardMerge.Summary blind = ShardMerge.merge(List.of(shared), Optional.empty(), shared);
        assertEquals(List.of(), blind.missing());
        assertFalse(blind.complete());

        StringWriter out = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(1, GraderCommand.execute(new String[] {"batch-merge", shared.toString(), "--submissions",
            subs.toString()}, cli));
        assertTrue(out.toString().contains("\n  shard 1/3 never started"), out.toString());
        assertTrue(out.toString().contains("\n  missing 1: heap-exhaustion (shard 1/3); rerun those shards"),
                out.toString());
    }

    @Test
    void when_a_submission_is_graded_twice_then_the_result_finished_last_is_kept_and_named() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        grade(new StandInGrader(), first, Shard.WHOLE);
        grade(new StandInGrader(), second, new Shard(2, 3));
        ResultStore store = new ResultStore(first);
        SubmissionResult wrong = store.load("wrong").orElseThrow();
        store.save(new SubmissionResult("wrong", wrong.outcome(), wrong.tests(), List.of("regraded by hand"),
                wrong.seconds(), "2999-01-01T00:00:00Z"));

        Path merged = dir.resolve("merged");
        ShardMerge.Summary summary = merge(merged, second, first);
        assertEquals(List.of(), summary.missing());
        assertEquals(List.of("odd-layout", "wrong"), summary.duplicates().stream().map(ShardMerge.Duplicate::name)
                .toList());
        ShardMerge.Duplicate twice = summary.duplicates().get(1);
        assertEquals(List.of(second, first), twice.folders());
        assertEquals(first, twice.kept());
        assertEquals("2999-01-01T00:00:00Z", twice.finished());
        assertTrue(Files.readString(merged.resolve("results.csv")).contains("\r\nwrong,GRADED,0,5,0,0,0,0,regraded by hand"
                + "\r\n"));
        assertEquals(second, summary.duplicates().get(0).kept(), "on a tie or a later rerun, the later folder is kept");
    }

    @Test
    void when_folders_are_not_batch_reports_or_graded_other_tests_then_the_merge_refuses() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> merge(empty, empty));
        assertTrue(none.getMessage().endsWith("holds no .batch/shard-K-of-N.json, so it is not the report folder of "
                + "a batch run"), none.getMessage());

        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        new ShardManifest(0, 2, PLAN, "sandbox", List.of("correct")).write(a);
        new ShardManifest(1, 2, PLAN.subList(0, 1), "sandbox", List.of("wrong")).write(b);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> merge(a, a, b));
        assertTrue(other.getMessage().startsWith("shard 1/2 in " + b + " graded other tests than the shards in " + a),
                other.getMessage());
    }
}
