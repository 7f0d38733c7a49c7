package raftkit.grader.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades one mutant once: the mutated reference as a bare {@code Raft.java} submission, through the grader's own
 * {@code grade --submission} in a JVM of its own (so several can run at once), and reads its results.json.
 *
 * @param mutant the mutant graded
 * @param failed the tests that did not pass, by part (Go names)
 * @param passed how many tests passed
 */
public record MutantRun(Mutant mutant, Map<String, List<String>> failed, int passed) {

    /** Whether some test of {@code part} failed. */
    public boolean caughtBy(String part) {
        return !failed.getOrDefault(part, List.of()).isEmpty();
    }

    /** Grades {@code mutant} on {@code parts}; {@code work} is a scratch folder of its own. */
    public static MutantRun grade(Path kitRoot, Mutant mutant, List<String> parts, Path work)
            throws IOException, InterruptedException {
        Path submission = work.resolve("submission");
        mutant.writeSubmission(kitRoot, submission);
        Path out = work.resolve("out");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", graderClasspath(kitRoot),
                "-Draftkit.home=" + kitRoot, "raftkit.grader.Main", "grade", "--submission", submission.toString(),
                "--out", out.toString()));
        command.addAll(parts);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("grade.txt").toFile()).start();
        process.waitFor();
        Path results = out.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            throw new IOException("mutant " + mutant.name() + ": the grader wrote no results.json; see "
                    + work.resolve("grade.txt"));
        }
        return read(mutant, results);
    }

    static MutantRun read(Mutant mutant, Path results) throws IOException {
        JsonNode root = new ObjectMapper().readTree(results.toFile());
        Map<String, List<String>> failed = new LinkedHashMap<>();
        int passed = 0;
        for (JsonNode test : root.path("tests")) {
            String name = test.path("name").asText(); // "3X: TestName3X"
            int colon = name.indexOf(": ");
            String part = colon < 0 ? "" : name.substring(0, colon);
            if ("passed".equals(test.path("status").asText())) {
                passed++;
            } else {
                failed.computeIfAbsent(part, p -> new ArrayList<>()).add(name.substring(colon + 2));
            }
        }
        return new MutantRun(mutant, failed, passed);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String graderClasspath(Path kitRoot) throws IOException {
        String deps = Files.readString(kitRoot.resolve("grader/target/grader-classpath.txt")).trim();
        return kitRoot.resolve("grader/target/classes") + File.pathSeparator + deps;
    }
}
