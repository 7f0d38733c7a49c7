package raftkit.grader.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the grader knows about one graded submission (or the working tree): what {@code grade} prints and
 * every report is made from. A batch stores it as {@code REPORT_DIR/<name>/result.json} the moment it is done.
 *
 * @param name     the submission's name
 * @param outcome  how far grading got
 * @param tests    one score per planned test, in policy order
 * @param notes    report lines: refused zip entries, changed kit files, compiler errors, sandbox escapes
 * @param seconds  wall time spent on this submission
 * @param finished when it finished (ISO-8601)
 */
public record SubmissionResult(String name, Outcome outcome, List<TestScore> tests, List<String> notes,
                               double seconds, String finished) {

    /** How far grading of a submission got. */
    public enum Outcome {
        GRADED, NOT_COMPILED, NO_FILES, REFUSED, ERROR
    }

    public SubmissionResult {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
    }

    public double score() {
        return tests.stream().mapToDouble(TestScore::points).sum();
    }

    public double maxScore() {
        return tests.stream().mapToDouble(TestScore::maxPoints).sum();
    }

    /** Points per part, in policy order. */
    public Map<String, Double> partScores() {
        Map<String, Double> parts = new LinkedHashMap<>();
        tests.forEach(t -> parts.merge(t.part(), t.points(), Double::sum));
        return parts;
    }

    /** The tests of {@code part}, in policy order. */
    public List<TestScore> tests(String part) {
        return tests.stream().filter(t -> t.part().equals(part)).toList();
    }

    /** One line saying what was graded and the score, e.g. {@code Graded 3A, 3B: 40 / 65 points.} */
    public String summary() {
        return "Graded " + String.join(", ", partScores().keySet()) + ": " + Points.format(score()) + " / "
                + Points.format(maxScore()) + " points.";
    }
}
