package raftkit.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Grades one submission: every run the policy asks of the chosen parts, a part's tests sharing a JVM per run,
 * scored into a {@link Scorecard}. With one job the tests' Go-style lines are echoed live, and each failing run gets a Go-style
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
        Map<String, List<RunResult>> byTest = new HashMap<>();
        List<RunQueue.Job> jobList = jobs(parts, byTest);
        List<String> missing = new ArrayList<>();
        RunQueue.runAll(this::runGroup, jobList, jobs, console, (job, report) -> {
            record(job, report, byTest, missing);
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

    /**
     * One job per part, run number and time limit: the part's tests share a JVM, as under Maven, which keeps the
     * grader's cost per test small. A crash only loses the tests after it, and {@link #runGroup} reruns those.
     */
    private List<RunQueue.Job> jobs(List<PartPolicy> parts, Map<String, List<RunResult>> byTest)
            throws UserException {
        List<RunQueue.Job> jobList = new ArrayList<>();
        for (PartPolicy part : parts) {
            int maxRuns = part.tests().stream().mapToInt(TestPolicy::runs).max().orElse(0);
            for (int run = 1; run <= maxRuns; run++) {
                Map<Double, List<String>> byLimit = new LinkedHashMap<>();
                for (TestPolicy test : part.tests()) {
                    byTest.put(test.name(), new ArrayList<>());
                    if (test.runs() >= run) {
                        byLimit.computeIfAbsent(options.limitSeconds(test), l -> new ArrayList<>()).add(test.name());
                    }
                }
                int group = 0;
                for (Map.Entry<Double, List<String>> same : byLimit.entrySet()) {
                    String name = "run-" + run + (group++ == 0 ? "" : "-" + group);
                    RunSpec spec = new RunSpec(policy.testPackage(), List.of(part.tag()), same.getValue(),
                            same.getKey(), options.heap(policy), Settings.outputCap(),
                            out.resolve(part.name()).resolve(name));
                    jobList.add(new RunQueue.Job(part.name(), run, spec));
                }
            }
        }
        return jobList;
    }

    /** Runs a job's tests, again in a fresh JVM for those a crash kept from starting, until none is left. */
    private RunReport runGroup(RunQueue.Job job, Writer echo) throws IOException, InterruptedException {
        List<String> remaining = job.spec().tests();
        List<RunResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        RunReport last = null;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            Path dir = attempt == 1 ? job.spec().dir() : job.spec().dir().resolveSibling(
                    job.spec().dir().getFileName() + "-again-" + attempt);
            last = runner.run(new RunSpec(job.spec().packageName(), job.spec().tags(), remaining,
                    job.spec().limitSeconds(), job.spec().heap(), job.spec().outputCap(), dir), echo);
            missing.addAll(last.missing());
            List<String> notStarted = last.notStarted();
            List<RunResult> ran = last.results().stream().filter(r -> !notStarted.contains(r.test())).toList();
            results.addAll(ran);
            if (ran.isEmpty()) {
                results.addAll(last.results());
                break;
            }
            remaining = notStarted;
        }
        return new RunReport(results, missing, List.of(), last.outcome(), last.log());
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

    private void record(RunQueue.Job job, RunReport report, Map<String, List<RunResult>> byTest,
                        List<String> missing) {
        for (String test : report.missing()) {
            missing.add(test);
            byTest.get(test).add(new RunResult(test, Status.CRASHED, 0,
                    "no such test in " + policy.testPackage() + " (the policy and the tests disagree)", "", null));
        }
        for (RunResult result : report.results()) {
            byTest.computeIfAbsent(result.test(), t -> new ArrayList<>()).add(result);
            if (console != null && !result.passed()) {
                printFailure(result);
            }
            if (console != null && jobs > 1) {
                console.printf("%-40s %s (%.1fs)%n", result.test() + " run " + job.run(), result.status().label(),
                        result.seconds());
            }
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
        if (result.timeline() != null) {
            console.println("    timeline: " + result.timeline());
        }
    }
}
