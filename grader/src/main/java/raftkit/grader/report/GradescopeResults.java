package raftkit.grader.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Gradescope's {@code results.json}, as its autograder specification defines it: the top-level {@code score},
 * {@code execution_time}, {@code output} and visibilities, and {@code tests[]} with {@code name}, {@code score},
 * {@code max_score}, {@code status}, {@code output} and {@code visibility}. Both {@code grade} and {@code batch}
 * write theirs through this one class, so the two files have the same shape and names.
 *
 * <p>Written with Jackson's streaming API: the object mapper's start-up alone costs a tenth of a second, which
 * counts against the grader's overhead on every {@code grade}.
 */
public record GradescopeResults(double score, double executionSeconds, String output, List<Test> tests) {

    /** Gradescope shows each test's output inline; more than this is noise (the whole log is kept locally). */
    public static final int MAX_TEST_OUTPUT = 4000;

    private static final JsonFactory JSON = new JsonFactory();

    /** One entry of {@code tests[]}; {@code output} is cut to {@link #MAX_TEST_OUTPUT} characters. */
    public record Test(String part, String name, double score, double maxScore, boolean passed, String output) {
    }

    /** The file's text, indented, with a final newline. */
    public String render() {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeNumberField("score", round(score));
            out.writeNumberField("execution_time", Math.round(executionSeconds));
            out.writeStringField("output", output);
            out.writeStringField("visibility", "visible");
            out.writeStringField("stdout_visibility", "visible");
            out.writeArrayFieldStart("tests");
            for (Test test : tests) {
                out.writeStartObject();
                out.writeStringField("name", test.part() + ": " + test.name());
                out.writeNumberField("score", round(test.score()));
                out.writeNumberField("max_score", round(test.maxScore()));
                out.writeStringField("status", test.passed() ? "passed" : "failed");
                out.writeStringField("output", cut(test.output()));
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

    static String cut(String text) {
        return text.length() <= MAX_TEST_OUTPUT ? text : text.substring(0, MAX_TEST_OUTPUT) + "\n[cut]";
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
