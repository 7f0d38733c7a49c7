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
    Path reports;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private void report(String className, String... cases) throws Exception {
        Fixture.write(reports, "TEST-" + className + ".xml", HEAD + "<testsuite name=\"" + className + "\">\n"
                + String.join("\n", cases) + "\n</testsuite>\n");
    }

    private static String test(String className, String name, String time, String body) {
        return "  <testcase name=\"" + name + "\" classname=\"" + className + "\" time=\"" + time + "\">" + body
                + "</testcase>";
    }

    @Test
    void when_surefire_wrote_reports_then_each_test_is_read_with_its_outcome_and_time() throws Exception {
        String type = "raftkit.tester.Election3ATest";
        report(type, test(type, "testInitialElection3A", "5.02", "<failure message=\"expected one leader\"/>"),
                test(type, "testReElection3A", "1,204.5", "<error type=\"x\"/>"),
                test(type, "testManyElections3A", "0.1", ""), test(type, "testSkipped3A", "0", "<skipped/>"));
        Fixture.write(reports, "raftkit.tester.Election3ATest.txt", "not a report\n");

        List<SurefireReport.TestResult> results = SurefireReport.read(reports);

        assertEquals(List.of(
                new SurefireReport.TestResult(type, "testInitialElection3A", 5.02, SurefireReport.Outcome.FAILED),
                new SurefireReport.TestResult(type, "testReElection3A", 1204.5, SurefireReport.Outcome.FAILED),
                new SurefireReport.TestResult(type, "testManyElections3A", 0.1, SurefireReport.Outcome.PASSED),
                new SurefireReport.TestResult(type, "testSkipped3A", 0, SurefireReport.Outcome.SKIPPED)), results);
    }

    @Test
    void when_no_reports_exist_then_there_are_no_results() throws Exception {
        assertEquals(List.of(), SurefireReport.read(reports.resolve("missing")));
    }

    private static SurefireReport.TestResult result(String name, double seconds, SurefireReport.Outcome outcome) {
        return new SurefireReport.TestResult("raftkit.tester.Election3ATest", name, seconds, outcome);
    }

    @Test
    void when_every_stub_test_fails_quickly_then_the_stub_check_holds() {
        PartResults results = PartResults.of(List.of(result("testInitialElection3A", 5.0, SurefireReport.Outcome.FAILED),
                result("testReElection3A", 5.5, SurefireReport.Outcome.FAILED)), List.of("3A"));

        Check check = results.judgeStub("stub fails");

        assertTrue(check.ok(), check::toString);
        assertEquals("3A 2 of 2 failed in 10.5 s (limits: 3A 60 s, a test 60 s)", check.detail());
    }

    @Test
    void when_a_stub_test_passes_or_3a_is_slow_then_the_stub_check_fails_and_says_why() {
        PartResults results = PartResults.of(List.of(result("testInitialElection3A", 58.0, SurefireReport.Outcome.FAILED),
                result("testReElection3A", 3.0, SurefireReport.Outcome.PASSED)), List.of("3A", "3B"));

        Check check = results.judgeStub("stub fails");

        assertFalse(check.ok());
        assertEquals(List.of("3A: took 61.0 s, over the 60 s limit",
                "Election3ATest.testReElection3A (3.0 s) did not fail on the stub", "3B: no graded test ran"),
                check.evidence());
    }

    @Test
    void when_later_parts_fail_slowly_but_no_test_nears_its_limit_then_the_stub_check_holds() {
        List<SurefireReport.TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tests.add(new SurefireReport.TestResult("raftkit.tester.Agreement3BTest", "test" + i + "3B", 10.0,
                    SurefireReport.Outcome.FAILED));
        }
        tests.add(result("testInitialElection3A", 5.0, SurefireReport.Outcome.FAILED));

        assertTrue(PartResults.of(tests, List.of("3A", "3B")).judgeStub("stub fails").ok());
    }

    @Test
    void when_a_stub_test_nears_its_time_limit_then_the_stub_check_fails() {
        PartResults results = PartResults.of(List.of(new SurefireReport.TestResult("raftkit.tester.Agreement3BTest",
                "testBackup3B", 120.3, SurefireReport.Outcome.FAILED)), List.of("3B"));

        Check check = results.judgeStub("stub fails");

        assertFalse(check.ok());
        assertEquals(List.of("Agreement3BTest.testBackup3B (120.3 s) took over 60 s to fail"), check.evidence());
    }

    @Test
    void when_the_reference_fails_a_test_then_the_reference_check_names_it() {
        PartResults results = PartResults.of(List.of(result("testInitialElection3A", 3.0, SurefireReport.Outcome.PASSED),
                result("testReElection3A", 4.0, SurefireReport.Outcome.FAILED)), List.of("3A"));

        Check check = results.judgeReference("reference passes");

        assertFalse(check.ok());
        assertEquals("3A 1 of 2 passed in 7.0 s", check.detail());
        assertEquals(List.of("Election3ATest.testReElection3A (4.0 s) failed"), check.evidence());
    }

    @Test
    void when_a_method_name_has_no_part_then_the_class_name_gives_it() {
        assertEquals("3C", PartResults.partOf(new SurefireReport.TestResult("raftkit.tester.Persistence3CTest",
                "figure8()", 1, SurefireReport.Outcome.PASSED)));
        assertEquals("3D", PartResults.partOf(new SurefireReport.TestResult("x.Y", "testSnapshotInit3D()", 1,
                SurefireReport.Outcome.PASSED)));
    }
}
