package raftkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.engine.RunQueue;
import raftkit.grader.engine.RunReport;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.RunSpec;
import raftkit.grader.engine.Status;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.plan.Plan;
import raftkit.grader.plan.Planner;
import raftkit.grader.plan.UserException;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.TestPolicy;
import raftkit.grader.report.RepeatStats;

/** {@code repeat TEST_OR_PART... -n N -p P}: shakes out rare failures by running tests many times. */
@Command(name = "repeat", mixinStandardHelpOptions = true,
        header = "Runs tests many times, several at once; keeps the failing runs' logs.",
        description = {"Runs each named test (or every test of a named part) N times, P at a time,",
            "each run in its own JVM, with a progress bar; then prints a table per test",
            "(failed/total, mean ± sd time). The output and seed of every failing run are",
            "kept in a folder (its path is printed); passing runs' output is discarded",
            "unless --keep-all. Exit code: 0 every run passed, 1 a run failed.",
            "",
            "Default P: two runs per core, at most 8. A Raft test mostly sleeps (elections,",
            "heartbeats, the tester's waits), so one core carries about two runs without",
            "stretching their timing; more than that risks failures caused by a starved",
            "machine rather than by your code."})
public final class RepeatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TEST_OR_PART", arity = "1..*",
            description = "Tests (TestBackup3B, testBackup3B or Backup3B) or parts (3B).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-n", "--runs"}, paramLabel = "N", defaultValue = "10",
            description = "Runs of each test (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--fail-fast", description = "Stop at the first failing run.")
    boolean failFast;

    @Option(names = "--keep-all", description = "Keep the output of passing runs too.")
    boolean keepAll;

    static int defaultJobs() {
        return Math.min(8, 2 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Integer call() throws IOException, InterruptedException, UserException {
        if (runs < 1) {
            throw new UserException("-n must be at least 1, not " + runs);
        }
        Policy policy = Planner.policy(common.toPlanOptions());
        Plan plan = Planner.tests(common.toPlanOptions(), policy, targets, defaultJobs(),
                Planner.stampedOut("repeat"));
        Path out = plan.out();
        Files.createDirectories(out);
        PrintWriter console = spec.commandLine().getOut();
        RepeatStats stats = new RepeatStats();
        plan.tests().forEach(test -> stats.expect(test.name()));
        List<RunQueue.Job> jobList = jobs(plan);
        console.printf("repeat: %d run(s) of %d test(s), %d at a time%n", runs, plan.tests().size(), plan.jobs());
        console.flush();
        List<Status> statuses = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        ProgressBar bar = progressBar(jobList.size(), console);
        TestRunner runner = TestRunner.forStudent(common.kit(), null, plan.peers(), plan.childProperties());
        try (bar) {
            RunQueue.runAll(runner, jobList, plan.jobs(), null, (job, report) -> {
                missing.addAll(report.missing());
                report.missing().forEach(test -> statuses.add(Status.NOT_FOUND));
                for (RunResult result : report.results()) {
                    statuses.add(result.status());
                    stats.add(result);
                }
                keepOrDiscard(job, report, kept);
                bar.step();
                bar.setExtraMessage(stats.failures() + " failed");
                return report.missing().isEmpty() && !(failFast && stats.failures() > 0);
            });
        }
        stats.print(console);
        for (String test : missing.stream().distinct().toList()) {
            console.println("repeat: no test " + test + " in " + policy.testClasses());
        }
        kept.forEach(console::println);
        if (!kept.isEmpty() || keepAll) {
            console.println("logs: " + out);
        }
        console.flush();
        return ExitCodes.computeExitCode(statuses);
    }

    private static ProgressBar progressBar(int jobs, PrintWriter console) {
        boolean terminal = System.console() != null;
        return new ProgressBarBuilder().setTaskName("repeat").setInitialMax(jobs)
                .setStyle(terminal ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(new ProgressConsumer(console, terminal)).setUpdateIntervalMillis(500).build();
    }

    /** Each test of the plan {@code runs} times, each run a JVM of its own with a folder of its own. */
    private List<RunQueue.Job> jobs(Plan plan) {
        List<RunQueue.Job> jobList = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (TestPolicy test : plan.tests()) {
                RunSpec spec = plan.spec(plan.part(test), List.of(test.name()), plan.limitSeconds(test),
                        plan.out().resolve(test.name()).resolve("run-" + run));
                jobList.add(new RunQueue.Job(run, spec));
            }
        }
        return jobList;
    }

    /** A failing run keeps its folder plus a note with its seed; a passing one is deleted unless --keep-all. */
    private void keepOrDiscard(RunQueue.Job job, RunReport report, List<String> kept) throws IOException {
        RunResult failure = report.results().stream().filter(r -> !r.passed()).findFirst().orElse(null);
        Path dir = job.spec().dir();
        if (failure != null) {
            String seed = failure.seed().isEmpty() ? "" : "seed " + failure.seed()
                    + " (replay: grader/grade repeat " + failure.test() + " --seed " + failure.seed() + ")\n";
            Files.writeString(dir.resolve("failure.txt"), failure.test() + " run " + job.run() + ": "
                    + failure.status().label() + "\n" + failure.note() + "\n" + seed);
            kept.add(String.format("%s run %d: %s: %s%s", failure.test(), job.run(), failure.status().label(),
                        failure.note().lines().findFirst().orElse(""),
                    failure.seed().isEmpty() || failure.note().contains(failure.seed()) ? ""
                            : " [seed " + failure.seed() + "]")
                    + (failure.timeline() == null ? "" : "\n    timeline: " + failure.timeline()));
        } else if (!keepAll) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
