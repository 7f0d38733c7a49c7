package raftkit.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import raftkit.grader.score.SubmissionResult;

/** {@code results.json}: the CSV's content, structured, plus each test's status, time and failure message. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(BatchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generated", report.generated());
        root.put("sandbox", report.sandbox());
        root.put("max_score", report.maxScore());
        root.set("tests", JSON.valueToTree(report.plan()));
        ArrayNode submissions = root.putArray("submissions");
        for (SubmissionResult r : report.results()) {
            ObjectNode row = submissions.addObject();
            row.put("name", r.name());
            row.put("outcome", r.outcome().name());
            row.put("score", r.score());
            row.put("max_score", r.maxScore());
            row.set("parts", JSON.valueToTree(r.partScores()));
            row.put("seconds", r.seconds());
            row.put("finished", r.finished());
            row.set("notes", JSON.valueToTree(r.notes()));
            row.set("tests", JSON.valueToTree(r.tests()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree is always serializable", e);
        }
    }
}
