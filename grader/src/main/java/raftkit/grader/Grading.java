package raftkit.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.RunQueue;
import raftkit.grader.engine.RunReport;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.RunSpec;
import raftkit.grader.engine.Status;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.TestPolicy;
import raftkit.grader.report.Scorecard;
import raftkit.grader.report.TestScore;

/**
 * Grades one submission: every run the policy asks of the chosen parts, each test run in its own JVM, scored into
 * a {@link Scorecard}. With one job the tests' Go-style lines are echoed live, and each failing run gets a Go-style
 * {@code --- FAIL} line with its note and log.
 *
 * @param console where lines go, or null for silence (batch grading)
 */
public record Grading(Policy policy, CommonOptions options, TestRunner runner, Path out, int jobs,
                      PrintWriter console) {

    /** The scores, and the tests the policy names that the kit does not have. */
    public record Outcome(Scorecard card, List<String> missing) {
    }

    public Outcome grade(List<PartPolicy> parts) throws IOException, InterruptedException, UserException {
        List<RunQueue.Job> jobList = new ArrayList<>();
        Map<String, List<RunResult>> byTest = new HashMap<>();
        for (PartPolicy part : parts) {
            for (TestPolicy test : part.tests()) {
                RunSpec spec = new RunSpec(policy.testPackage(), List.of(part.tag()), List.of(test.name()),
                        options.limitSeconds(test), options.heap(policy), Settings.outputCap(), out);
                for (int run = 1; run <= test.runs(); run++) {
                    Path dir = out.resolve(part.name()).resolve(test.name()).resolve("run-" + run);
                    jobList.add(new RunQueue.Job(test.name(), run, spec.forTest(test.name(), dir)));
                }
                byTest.put(test.name(), new ArrayList<>());
            }
        }
        List<String> missing = new ArrayList<>();
        RunQueue.runAll(runner, jobList, jobs, console, (job, report) -> {
            record(job, report, byTest.get(job.test()), missing);
            return true;
        });
        Scorecard card = new Scorecard();
        for (PartPolicy part : parts) {
            for (TestPolicy test : part.tests()) {
                card.add(part, new TestScore(test, byTest.get(test.name())));
            }
        }
        return new Outcome(card, missing);
    }

    /** Every test of the parts scored zero because the submission did not compile. */
    public static Scorecard notCompiled(List<PartPolicy> parts, String messages, Path log) {
        Scorecard card = new Scorecard();
        for (PartPolicy part : parts) {
            for (TestPolicy test : part.tests()) {
                RunResult result = new RunResult(test.name(), Status.NOT_COMPILED, 0, messages, "", log);
                card.add(part, new TestScore(test, List.of(result)));
            }
        }
        return card;
    }

    private void record(RunQueue.Job job, RunReport report, List<RunResult> results, List<String> missing) {
        if (!report.missing().isEmpty()) {
            missing.addAll(report.missing());
            results.add(new RunResult(job.test(), Status.CRASHED, 0,
                    "no such test in " + policy.testPackage() + " (the policy and the tests disagree)", "", null));
        }
        for (RunResult result : report.results()) {
            results.add(result);
            if (console != null && !result.passed()) {
                printFailure(result);
            }
        }
        if (console != null && jobs > 1) {
            console.printf("%-40s %s (%.1fs)%n", job.test() + " run " + job.run(),
                    report.results().isEmpty() ? "missing" : report.results().get(0).status().label(),
                    report.outcome().seconds());
        }
        if (console != null) {
            console.flush();
        }
    }

    private void printFailure(RunResult result) {
        console.printf("--- FAIL: %s (%.2fs)%n", result.test(), result.seconds());
        String prefix = result.status() == Status.FAILED ? "" : result.status().label() + ": ";
        for (String line : (prefix + result.note()).split("\n")) {
            console.println("    " + line);
        }
        if (result.log() != null) {
            console.println("    log: " + result.log());
        }
    }
}
