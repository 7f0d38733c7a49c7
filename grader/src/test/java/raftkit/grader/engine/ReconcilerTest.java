package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a results file and a JVM's end become results, including files cut short by a dying JVM. */
class ReconcilerTest {

    @TempDir
    Path dir;

    private static final ChildOutcome EXITED_1 = new ChildOutcome(1, false, false, 4.0);

    @Test
    void when_last_line_is_torn_then_earlier_lines_still_count() throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, "{\"event\":\"plan\",\"tests\":2}\n"
                + "{\"event\":\"started\",\"className\":\"C\",\"method\":\"testA3A\"}\n"
                + "{\"event\":\"finished\",\"className\":\"C\",\"method\":\"testA3A\",\"result\":\"SUCCESSFUL\","
                + "\"seconds\":1.5,\"seed\":\"9\"}\n"
                + "{\"event\":\"started\",\"className\":\"C\",\"method\":\"testB3A\"}\n"
                + "{\"event\":\"finis");
        RunReport report = Reconciler.reconcile(Reconciler.read(file), List.of("TestA3A", "TestB3A"), EXITED_1,
                dir, 100);
        assertEquals(List.of(new RunResult("TestA3A", Status.PASSED, 1.5, "", "9", dir),
                new RunResult("TestB3A", Status.CRASHED, 4.0,
                        "the JVM exited with code 1 (System.exit or a JVM error; see the log) during the test", "",
                        dir)), report.results());
    }

    @Test
    void when_results_file_is_missing_then_every_asked_test_crashed_before_starting() throws Exception {
        RunReport report = Reconciler.reconcile(Reconciler.read(dir.resolve("none")), List.of("testA3A"), EXITED_1,
                dir, 100);
        assertEquals(Status.CRASHED, report.results().get(0).status());
        assertEquals(List.of("TestA3A"), report.notStarted());
        assertEquals("did not run: the JVM exited with code 1 (System.exit or a JVM error; see the log) before it "
                + "started", report.results().get(0).note());
    }

    @Test
    void when_aborted_or_skipped_then_failed_not_passed() {
        List<ResultEvent> events = List.of(
                ResultEvent.finished("C", "testA3A", "ABORTED", 1, "assumption", null),
                ResultEvent.finished("C", "testB3A", "SKIPPED", 0, "skipped: disabled", null),
                ResultEvent.done());
        RunReport report = Reconciler.reconcile(events, List.of(), new ChildOutcome(0, false, false, 1), dir, 100);
        assertEquals(List.of(Status.FAILED, Status.FAILED), report.results().stream().map(RunResult::status).toList());
        assertEquals("aborted (not a pass): assumption", report.results().get(0).note());
    }

    @Test
    void when_killed_at_the_cap_then_timed_out() {
        List<ResultEvent> events = List.of(ResultEvent.started("C", "testA3A"));
        RunReport report = Reconciler.reconcile(events, List.of("testA3A"), new ChildOutcome(137, true, false, 20),
                dir, 100);
        assertEquals(Status.TIMED_OUT, report.results().get(0).status());
        assertEquals("killed at the wall-clock cap (20 s)", report.results().get(0).note());
    }

    @Test
    void when_the_tester_failed_a_test_at_its_limit_then_timed_out() {
        List<ResultEvent> events = List.of(ResultEvent.started("C", "testA3A"), ResultEvent.finished("C", "testA3A",
                ResultEvent.TIMED_OUT, 30.1, "test took longer than 30 seconds (test testA3A, seed 5)", "5"));
        RunReport report = Reconciler.reconcile(events, List.of("testA3A"), new ChildOutcome(0, false, false, 31),
                dir, 100);
        assertEquals(Status.TIMED_OUT, report.results().get(0).status());
        assertEquals("test took longer than 30 seconds (test testA3A, seed 5)", report.results().get(0).note());
    }

    @Test
    void when_a_failure_only_reads_like_a_timeout_then_it_is_a_failure() {
        // The status travels as the result; a test's own message that happens to quote Go's text is just a failure.
        List<ResultEvent> events = List.of(ResultEvent.started("C", "testA3A"), ResultEvent.finished("C", "testA3A",
                "FAILED", 1, "test took longer than 120 seconds", null));
        RunReport report = Reconciler.reconcile(events, List.of("testA3A"), new ChildOutcome(0, false, false, 2),
                dir, 100);
        assertEquals(Status.FAILED, report.results().get(0).status());
    }
}
