package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.BatchFixtures;
import raftkit.grader.fixtures.FixtureKit;

/** {@code grade} on a fixture kit whose part F1 has one passing and one failing test. */
class GradeCommandTest {

    @TempDir
    Path dir;

    private FixtureKit kit;

    @BeforeEach
    void useFixtureKit() throws Exception {
        kit = new FixtureKit(dir.resolve("kit"));
    }

    @AfterEach
    void restore() throws Exception {
        kit.close();
    }

    private int grade(String... args) {
        return kit.run(args);
    }

    @Test
    void when_one_test_fails_then_table_scores_and_results_json_say_so() throws Exception {
        Path results = dir.resolve("results.json");
        int code = grade("F1", "--out", dir.resolve("out").toString(), "--results", results.toString());
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        assertTrue(text.contains("Test (F1): alpha ...\n  ... Passed --"), text);
        assertTrue(text.contains("--- FAIL: TestBetaF1 ("), text);
        assertTrue(text.contains("    term changed even though there were no failures"), text);
        assertTrue(text.matches("(?s).*F1 +TestAlphaF1 +passed +\\d+\\.\\ds +5 / 5\n.*"), text);
        assertTrue(text.matches("(?s).*F1 +TestBetaF1 +failed +\\d+\\.\\ds +0 / 5\n.*"), text);
        assertTrue(text.matches("(?s).*F1 \\(fixture part\\) +5 / 10\n.*"), text);

        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(5.0, json.get("score").asDouble());
        assertTrue(json.get("execution_time").isNumber());
        assertEquals("Graded F1: 5 / 10 points.", json.get("output").asText());
        JsonNode tests = json.get("tests");
        assertEquals(2, tests.size());
        for (JsonNode test : tests) {
            assertEquals(List.of("name", "score", "max_score", "status", "output", "visibility"),
                    iterable(test.fieldNames()));
        }
        assertEquals("F1: TestAlphaF1", tests.get(0).get("name").asText());
        assertEquals("passed", tests.get(0).get("status").asText());
        assertEquals("failed", tests.get(1).get("status").asText());
        assertEquals(0.0, tests.get(1).get("score").asDouble());
        assertEquals(5.0, tests.get(1).get("max_score").asDouble());
        assertTrue(tests.get(1).get("output").asText().contains("term changed even though there were no failures"));
    }

    @Test
    void when_jobs_run_in_parallel_then_each_run_gets_a_line_and_the_same_scores() {
        int code = grade("F1", "-p", "2", "--out", dir.resolve("out").toString());
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        assertTrue(text.matches("(?s).*TestAlphaF1 run 1 +passed .*"), text);
        assertTrue(text.matches("(?s).*TestBetaF1 run 1 +failed .*"), text);
        assertTrue(text.matches("(?s).*F1 \\(fixture part\\) +5 / 10\n.*"), text);
    }

    @Test
    void when_submission_does_not_compile_then_every_test_scores_zero_with_the_compiler_message() throws Exception {
        Path submission = dir.resolve("submission");
        Files.createDirectories(submission);
        Files.writeString(submission.resolve("Raft.java"), "package raftkit.raft;\npublic final class Raft {\n");
        Path results = dir.resolve("results.json");
        int code = grade("F1", "--submission", submission.toString(), "--out", dir.resolve("out").toString(),
                "--results", results.toString());
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        assertTrue(text.contains("--- the submission does not compile:\nraft/src/main/java/raftkit/raft/Raft.java:2: "
                + "error: reached end of file while parsing\n"), text);
        assertTrue(text.matches("(?s).*F1 +TestAlphaF1 +not compiled .*0 / 5\n.*"), text);
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertTrue(json.get("tests").get(0).get("output").asText().contains("reached end of file while parsing"),
                json.toString());
    }

    @Test
    void when_submission_edits_a_kit_file_then_the_note_comes_before_the_table_and_it_is_graded() throws Exception {
        Path submission = dir.resolve("submission");
        Path raft = BatchFixtures.SUBMISSIONS.resolve("correct/raft/src/main/java/raftkit/raft/Raft.java");
        Path startResult = kit.root().resolve("raft/src/main/java/raftkit/raft/api/StartResult.java");
        Files.createDirectories(submission);
        Files.copy(raft, submission.resolve("Raft.java"));
        Files.writeString(submission.resolve("StartResult.java"), Files.readString(startResult) + "// edited\n");
        int code = grade("F1", "--submission", submission.toString(), "--out", dir.resolve("out").toString());
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        String note = "note: kit file raft/src/main/java/raftkit/raft/api/StartResult.java differed; the kit's copy "
                + "was used\n";
        assertTrue(text.startsWith(note), text);
        assertTrue(text.matches("(?s).*F1 +TestAlphaF1 +passed .*5 / 5\n.*"), text);
        assertTrue(Files.isRegularFile(dir.resolve("out/submission/classes/raftkit/raft/Raft.class")));
    }

    @Test
    void when_submission_archive_is_refused_then_one_line_and_usage_exit_code() throws Exception {
        Path notZip = Files.writeString(dir.resolve("submission.zip"), "not a zip");
        assertEquals(ExitCodes.USAGE, grade("F1", "--submission", notZip.toString(), "--out",
                dir.resolve("out").toString()));
        assertTrue(kit.err().matches("grade: submission\\.zip is not a readable zip \\([^\n]*\\)\n"),
                kit.err());
        assertEquals("", kit.out());
    }

    @Test
    void when_submission_is_missing_then_could_not_grade() {
        assertEquals(ExitCodes.USAGE, grade("F1", "--submission", dir.resolve("nope").toString()));
        assertEquals("grade: no such submission: " + dir.resolve("nope") + "\n", kit.err());
    }

    @Test
    void when_a_test_kills_the_shared_jvm_then_it_crashed_and_the_others_still_run() throws Exception {
        int code = grade("F3", "--out", dir.resolve("out").toString());
        String text = kit.out();
        assertEquals(ExitCodes.TEST_FAILED, code, text + kit.err());
        assertTrue(text.matches("(?s).*F3 +TestExits +crashed .*0 / 5\n.*"), text);
        assertTrue(text.matches("(?s).*F3 +TestPasses +passed .*5 / 5\n.*"), text);
        assertTrue(text.contains("    crashed: the JVM exited with code 3"), text);
        // Whichever order the two ran in, the passing test's own output is in a log of its own.
        try (var logs = Files.walk(dir.resolve("out/F3"))) {
            Path own = logs.filter(p -> p.endsWith("testPasses.log")).findFirst().orElseThrow();
            assertTrue(Files.readString(own).contains("Test (F): passes ..."));
        }
    }

    @Test
    void when_policy_names_a_missing_test_then_no_tests_found() {
        int code = grade("F2", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.NO_TESTS_FOUND, code, kit.out() + kit.err());
        assertTrue(kit.out().contains("TestGammaF1 is in the policy but not in the classes of raftkit.grader.fixtures named"));
    }

    @Test
    void when_part_is_unknown_then_one_line_and_usage_exit_code() {
        assertEquals(ExitCodes.USAGE, grade("3Z"));
        assertEquals("grade: unknown part '3Z'; the parts are F1, F2, F3\n", kit.err());
    }

    @Test
    void when_policy_is_malformed_then_one_line_naming_the_line() throws Exception {
        Path bad = dir.resolve("bad.toml");
        Files.writeString(bad, "[parts.F1]\ntests = [\"TestAlphaF1\"]\nruns = \"many\"\n");
        assertEquals(ExitCodes.USAGE, grade("--policy", bad.toString(), "F1"));
        assertEquals("grade: bad.toml:3: runs must be a number, not \"many\"\n", kit.err());
        assertFalse(kit.err().contains("Exception"));
    }

    @Test
    void when_option_is_unknown_then_usage_exit_code() {
        assertEquals(ExitCodes.USAGE, grade("--frobnicate"));
        assertTrue(kit.err().startsWith("Unknown option: '--frobnicate'"), kit.err());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> all = new java.util.ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
