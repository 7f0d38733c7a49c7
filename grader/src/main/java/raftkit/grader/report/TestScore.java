package raftkit.grader.report;

import java.util.List;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.Status;
import raftkit.grader.policy.TestPolicy;

/** One graded test: its policy and the results of its runs, and the points they earn under its pass rule. */
public record TestScore(TestPolicy test, List<RunResult> runs) {

    public TestScore {
        runs = List.copyOf(runs);
    }

    public int passes() {
        return (int) runs.stream().filter(RunResult::passed).count();
    }

    /** Runs that were planned but not made count as failures, so a cut-short grade never inflates a score. */
    public double earned() {
        return test.rule().points(test.points(), passes(), test.runs());
    }

    /** Passed when every run passed; otherwise the status of the first run that did not. */
    public Status status() {
        return runs.stream().filter(r -> !r.passed()).map(RunResult::status).findFirst()
                .orElse(runs.size() < test.runs() ? Status.CRASHED : Status.PASSED);
    }

    /** The first failing run, whose note, seed and log a report shows. */
    public RunResult firstFailure() {
        return runs.stream().filter(r -> !r.passed()).findFirst().orElse(null);
    }

    public double meanSeconds() {
        return runs.stream().mapToDouble(RunResult::seconds).average().orElse(0);
    }

    /** The result column: the status, with the pass count when a test has several runs. */
    public String resultText() {
        if (test.runs() == 1) {
            return status().label();
        }
        return passes() + "/" + test.runs() + " passed";
    }
}
