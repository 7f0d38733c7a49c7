package raftkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.build.Submission;
import raftkit.grader.build.SubmissionBuild;
import raftkit.grader.engine.Kit;
import raftkit.grader.engine.Status;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.plan.Plan;
import raftkit.grader.plan.Planner;
import raftkit.grader.plan.UserException;
import raftkit.grader.policy.Policy;
import raftkit.grader.report.GradescopeReport;
import raftkit.grader.report.PointsTable;
import raftkit.grader.report.ResultStore;
import raftkit.grader.run.EngineGrader;
import raftkit.grader.run.Grading;
import raftkit.grader.run.Sandbox;
import raftkit.grader.run.SubmissionPipeline;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/** {@code grade [PART...]}: grades the working tree or a submission, prints a points table, writes results.json. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grades parts: Go-style lines, a points table, results.json.",
        description = {"Runs the graded tests of the chosen parts (default: all), each part in a JVM",
            "of its own, and prints the Go-style lines as they run, then a points table and",
            "the score of each part. Also writes Gradescope's results.json.",
            "Exit code: 0 all passed, 1 a test failed, 2 could not grade (the reason is",
            "printed), 3 a test named by the policy does not exist."})
public final class GradeCommand implements Callable<Integer> {

    /** The folder under --out where a submission is unpacked, overlaid onto the kit, compiled and run. */
    static final String SUBMISSION_DIR = "submission";
    /** What the working tree is called in its results. */
    private static final String WORKING_TREE = "working tree";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PART", arity = "0..*", description = "Parts to grade, e.g. 3A 3B (default: all).")
    List<String> parts = new ArrayList<>();

    @Option(names = "--submission", paramLabel = "DIR|ZIP",
            description = "Grade a student's folder or zip (only the files the policy says a student owns are "
                    + "taken) instead of this working tree.")
    Path submission;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where to write Gradescope's results.json (default: <out>/results.json).")
    Path results;

    @Override
    public Integer call() throws IOException, InterruptedException, UserException {
        Policy policy = Planner.policy(common.toPlanOptions());
        Plan plan = Planner.parts(common.toPlanOptions(), policy, parts, 1, Planner.stampedOut("grade"));
        Files.createDirectories(plan.out());
        PrintWriter console = spec.commandLine().getOut();
        Path logs = submission != null ? plan.out().resolve(SUBMISSION_DIR).resolve("logs") : plan.out();
        SubmissionResult result = submission != null ? gradeSubmission(plan, policy, console)
                : gradeWorkingTree(plan, console);
        PointsTable.print(result, plan.parts(), console);
        for (TestScore test : result.tests()) {
            if (test.status() == Status.NOT_FOUND) {
                console.println("grade: " + test.name() + " is in the policy but not in " + policy.testClasses());
            }
        }
        Path file = results != null ? results : plan.out().resolve("results.json");
        GradescopeReport.write(result, logs, file);
        ResultStore.write(result, plan.out().resolve(ResultStore.RESULT_FILE));
        console.println("results.json: " + file);
        console.println("logs: " + plan.out());
        console.flush();
        return ExitCodes.computeExitCode(result.tests().stream().map(TestScore::status).toList());
    }

    private SubmissionResult gradeWorkingTree(Plan plan, PrintWriter console)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        TestRunner runner = TestRunner.forStudent(common.kit(), null, plan.peers(), plan.childProperties());
        List<TestScore> tests = new Grading(plan, runner, plan.out(), plan.jobs(), console).grade();
        return new SubmissionResult(WORKING_TREE, SubmissionResult.Outcome.GRADED, tests, List.of(),
                (System.nanoTime() - start) / 1e9, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** A batch of one: the submission built and graded as {@code batch} does it, without the sandbox. */
    private SubmissionResult gradeSubmission(Plan plan, Policy policy, PrintWriter console)
            throws IOException, InterruptedException, UserException {
        if (!Files.exists(submission)) {
            throw new UserException("no such submission: " + submission);
        }
        Kit kit = common.kit();
        SubmissionBuild build = SubmissionBuild.forKit(kit, policy.studentFiles());
        EngineGrader grader = new EngineGrader(plan, kit, Sandbox.none("grade --submission"), plan.jobs(), console);
        SubmissionResult result = new SubmissionPipeline(build, grader, console)
                .grade(Submission.of(submission), plan.out().resolve(SUBMISSION_DIR));
        if (result.outcome() == SubmissionResult.Outcome.REFUSED) {
            throw new UserException(String.join("; ", result.notes()));
        }
        return result;
    }
}
