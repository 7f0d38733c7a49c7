package raftkit.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.RunResult;

/**
 * Writes Gradescope's {@code results.json} (the autograder specification's top-level {@code score},
 * {@code execution_time}, {@code output} and {@code tests[]} with {@code name}, {@code score},
 * {@code max_score}, {@code status}, {@code output} and {@code visibility}). A failing test's output is its
 * note, seed and the end of its log, cut to {@link #MAX_TEST_OUTPUT} characters.
 */
public final class GradescopeWriter {

    /** Gradescope shows each test's output inline; more than this is noise (the whole log is kept locally). */
    static final int MAX_TEST_OUTPUT = 4000;

    private GradescopeWriter() {
    }

    public static void write(Scorecard card, double executionSeconds, String summary, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", round(card.earned()));
        root.put("execution_time", Math.round(executionSeconds));
        root.put("output", summary);
        root.put("visibility", "visible");
        root.put("stdout_visibility", "visible");
        List<Map<String, Object>> tests = new ArrayList<>();
        card.parts().forEach((part, scores) -> scores.forEach(score -> tests.add(test(part.name(), score))));
        root.put("tests", tests);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, Object> test(String part, TestScore score) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", part + ": " + score.test().name());
        test.put("score", round(score.earned()));
        test.put("max_score", round(score.test().points()));
        test.put("status", score.earned() >= score.test().points() && score.passes() > 0 ? "passed" : "failed");
        test.put("output", output(score));
        test.put("visibility", "visible");
        return test;
    }

    static String output(TestScore score) {
        StringBuilder out = new StringBuilder(score.resultText())
                .append(String.format(" in %.1f s", score.meanSeconds()));
        RunResult failure = score.firstFailure();
        if (failure != null) {
            out.append('\n').append(failure.note());
            if (!failure.seed().isEmpty()) {
                out.append("\nseed ").append(failure.seed()).append(" (replay with -Draftkit.seed=")
                        .append(failure.seed()).append(')');
            }
            out.append("\n--- end of the run's output ---\n").append(tail(failure.log(), MAX_TEST_OUTPUT / 2));
        }
        return out.length() <= MAX_TEST_OUTPUT ? out.toString() : out.substring(0, MAX_TEST_OUTPUT) + "\n[cut]";
    }

    private static String tail(Path log, int chars) {
        try {
            if (log == null || !Files.exists(log)) {
                return "";
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= chars ? text : "[...]" + text.substring(text.length() - chars);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
