package raftkit.grader.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftkit.grader.build.AtomicFiles;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;
import raftkit.labrpc.Network;

/**
 * Gradescope's {@code results.json} for one submission, as its autograder specification defines it: the
 * top-level {@code score}, {@code execution_time}, {@code output} and visibilities, and {@code tests[]} with
 * {@code name}, {@code score}, {@code max_score}, {@code status}, {@code output} and {@code visibility}. The one
 * writer of the file: {@code grade}, {@code grade --submission} and each submission of a {@code batch} write
 * theirs through it, by one rule. A test has passed when every planned run passed; its output is the result,
 * and for a failure the note, the seed and the end of the run's log, cut to {@link #MAX_TEST_OUTPUT}
 * characters. The top-level output is the score line and the submission's notes.
 *
 * <p>Written with Jackson's streaming API: the object mapper's start-up alone costs a tenth of a second, which
 * counts against the grader's overhead on every {@code grade}.
 */
public final class GradescopeReport {

    /** Gradescope shows each test's output inline; more than this is noise (the whole log is kept locally). */
    public static final int MAX_TEST_OUTPUT = 4000;

    private static final JsonFactory JSON = new JsonFactory();

    private GradescopeReport() {
    }

    /** Writes {@code file}, reading the logs the scores name from {@code logs}. */
    public static void write(SubmissionResult result, Path logs, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        AtomicFiles.write(file, render(result, logs));
    }

    /** The file's text, indented, with a final newline. */
    public static String render(SubmissionResult result, Path logs) {
        List<String> output = new ArrayList<>(List.of(result.summary()));
        output.addAll(result.notes());
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("score", round(result.score()));
            out.writeNumberField("execution_time", Math.round(result.seconds()));
            out.writeStringField("output", String.join("\n", output));
            out.writeStringField("visibility", "visible");
            out.writeStringField("stdout_visibility", "visible");
            out.writeArrayFieldStart("tests");
            for (TestScore test : result.tests()) {
                out.writeStartObject();
                out.writeStringField("name", test.part() + ": " + test.name());
                out.writeNumberField("score", round(test.points()));
                out.writeNumberField("max_score", round(test.maxPoints()));
                out.writeStringField("status", test.passed() ? "passed" : "failed");
                out.writeStringField("output", cut(output(test, logs)));
                out.writeStringField("visibility", "visible");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text + "\n";
    }

    /** A test's output: its result, and for a failure the note, the seed and the end of its log. */
    static String output(TestScore test, Path logs) {
        StringBuilder out = new StringBuilder(test.resultText());
        if (test.passed()) {
            return out.toString();
        }
        if (!test.message().isEmpty()) {
            out.append('\n').append(test.message());
        }
        // The tester's messages name their seed already; a message that does not gets a line of its own.
        if (!test.seed().isEmpty() && !test.message().contains(test.seed())) {
            out.append("\nseed ").append(test.seed()).append(" (replay with -D" + Network.SEED_PROPERTY + "=").append(test.seed())
                    .append(')');
        }
        String tail = test.log().isEmpty() ? "" : tail(logs.resolve(test.log()), MAX_TEST_OUTPUT / 2);
        if (!tail.isEmpty()) {
            out.append("\n--- end of the run's output ---\n").append(tail);
        }
        return out.toString();
    }

    static String cut(String text) {
        return text.length() <= MAX_TEST_OUTPUT ? text : text.substring(0, MAX_TEST_OUTPUT) + "\n[cut]";
    }

    private static String tail(Path log, int chars) {
        try {
            if (!Files.isRegularFile(log)) {
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
