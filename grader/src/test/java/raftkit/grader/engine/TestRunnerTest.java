package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.Fixtures;

/** Each hostile kind of test, run in a real child JVM: the status and note reported, and no process left. */
class TestRunnerTest {

    private static final double LIMIT = 3;

    @TempDir
    Path dir;

    private Path pidFile() {
        return dir.resolve("pid");
    }

    private RunReport run(String test) throws IOException, InterruptedException {
        TestRunner runner = Fixtures.runner(Map.of("fixture.pidfile", pidFile().toString()));
        return runner.run(Fixtures.spec("hostile", List.of(test), LIMIT, dir.resolve("run")), null);
    }

    private static RunResult only(RunReport report) {
        assertEquals(1, report.results().size(), report.results().toString());
        return report.results().get(0);
    }

    @AfterEach
    void noProcessLeft() throws IOException, InterruptedException {
        assertEquals(0, Fixtures.liveChildren(), "a child process survived");
        if (Files.exists(pidFile())) {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
            assertFalse(sleeper.map(ProcessHandle::isAlive).orElse(false), "the test's own subprocess survived");
        }
    }

    @Test
    void when_test_passes_then_passed_with_its_seed_and_output() throws Exception {
        StringWriter live = new StringWriter();
        TestRunner runner = Fixtures.runner(Map.of());
        RunReport report = runner.run(Fixtures.spec("hostile", List.of("TestPasses"), LIMIT, dir), live);
        RunResult result = only(report);
        assertEquals(Status.PASSED, result.status());
        assertEquals("TestPasses", result.test());
        assertEquals("4242", result.seed());
        assertTrue(live.toString().contains("  ... Passed --"), live.toString());
        assertTrue(Files.readString(report.log()).contains("Test (F): passes ..."));
    }

    @Test
    void when_test_fails_then_failed_with_its_message() throws Exception {
        RunResult result = only(run("testFails"));
        assertEquals(Status.FAILED, result.status());
        assertEquals("expected one leader, got none", result.note());
    }

    @Test
    void when_test_loops_forever_then_timed_out_and_its_process_tree_is_gone() throws Exception {
        RunResult result = only(run("testLoopsForever"));
        assertEquals(Status.TIMED_OUT, result.status());
        assertTrue(result.note().startsWith("test took longer than 3 seconds (test testLoopsForever)"), result.note());
        assertTrue(Files.exists(pidFile()), "the fixture should have started a subprocess");
        assertTrue(result.seconds() < LIMIT + TestRunner.BACKSTOP_GRACE_SECONDS, "stopped by the tester, not the "
                + "backstop: " + result.seconds() + " s");
    }

    @Test
    void when_test_calls_system_exit_then_crashed_with_the_exit_code() throws Exception {
        RunResult result = only(run("testExits"));
        assertEquals(Status.CRASHED, result.status());
        assertTrue(result.note().contains("exited with code 3"), result.note());
    }

    @Test
    void when_test_floods_output_then_output_is_cut_and_the_test_still_passes() throws Exception {
        RunReport report = run("testFloodsOutput");
        RunResult result = only(report);
        assertEquals(Status.PASSED, result.status());
        assertTrue(result.note().contains("output past 200000 characters cut"), result.note());
        assertTrue(report.outcome().outputCut());
        assertTrue(Files.size(report.log()) < 210_000, "log size " + Files.size(report.log()));
    }

    @Test
    void when_test_runs_out_of_heap_then_crashed_naming_the_error() throws Exception {
        // JUnit treats OutOfMemoryError as unrecoverable and stops the whole run, so the JVM's end is the news.
        RunResult result = only(run("testRunsOutOfHeap"));
        assertEquals(Status.CRASHED, result.status());
        assertTrue(result.note().contains("ran out of heap (OutOfMemoryError)"), result.note());
    }

    @Test
    void when_test_deadlocks_then_timed_out_naming_the_deadlocked_threads() throws Exception {
        RunReport report = run("testDeadlocks");
        RunResult result = only(report);
        assertEquals(Status.TIMED_OUT, result.status());
        assertTrue(result.note().startsWith("test took longer than 3 seconds (test testDeadlocks)"), result.note());
        assertTrue(result.note().contains("deadlock: \"peer-1\" waits for"), result.note());
        assertTrue(result.note().contains("deadlock: \"peer-2\" waits for"), result.note());
        String log = Files.readString(report.log());
        assertTrue(log.contains("testDeadlocks: test took longer than 3 seconds; all threads:"), log);
        assertTrue(log.contains("Deadlock found between 2 threads"), log);
    }

    @Test
    void when_container_fails_then_every_test_under_it_fails() throws Exception {
        RunReport report = Fixtures.runner(Map.of()).run(Fixtures.spec("broken", List.of(), LIMIT, dir), null);
        RunResult result = only(report);
        assertEquals(Status.FAILED, result.status());
        assertEquals("TestNeverRuns", result.test());
        assertTrue(result.note().contains("network would not start"), result.note());
    }

    @Test
    void when_test_does_not_exist_then_it_is_missing() throws Exception {
        RunReport report = run("TestNoSuchThing");
        assertTrue(report.noTestsFound());
        assertEquals(List.of("TestNoSuchThing"), report.missing());
    }
}
