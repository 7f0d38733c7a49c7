package raftkit.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftkit.grader.engine.RunResult;

/**
 * Writes Gradescope's {@code results.json} (the autograder specification's top-level {@code score},
 * {@code execution_time}, {@code output} and {@code tests[]} with {@code name}, {@code score},
 * {@code max_score}, {@code status}, {@code output} and {@code visibility}) for {@code grade}. A failing test's
 * output is its note, seed and the end of its log, cut to {@link GradescopeResults#MAX_TEST_OUTPUT} characters.
 */
public final class GradescopeWriter {

    private GradescopeWriter() {
    }

    public static void write(Scorecard card, double executionSeconds, String summary, Path file) throws IOException {
        List<GradescopeResults.Test> tests = new ArrayList<>();
        card.parts().forEach((part, scores) -> scores.forEach(score -> tests.add(new GradescopeResults.Test(
                part.name(), score.test().name(), score.earned(), score.test().points(),
                score.earned() >= score.test().points() && score.passes() > 0, output(score)))));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        String text = new GradescopeResults(card.earned(), executionSeconds, summary, tests).render();
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
            out.append("\n--- end of the run's output ---\n")
                    .append(tail(failure.log(), GradescopeResults.MAX_TEST_OUTPUT / 2));
        }
        return out.toString();
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
}
