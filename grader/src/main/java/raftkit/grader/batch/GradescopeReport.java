package raftkit.grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A submission's Gradescope-style {@code results.json} (the autograder results format: score, execution_time,
 * output, tests with name, score, max_score, status, output, visibility).
 */
public final class GradescopeReport {

    /** Gradescope shows test output inline; longer messages are cut here. */
    static final int MAX_TEST_OUTPUT = 4000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeReport() {
    }

    public static String render(SubmissionResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", result.score());
        root.put("execution_time", Math.round(result.seconds()));
        root.put("output", String.join("\n", result.notes()));
        root.put("visibility", "visible");
        ArrayNode tests = root.putArray("tests");
        for (TestScore t : result.tests()) {
            ObjectNode test = tests.addObject();
            test.put("name", t.name() + " (" + t.part() + ")");
            test.put("score", t.points());
            test.put("max_score", t.maxPoints());
            test.put("status", t.passed() ? "passed" : "failed");
            test.put("output", cut(t.passed() ? "" : t.status().word() + ": " + t.message()));
            test.put("visibility", "visible");
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree is always serializable", e);
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEST_OUTPUT ? text : text.substring(0, MAX_TEST_OUTPUT) + "\n... (cut)";
    }
}
