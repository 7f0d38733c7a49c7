package raftkit.grader.batch;

import java.util.ArrayList;
import java.util.List;
import raftkit.grader.report.GradescopeResults;

/**
 * A submission's Gradescope-style {@code results.json} (the autograder results format: score, execution_time,
 * output, tests with name, score, max_score, status, output, visibility), made from its stored result.
 */
public final class GradescopeReport {

    private GradescopeReport() {
    }

    public static String render(SubmissionResult result) {
        List<GradescopeResults.Test> tests = new ArrayList<>();
        for (TestScore t : result.tests()) {
            tests.add(new GradescopeResults.Test(t.part(), t.name(), t.points(), t.maxPoints(), t.passed(),
                    t.passed() ? "" : t.status().word() + ": " + t.message()));
        }
        return new GradescopeResults(result.score(), result.seconds(), String.join("\n", result.notes()), tests)
                .render();
    }
}
