package raftkit.handout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's own grader, run on a kit the way a student runs it ({@code grader/grade 3A}), and the results it
 * writes ({@code result.json} in its {@code --out} folder: every graded test's part, status and time). The
 * self-check judges those, so it sees exactly what the grader sees, and never reads a test runner's reports of its
 * own.
 */
final class KitGrader {

    /** The script a student runs, relative to the kit. */
    static final String SCRIPT = "grader/grade";
    /** The grader's own result of a run, in its output folder. */
    static final String RESULT_FILE = "result.json";
    /** The status the grader gives a test whose every run passed. */
    static final String PASSED = "PASSED";

    /** One graded test: its part and Go name, seconds taken, and the grader's status for it. */
    record TestResult(String part, String name, double seconds, String status) {
        boolean passed() {
            return PASSED.equals(status);
        }
    }

    private KitGrader() {
    }

    /**
     * The command that grades {@code parts} of {@code kit} into {@code out}. Maven runs offline: the kit's
     * dependencies are already local once it has compiled.
     */
    static List<String> command(Path kit, List<String> parts, Path out) {
        List<String> command = new ArrayList<>(List.of(kit.resolve(SCRIPT).toString()));
        command.addAll(parts);
        command.addAll(List.of("--out", out.toString()));
        return command;
    }

    /** Every graded test in {@code out/result.json}, in the grader's order; empty if the grader wrote none. */
    static List<TestResult> read(Path out) throws IOException {
        Path file = out.resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<TestResult> results = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            results.add(new TestResult(test.path("part").asText(), test.path("name").asText(),
                    test.path("seconds").asDouble(), test.path("status").asText()));
        }
        return List.copyOf(results);
    }
}
