package raftkit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.engine.Status;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/** The one writer of Gradescope's results.json: its shape, rounding, pass rule and cut output. */
class GradescopeReportTest {

    @TempDir
    Path logs;

    @Test
    void when_rendered_then_gradescope_reads_the_fields_it_specifies() throws Exception {
        Files.createDirectories(logs.resolve("3A/run-1"));
        Files.writeString(logs.resolve("3A/run-1/testReElection3A.log"), "y".repeat(GradescopeReport.MAX_TEST_OUTPUT));
        SubmissionResult result = new SubmissionResult("alice", SubmissionResult.Outcome.GRADED, List.of(
                new TestScore("3A", "testInitialElection3A", Status.PASSED, 1, 1, 2, 5, 5, "", "", ""),
                new TestScore("3A", "testReElection3A", Status.FAILED, 3, 2, 9, 2.333333, 5, "x".repeat(3000), "42",
                        "3A/run-1/testReElection3A.log")),
                List.of("two tests\n\"quoted\""), 12.6, "2026-01-01T00:00:00Z");
        String text = GradescopeReport.render(result, logs);
        assertTrue(text.endsWith("}\n"), "no final newline");
        JsonNode root = new ObjectMapper().readTree(text);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("score", "execution_time", "output", "visibility", "stdout_visibility", "tests"), fields);
        assertEquals(7.33, root.get("score").asDouble());
        assertEquals(13, root.get("execution_time").asInt());
        assertEquals("Graded 3A: 7.33 / 10 points.\ntwo tests\n\"quoted\"", root.get("output").asText());
        JsonNode failed = root.get("tests").get(1);
        assertEquals("3A: testReElection3A", failed.get("name").asText());
        assertEquals(2.33, failed.get("score").asDouble());
        assertEquals(5.0, failed.get("max_score").asDouble());
        assertEquals("failed", failed.get("status").asText(), "a test passes only when every run passed");
        assertTrue(failed.get("output").asText().startsWith("2/3 passed\nxxx"), failed.get("output").asText());
        assertTrue(failed.get("output").asText().contains("\nseed 42 (replay with -Draftkit.seed=42)\n"
                + "--- end of the run's output ---\n[...]yyy"));
        assertEquals(GradescopeReport.MAX_TEST_OUTPUT + "\n[cut]".length(), failed.get("output").asText().length());
        assertEquals("visible", failed.get("visibility").asText());
        assertEquals("passed", root.get("tests").get(0).get("status").asText());
        assertEquals("passed", root.get("tests").get(0).get("output").asText());
    }
}
