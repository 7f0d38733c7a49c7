package raftkit.grader.run;

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
import raftkit.grader.plan.Plan;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.TestPolicy;
import raftkit.grader.score.TestScore;

/**
 * Grades one build (the working tree or a compiled submission): every run the plan asks of its tests, a part's
 * tests sharing a JVM per run, scored into one {@link TestScore} per test. With one job the tests' Go-style lines
 * are echoed live, and each failing run gets a Go-style {@code --- FAIL} line with its note and log.
 *
 * @param logs    where each run's folder goes; a score names its log relative to this folder
 * @param jobs    test JVMs run at once
 * @param console where lines go, or null for silence (batch grading)
 */
public record Grading(Plan plan, TestRunner runner, Path logs, int jobs, PrintWriter console) {

    public List<TestScore> grade() throws IOException, InterruptedException {
        Map<String, List<RunResult>> byTest = new HashMap<>();
        plan.tests().forEach(t -> byTest.put(t.name(), new ArrayList<>()));
        RunQueue.runAll(this::runGroup, jobList(), jobs, console, (job, report) -> {
            record(job, report, byTest);
            return true;
        });
        Path base = logs.toAbsolutePath().normalize();
        return plan.tests().stream().map(t -> TestScore.of(t, byTest.get(t.name()), log -> relative(base, log)))
                .toList();
    }

    /**
     * One job per part, run number and time limit: the part's tests share a JVM, as under Maven, which keeps the
     * grader's cost per test small. A crash only loses the tests after it, and {@link #runGroup} reruns those.
     */
    private List<RunQueue.Job> jobList() {
        List<RunQueue.Job> jobList = new ArrayList<>();
        for (PartPolicy part : plan.parts()) {
            List<TestPolicy> tests = plan.tests(part);
            int maxRuns = tests.stream().mapToInt(TestPolicy::runs).max().orElse(0);
            for (int run = 1; run <= maxRuns; run++) {
                Map<Double, List<String>> byLimit = new LinkedHashMap<>();
                for (TestPolicy test : tests) {
                    if (test.runs() >= run) {
                        byLimit.computeIfAbsent(plan.limitSeconds(test), l -> new ArrayList<>()).add(test.name());
                    }
                }
                int group = 0;
                for (Map.Entry<Double, List<String>> same : byLimit.entrySet()) {
                    String name = "run-" + run + (group++ == 0 ? "" : "-" + group);
                    jobList.add(new RunQueue.Job(run, plan.spec(part, same.getValue(), same.getKey(),
                            logs.resolve(part.name()).resolve(name))));
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
            last = runner.run(new RunSpec(job.spec().classes(), job.spec().tags(), remaining,
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

    private void record(RunQueue.Job job, RunReport report, Map<String, List<RunResult>> byTest) {
        for (String test : report.missing()) {
            byTest.get(test).add(new RunResult(test, Status.NOT_FOUND, 0,
                    "no such test in " + plan.policy().testClasses() + " (the policy and the tests disagree)", "",
                    null));
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

    /** A log's name relative to {@code base} with forward slashes, or empty when it lies elsewhere. */
    private static String relative(Path base, Path log) {
        Path absolute = log.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : "";
    }
}
