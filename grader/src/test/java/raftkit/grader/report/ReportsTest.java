package raftkit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.engine.Status;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.SubmissionResult.Outcome;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

public class ReportsTest {

    private static final List<PlannedTest> PLAN = List.of(new PlannedTest("3A", "TestInitialElection3A", 5, 1),
            new PlannedTest("3A", "TestReElection3A", 5, 1), new PlannedTest("3B", "TestBasicAgree3B", 2.5, 1));

    @TempDir
    Path dir;

    public static SubmissionResult alice() {
        return new SubmissionResult("alice", Outcome.GRADED, List.of(
                new TestScore("3A", "TestInitialElection3A", Status.PASSED, 1, 1, 3.1, 5, 5, "", "", "3A/run-1/output.log"),
                new TestScore("3A", "TestReElection3A", Status.FAILED, 1, 0, 5.2, 0, 5,
                        "expected one leader, got none", "", "3A/run-1/output.log"),
                new TestScore("3B", "TestBasicAgree3B", Status.PASSED, 1, 1, 1.0, 2.5, 2.5, "", "", "")),
                List.of("kit file raft/src/main/java/raftkit/raft/api/ApplyMsg.java differed; the kit's copy was used"),
                12.0, "2026-01-01T00:00:00Z");
    }

    public static SubmissionResult mallory() {
        return new SubmissionResult("mallory", Outcome.NOT_COMPILED,
                PLAN.stream().map(t -> TestScore.notRun(t, Status.NOT_COMPILED, "did not compile")).toList(),
                List.of("compile error:\n<script>alert('x')</script>, \"quoted\""), 1.5, "2026-01-01T00:00:01Z");
    }

    private static BatchReport report() {
        return new BatchReport(PLAN, List.of(alice(), mallory()), "unsandboxed: test", "2026-01-01T00:00:02Z");
    }

    @Test
    void when_csv_is_written_then_it_has_per_test_points_part_and_total_scores_and_quoted_notes() {
        String[] lines = CsvReport.render(report()).split("\r\n");
        assertEquals("name,outcome,total,max,3A,3B,TestInitialElection3A,TestReElection3A,TestBasicAgree3B,notes",
                lines[0]);
        assertEquals("alice,GRADED,7.5,12.5,5,2.5,5,0,2.5,kit file raft/src/main/java/raftkit/raft/api/ApplyMsg.java"
                + " differed; the kit's copy was used", lines[1]);
        assertEquals("mallory,NOT_COMPILED,0,12.5,0,0,0,0,0,"
                + "\"compile error: <script>alert('x')</script>, \"\"quoted\"\"\"", lines[2]);
    }

    @Test
    void when_cell_starts_like_a_formula_then_it_is_defused() {
        assertEquals("'=HYPERLINK(1)", CsvReport.quote("=HYPERLINK(1)"));
        assertEquals("-3", CsvReport.quote("-3"));
    }

    @Test
    void when_json_is_written_then_it_holds_scores_parts_and_test_messages() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(report()));
        assertEquals(12.5, root.get("max_score").asDouble());
        JsonNode alice = root.get("submissions").get(0);
        assertEquals(7.5, alice.get("score").asDouble());
        assertEquals(5.0, alice.get("parts").get("3A").asDouble());
        assertEquals("expected one leader, got none", alice.get("tests").get(1).get("message").asText());
        assertEquals("FAILED", alice.get("tests").get(1).get("status").asText());
    }

    @Test
    void when_html_is_written_then_student_text_is_escaped_and_cells_are_coloured() {
        String html = HtmlReport.render(report());
        assertFalse(html.contains("<script>alert"), "student text must be escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("<a href=\"alice/index.html\">alice</a>"));
        assertTrue(html.contains("class=\"fail num\" data-sort=\"0.0\" title=\"failed: expected one leader, got none\""),
                html);
        assertTrue(html.contains("class=\"pass num\" data-sort=\"5.0\""));
        assertTrue(html.contains("<td>graded: 1 failed</td>"), html);
        assertTrue(html.contains("<td>not compiled</td>"), html);
    }

    @Test
    void when_gradescope_results_are_written_then_they_have_the_autograder_shape() throws Exception {
        JsonNode root = new ObjectMapper().readTree(GradescopeReport.render(alice(), dir));
        assertEquals(7.5, root.get("score").asDouble());
        assertEquals(12, root.get("execution_time").asInt());
        JsonNode failed = root.get("tests").get(1);
        assertEquals("3A: TestReElection3A", failed.get("name").asText());
        assertEquals(0.0, failed.get("score").asDouble());
        assertEquals(5.0, failed.get("max_score").asDouble());
        assertEquals("failed", failed.get("status").asText());
        assertEquals("failed\nexpected one leader, got none", failed.get("output").asText());
        assertEquals("visible", failed.get("visibility").asText());
    }

    @Test
    void when_result_is_stored_then_it_loads_back_equal() throws Exception {
        ResultStore store = new ResultStore(dir);
        assertFalse(store.isFinished("alice"));
        store.save(alice());
        assertEquals(alice(), store.load("alice").orElseThrow());
        assertTrue(store.isFinished("alice"));
    }
}
