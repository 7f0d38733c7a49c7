package raftkit.grader.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of the results file a child JVM writes (JSON, one event per line). The parent reads these instead of
 * the child's console, so a test's printing can never fake a result.
 *
 * <ul>
 *   <li>{@code plan}: discovery finished; {@code tests} is how many tests were selected;</li>
 *   <li>{@code started}: a test began ({@code className}, {@code method});</li>
 *   <li>{@code finished}: a test ended; {@code result} is JUnit's SUCCESSFUL, FAILED, ABORTED or SKIPPED, or
 *       {@value #TIMED_OUT} when the tester stopped it at its time limit, or {@value #PEERS_CRASHED} when the peers'
 *       process ended during it, with {@code seconds}, {@code message}
 *       and the {@code seed} and {@code timeline} (the path of its timeline page) the test reported;</li>
 *   <li>{@code done}: every selected test has been reported and the file is complete.</li>
 * </ul>
 *
 * <p>Written and read with Jackson's streaming API rather than its object mapper: the mapper's start-up costs a
 * tenth of a second in every child JVM, which the grader's overhead benchmark counts.
 */
public record ResultEvent(String event, String className, String method, String result, Double seconds,
                          String message, String seed, Integer tests, String timeline) {

    public static final String PLAN = "plan";
    public static final String STARTED = "started";
    public static final String FINISHED = "finished";
    public static final String DONE = "done";
    /** The {@code result} of a test the tester stopped at its time limit. */
    public static final String TIMED_OUT = "TIMED_OUT";
    /** The {@code result} of a test whose peer host (the isolated peers' process) ended during it. */
    public static final String PEERS_CRASHED = "PEERS_CRASHED";

    static ResultEvent plan(int tests) {
        return new ResultEvent(PLAN, null, null, null, null, null, null, tests, null);
    }

    static ResultEvent started(String className, String method) {
        return new ResultEvent(STARTED, className, method, null, null, null, null, null, null);
    }

    static ResultEvent finished(String className, String method, String result, double seconds, String message,
                                String seed) {
        return finished(className, method, result, seconds, message, seed, null);
    }

    static ResultEvent finished(String className, String method, String result, double seconds, String message,
                                String seed, String timeline) {
        return new ResultEvent(FINISHED, className, method, result, seconds, message, seed, null, timeline);
    }

    static ResultEvent done() {
        return new ResultEvent(DONE, null, null, null, null, null, null, null, null);
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** One line of JSON; null fields are left out. */
    String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            field(out, "event", event);
            field(out, "className", className);
            field(out, "method", method);
            field(out, "result", result);
            if (seconds != null) {
                out.writeNumberField("seconds", seconds);
            }
            field(out, "message", message);
            field(out, "seed", seed);
            if (tests != null) {
                out.writeNumberField("tests", tests);
            }
            field(out, "timeline", timeline);
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a result event", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void field(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    /**
     * Reads one line written by {@link #toJson()}; unknown fields are skipped.
     *
     * @throws IOException if the line is not a whole JSON object (e.g. torn by a JVM that died mid-write)
     */
    static ResultEvent fromJson(String line) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser in = JSON.createParser(line)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + line);
            }
            for (JsonToken token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new IOException("torn JSON line: " + line);
                }
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (value == null) {
                    throw new IOException("torn JSON line: " + line);
                }
                switch (value) {
                    case VALUE_STRING -> fields.put(name, in.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, in.getNumberValue());
                    case VALUE_NULL -> { }
                    default -> in.skipChildren();
                }
            }
        }
        return new ResultEvent(text(fields, "event"), text(fields, "className"),
                text(fields, "method"), text(fields, "result"), seconds(number(fields, "seconds")),
                text(fields, "message"), text(fields, "seed"), tests(number(fields, "tests")),
                text(fields, "timeline"));
    }

    private static Double seconds(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static Integer tests(Number n) {
        return n == null ? null : n.intValue();
    }

    private static String text(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String text ? text : null;
    }

    private static Number number(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Number n ? n : null;
    }
}
