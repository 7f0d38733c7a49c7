package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftkit.grader.fixtures.BatchFixtures;
import raftkit.grader.fixtures.BatchKit;

/**
 * {@code grade --submission X} is a batch of one: it writes the same Gradescope {@code results.json} as
 * {@code batch} over a folder holding only X. Graded with the fake parts, on a submission that passes some tests
 * and fails one, so the file has points, a failure message and a log.
 */
class GradescopeParityTest {

    @TempDir
    Path dir;

    private BatchKit kit;

    @BeforeEach
    void useBatchKit() throws Exception {
        kit = new BatchKit(dir.resolve("kit"));
        System.setProperty("raftkit.home", kit.root().toString());
        // the fake tests' failures would name their timeline pages, which lie in different folders for the two
        System.setProperty("raftkit.timeline", "off");
    }

    @AfterEach
    void restore() throws Exception {
        System.clearProperty("raftkit.home");
        System.clearProperty("raftkit.timeline");
        kit.close();
    }

    @Test
    void when_one_submission_is_graded_alone_or_in_a_batch_then_results_json_is_the_same() throws Exception {
        Path subs = BatchFixtures.copy(dir.resolve("subs"), "wrong");
        Path alone = dir.resolve("alone.json");
        StringWriter out = new StringWriter();
        // one seed for both, which the failure messages name
        assertEquals(ExitCodes.TEST_FAILED, run(out, "grade", "--submission", subs.resolve("wrong").toString(),
                "--out", dir.resolve("grade").toString(), "--results", alone.toString(), "--seed", "7"),
                out.toString());
        assertEquals(ExitCodes.OK, run(out, "batch", subs.toString(), "--out", dir.resolve("report").toString(),
                "--seed", "7"), out.toString());

        JsonNode graded = withoutClock(alone);
        JsonNode batched = withoutClock(dir.resolve("report/wrong/results.json"));
        assertEquals(graded.toPrettyString(), batched.toPrettyString());
        assertEquals(3.0, graded.get("score").asDouble(), graded.toPrettyString());
        long failedWithMessage = 0;
        for (JsonNode test : graded.get("tests")) {
            if (test.get("status").asText().equals("failed") && test.get("output").asText().contains("\n")) {
                failedWithMessage++;
            }
        }
        assertTrue(failedWithMessage > 0, graded.toPrettyString());
    }

    /** The file without {@code execution_time}, the one field that is a measurement rather than a result. */
    private static JsonNode withoutClock(Path file) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        json.remove("execution_time");
        return json;
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return GraderCommand.execute(args, cli);
    }
}
