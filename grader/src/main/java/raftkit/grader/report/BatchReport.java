package raftkit.grader.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.SubmissionResult;

/**
 * What the class-wide reports are built from: the plan (columns) and every finished submission (rows).
 *
 * @param plan      the graded tests, in policy order
 * @param results   one per finished submission, sorted by name
 * @param sandbox   the sandbox line, shown once
 * @param generated when the reports were written (ISO-8601)
 */
public record BatchReport(List<PlannedTest> plan, List<SubmissionResult> results, String sandbox,
                          String generated) {

    public BatchReport {
        plan = List.copyOf(plan);
        results = List.copyOf(results);
    }

    /** The parts, in policy order. */
    public Set<String> parts() {
        Set<String> parts = new LinkedHashSet<>();
        plan.forEach(t -> parts.add(t.part()));
        return parts;
    }

    public double maxScore() {
        return plan.stream().mapToDouble(PlannedTest::points).sum();
    }

    public double maxScore(String part) {
        return plan.stream().filter(t -> t.part().equals(part)).mapToDouble(PlannedTest::points).sum();
    }
}
