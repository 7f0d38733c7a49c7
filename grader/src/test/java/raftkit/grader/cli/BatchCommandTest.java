package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftkit.grader.fixtures.BatchFixtures;
import raftkit.grader.fixtures.BatchKit;
import raftkit.grader.run.Sandbox;

/**
 * {@code grade batch} over the fixture submissions, graded by the fake parts in real (sandboxed, where bwrap
 * runs) child JVMs: every fixture's score and note, nothing written outside the scratch folders, no process left.
 * The batch runs once for the class; each test checks one fixture's row.
 */
class BatchCommandTest {

    @TempDir
    static Path dir;

    private static BatchKit kit;
    private static boolean sandboxed;
    private static int exitCode;
    private static String output;
    private static Map<String, JsonNode> rows = new HashMap<>();

    @BeforeAll
    static void gradeTheFixtures() throws Exception {
        kit = new BatchKit(dir.resolve("kit"));
        System.setProperty("raftkit.home", kit.root().toString());
        System.setProperty("raftkit.outputCap", "200000");
        sandboxed = Sandbox.detect().isActive();
        List<String> fixtures = new ArrayList<>();
        try (Stream<Path> all = Files.list(BatchFixtures.SUBMISSIONS)) {
            all.map(p -> p.getFileName().toString())
                    // Unsandboxed, these really would write into the report and into the results file: that is
                    // what the sandbox is for.
                    .filter(n -> sandboxed || !n.equals("writes-outside") && !n.equals("forges-results"))
                    .forEach(fixtures::add);
        }
        Path subs = BatchFixtures.copy(dir.resolve("subs"), fixtures.toArray(new String[0]));
        StringWriter out = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        exitCode = GraderCommand.execute(new String[] {"batch", subs.toString(), "--out", report().toString(),
            "--jobs", "3"}, cli);
        output = out.toString();
        for (JsonNode row : new ObjectMapper().readTree(report().resolve("results.json").toFile()).get("submissions")) {
            rows.put(row.get("name").asText(), row);
        }
    }

    @AfterAll
    static void restore() throws Exception {
        System.clearProperty("raftkit.home");
        System.clearProperty("raftkit.outputCap");
        kit.close();
    }

    private static Path report() {
        return dir.resolve("report");
    }

    private static JsonNode row(String name) {
        JsonNode row = rows.get(name);
        assertTrue(row != null, "no row for " + name + " in:\n" + output);
        return row;
    }

    private static void assertScore(String name, double score, String outcome) {
        assertEquals(score, row(name).get("score").asDouble(), name + ": " + row(name).toPrettyString());
        assertEquals(outcome, row(name).get("outcome").asText(), name);
    }

    private static String messages(String name) {
        StringBuilder all = new StringBuilder();
        row(name).get("tests").forEach(t -> all.append(t.get("status").asText()).append(": ")
                .append(t.get("message").asText()).append('\n'));
        row(name).get("notes").forEach(n -> all.append(n.asText()).append('\n'));
        return all.toString();
    }

    @Test
    void when_batch_finishes_then_it_exits_ok_with_every_report_and_no_process_left() {
        assertEquals(ExitCodes.OK, exitCode, output);
        assertTrue(Files.isRegularFile(report().resolve("results.csv")));
        assertTrue(Files.isRegularFile(report().resolve("index.html")));
        assertTrue(Files.isRegularFile(report().resolve("correct/results.json")));
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "a child process survived");
        assertTrue(output.contains(sandboxed ? "sandboxed with bwrap" : "unsandboxed"), output);
    }

    @Test
    void when_submission_is_right_or_wrong_then_it_scores_by_its_tests() {
        assertScore("correct", 5, "GRADED");
        assertScore("wrong", 3, "GRADED");
        assertTrue(messages("wrong").contains("FAILED: a fresh peer should not believe it leads"), messages("wrong"));
    }

    @Test
    void when_submission_does_not_compile_then_it_scores_zero_with_the_compiler_error() {
        assertScore("not-compiling", 0, "NOT_COMPILED");
        assertTrue(messages("not-compiling").contains("raft/src/main/java/raftkit/raft/Raft.java:15: error: "
                + "incompatible types"), messages("not-compiling"));
    }

    @Test
    void when_submission_loops_deadlocks_or_floods_then_its_tests_time_out() {
        assertScore("looping", 0, "GRADED");
        assertTrue(messages("looping").contains("TIMED_OUT: test took longer than 5 seconds"), messages("looping"));
        assertScore("deadlock", 0, "GRADED");
        assertTrue(messages("deadlock").contains("deadlock: \"raft-0-"), messages("deadlock"));
        assertScore("output-flood", 0, "GRADED");
        assertTrue(messages("output-flood").contains("output past 200000 characters cut"), messages("output-flood"));
        assertScore("thread-bomb", 0, "GRADED");
    }

    @Test
    void when_submission_exits_or_runs_out_of_heap_then_its_tests_crash() {
        assertScore("system-exit", 0, "GRADED");
        assertTrue(messages("system-exit").contains("CRASHED: the peers' JVM (the peer host) exited with code 0"),
                messages("system-exit"));
        assertScore("heap-exhaustion", 0, "GRADED");
        assertTrue(messages("heap-exhaustion").contains("heap"), messages("heap-exhaustion"));
    }

    @Test
    void when_submission_edits_a_kit_file_then_the_kits_copy_is_graded_and_noted() {
        assertScore("edits-kit-file", 5, "GRADED");
        assertEquals("kit file raft/src/main/java/raftkit/raft/api/StartResult.java differed; the kit's copy was used",
                row("edits-kit-file").get("notes").get(0).asText());
    }

    @Test
    void when_zips_are_odd_or_hostile_then_they_are_graded_and_nothing_escapes() throws Exception {
        assertScore("odd-layout", 5, "GRADED");
        assertScore("zip-slip", 5, "GRADED");
        assertEquals(3, row("zip-slip").get("notes").size(), messages("zip-slip"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith("zip-slip-escaped")).toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/raftkit-zip-slip-absolute.txt")));
    }

    @Test
    void when_submission_writes_outside_its_folder_then_the_sandbox_stops_it() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(sandboxed, "needs bwrap");
        assertScore("writes-outside", 5, "GRADED");
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().equals("PWNED")).toList());
        }
        assertFalse(Files.readString(report().resolve("index.html")).contains("PWNED"));
        assertScore("correct", 5, "GRADED");
    }

    @Test
    void when_submission_forges_its_results_then_it_scores_zero_as_the_crash_it_is() {
        org.junit.jupiter.api.Assumptions.assumeTrue(sandboxed, "needs bwrap");
        assertScore("forges-results", 0, "GRADED");
        row("forges-results").get("tests").forEach(t -> assertEquals("CRASHED", t.get("status").asText(),
                messages("forges-results")));
        assertTrue(messages("forges-results").contains("exited with code 0"), messages("forges-results"));
    }

    @Test
    void when_submission_starts_a_process_then_it_does_not_outlive_the_grading() {
        assertScore("orphan-process", 5, "GRADED");
        assertEquals(0, ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 3171")).count());
    }
}
