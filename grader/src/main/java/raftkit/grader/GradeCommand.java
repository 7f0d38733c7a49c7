package raftkit.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.batch.SubmissionBuild;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.report.GradescopeWriter;
import raftkit.grader.report.PointsTable;
import raftkit.grader.report.Scorecard;

/** {@code grade [PART...]}: grades the working tree or a submission, prints a points table, writes results.json. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grades parts: Go-style lines, a points table, results.json.",
        description = {"Runs the graded tests of the chosen parts (default: all), each part in a JVM",
            "of its own, and prints the Go-style lines as they run, then a points table and",
            "the score of each part. Also writes Gradescope's results.json.",
            "Exit code: 0 all passed, 1 a test failed, 2 could not grade (the reason is",
            "printed), 3 a test named by the policy does not exist."})
public final class GradeCommand implements Callable<Integer> {

    /** The folder under --out where a submission is unpacked, overlaid onto the kit and compiled. */
    private static final String SUBMISSION_DIR = "submission";

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
        long start = System.nanoTime();
        Policy policy = common.loadPolicy();
        List<PartPolicy> chosen = choose(policy);
        Path out = common.outDir("grade");
        Files.createDirectories(out);
        PrintWriter console = spec.commandLine().getOut();
        Grading.Outcome outcome = run(policy, chosen, out, console);
        Scorecard card = outcome.card();
        PointsTable.print(card, console);
        for (String test : outcome.missing()) {
            console.println("grade: " + test + " is in the policy but not in " + policy.testPackage());
        }
        Path file = results != null ? results : out.resolve("results.json");
        String summary = "Graded " + String.join(", ", chosen.stream().map(PartPolicy::name).toList()) + ": "
                + Scorecard.points(card.earned()) + " / " + Scorecard.points(card.max()) + " points.";
        GradescopeWriter.write(card, (System.nanoTime() - start) / 1e9, summary, file);
        console.println("results.json: " + file);
        console.println("logs: " + out);
        console.flush();
        return ExitCodes.computeExitCode(card.runs(), outcome.missing());
    }

    private Grading.Outcome run(Policy policy, List<PartPolicy> chosen, Path out, PrintWriter console)
            throws IOException, InterruptedException, UserException {
        Path studentClasses = null;
        if (submission != null) {
            SubmissionBuild.Result built = build(policy, out);
            built.notes().forEach(note -> console.println("note: " + note));
            if (built.outcome() != SubmissionBuild.Outcome.COMPILED) {
                return new Grading.Outcome(notBuilt(built, chosen, out, console), List.of());
            }
            studentClasses = built.classes();
        }
        Grading grading = new Grading(policy, common, common.runner(studentClasses), out, common.jobs(1), console);
        return grading.grade(chosen);
    }

    /** The submission overlaid onto this kit and compiled, as batch does it; a refused archive is a user error. */
    private SubmissionBuild.Result build(Policy policy, Path out) throws IOException, UserException {
        if (!Files.exists(submission)) {
            throw new UserException("no such submission: " + submission);
        }
        SubmissionBuild.Result built = SubmissionBuild.forKit(common.kit(), policy.studentFiles())
                .build(submission, !Files.isDirectory(submission), out.resolve(SUBMISSION_DIR));
        if (built.outcome() == SubmissionBuild.Outcome.REFUSED) {
            throw new UserException(String.join("; ", built.notes()));
        }
        return built;
    }

    /** Every test scores zero: the submission has no student files, or they do not compile. */
    private static Scorecard notBuilt(SubmissionBuild.Result built, List<PartPolicy> chosen, Path out,
                                      PrintWriter console) {
        if (built.outcome() == SubmissionBuild.Outcome.NO_FILES) {
            return Grading.notCompiled(chosen, String.join("\n", built.notes()), null);
        }
        console.println("--- the submission does not compile:");
        console.println(built.firstLines());
        return Grading.notCompiled(chosen, built.firstLines(), out.resolve(SUBMISSION_DIR).resolve("compile.log"));
    }

    private List<PartPolicy> choose(Policy policy) throws UserException {
        if (parts.isEmpty()) {
            return policy.parts();
        }
        List<PartPolicy> chosen = new ArrayList<>();
        for (String name : parts) {
            for (String one : name.split(",")) {
                chosen.add(policy.part(one.trim()).orElseThrow(() -> new UserException(
                        "unknown part '" + one.trim() + "'; the parts are " + policy.partNames())));
            }
        }
        return chosen;
    }
}
