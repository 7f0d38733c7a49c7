package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartResultsTest {

    @TempDir
    Path out;

    @Test
    void when_the_grader_wrote_its_result_then_each_test_is_read_with_its_part_status_and_time() throws Exception {
        Fixture.write(out, KitGrader.RESULT_FILE, """
                {"name": "working tree", "outcome": "GRADED", "tests": [
                  {"part": "3A", "name": "TestInitialElection3A", "status": "FAILED", "runs": 1, "passes": 0,
                   "seconds": 5.02, "points": 0, "maxPoints": 5, "message": "expected one leader", "seed": "1",
                   "log": "3A/run-1/testInitialElection3A.log"},
                  {"part": "3A", "name": "TestReElection3A", "status": "PASSED", "seconds": 0.1},
                  {"part": "3B", "name": "TestBasicAgree3B", "status": "NOT_FOUND", "seconds": 0}],
                 "notes": [], "seconds": 6.0, "finished": "2026-01-01T00:00:00Z"}
                """);

        List<KitGrader.TestResult> results = KitGrader.read(out);

        assertEquals(List.of(new KitGrader.TestResult("3A", "TestInitialElection3A", 5.02, "FAILED"),
                new KitGrader.TestResult("3A", "TestReElection3A", 0.1, "PASSED"),
                new KitGrader.TestResult("3B", "TestBasicAgree3B", 0, "NOT_FOUND")), results);
        assertFalse(results.get(0).passed());
        assertTrue(results.get(1).passed());
    }

    @Test
    void when_the_grader_wrote_no_result_then_there_are_no_results() throws Exception {
        assertEquals(List.of(), KitGrader.read(out.resolve("missing")));
    }

    @Test
    void when_the_kit_is_graded_then_its_own_script_runs_the_parts_into_the_folder() {
        Path kit = Path.of("kit");
        assertEquals(List.of(kit.resolve("grader/grade").toString(), "3A", "3B", "--out", "results"),
                KitGrader.command(kit, List.of("3A", "3B"), Path.of("results")));
    }

    private static KitGrader.TestResult result(String name, double seconds, String status) {
        return new KitGrader.TestResult(name.substring(name.length() - 2), name, seconds, status);
    }

    @Test
    void when_every_stub_test_fails_quickly_then_the_stub_check_holds() {
        PartResults results = PartResults.of(List.of(result("TestInitialElection3A", 5.0, "FAILED"),
                result("TestReElection3A", 5.5, "TIMED_OUT")), List.of("3A"));

        Check check = results.judgeStub("stub fails");

        assertTrue(check.ok(), check::toString);
        assertEquals("3A 2 of 2 failed in 10.5 s (limits: 3A 60 s, a test 60 s)", check.detail());
    }

    @Test
    void when_a_stub_test_passes_or_3a_is_slow_then_the_stub_check_fails_and_says_why() {
        PartResults results = PartResults.of(List.of(result("TestInitialElection3A", 58.0, "FAILED"),
                result("TestReElection3A", 3.0, "PASSED")), List.of("3A", "3B"));

        Check check = results.judgeStub("stub fails");

        assertFalse(check.ok());
        assertEquals(List.of("3A: took 61.0 s, over the 60 s limit",
                "TestReElection3A (3.0 s) did not fail on the stub", "3B: no graded test ran"), check.evidence());
    }

    @Test
    void when_later_parts_fail_slowly_but_no_test_nears_its_limit_then_the_stub_check_holds() {
        List<KitGrader.TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tests.add(result("Test" + i + "3B", 10.0, "FAILED"));
        }
        tests.add(result("TestInitialElection3A", 5.0, "FAILED"));

        assertTrue(PartResults.of(tests, List.of("3A", "3B")).judgeStub("stub fails").ok());
    }

    @Test
    void when_a_stub_test_nears_its_time_limit_then_the_stub_check_fails() {
        PartResults results = PartResults.of(List.of(result("TestBackup3B", 120.3, "TIMED_OUT")), List.of("3B"));

        Check check = results.judgeStub("stub fails");

        assertFalse(check.ok());
        assertEquals(List.of("TestBackup3B (120.3 s) took over 60 s to fail"), check.evidence());
    }

    @Test
    void when_the_reference_fails_a_test_then_the_reference_check_names_it() {
        PartResults results = PartResults.of(List.of(result("TestInitialElection3A", 3.0, "PASSED"),
                result("TestReElection3A", 4.0, "TIMED_OUT")), List.of("3A"));

        Check check = results.judgeReference("reference passes");

        assertFalse(check.ok());
        assertEquals("3A 1 of 2 passed in 7.0 s", check.detail());
        assertEquals(List.of("TestReElection3A (4.0 s) timed out"), check.evidence());
    }
}
