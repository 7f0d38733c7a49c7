package raftkit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one writer of Gradescope's results.json: its shape, rounding and cut output. */
class GradescopeResultsTest {

    @Test
    void when_rendered_then_gradescope_reads_the_fields_it_specifies() throws Exception {
        String longOutput = "x".repeat(GradescopeResults.MAX_TEST_OUTPUT + 10);
        GradescopeResults results = new GradescopeResults(7.333333, 12.6, "two tests\n\"quoted\"", List.of(
                new GradescopeResults.Test("3A", "testInitialElection3A", 5, 5, true, "passed 1/1"),
                new GradescopeResults.Test("3A", "testReElection3A", 2.333333, 5, false, longOutput)));
        String text = results.render();
        assertTrue(text.endsWith("}\n"), "no final newline");
        JsonNode root = new ObjectMapper().readTree(text);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("score", "execution_time", "output", "visibility", "stdout_visibility", "tests"), fields);
        assertEquals(7.33, root.get("score").asDouble());
        assertEquals(13, root.get("execution_time").asInt());
        assertEquals("two tests\n\"quoted\"", root.get("output").asText());
        JsonNode failed = root.get("tests").get(1);
        assertEquals("3A: testReElection3A", failed.get("name").asText());
        assertEquals(2.33, failed.get("score").asDouble());
        assertEquals(5.0, failed.get("max_score").asDouble());
        assertEquals("failed", failed.get("status").asText());
        assertEquals("passed", root.get("tests").get(0).get("status").asText());
        assertEquals(GradescopeResults.MAX_TEST_OUTPUT + "\n[cut]".length(), failed.get("output").asText().length());
        assertEquals("visible", failed.get("visibility").asText());
    }
}
