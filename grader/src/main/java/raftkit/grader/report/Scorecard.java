package raftkit.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.RunResult;
import raftkit.grader.policy.PartPolicy;

/** The scores of the graded parts, in policy order. */
public final class Scorecard {

    private final Map<PartPolicy, List<TestScore>> parts = new LinkedHashMap<>();

    public void add(PartPolicy part, TestScore score) {
        parts.computeIfAbsent(part, p -> new ArrayList<>()).add(score);
    }

    public Map<PartPolicy, List<TestScore>> parts() {
        return parts;
    }

    public List<TestScore> tests() {
        return parts.values().stream().flatMap(List::stream).toList();
    }

    public List<RunResult> runs() {
        return tests().stream().flatMap(t -> t.runs().stream()).toList();
    }

    public static double earned(List<TestScore> tests) {
        return tests.stream().mapToDouble(TestScore::earned).sum();
    }

    public static double max(List<TestScore> tests) {
        return tests.stream().mapToDouble(t -> t.test().points()).sum();
    }

    public double earned() {
        return earned(tests());
    }

    public double max() {
        return max(tests());
    }

    /** Points as people write them: {@code 5}, {@code 2.5}, {@code 3.33}. */
    public static String points(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format("%.2f", value).replaceAll("0+$", "");
    }
}
