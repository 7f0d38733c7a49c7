package raftkit.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftkit.grader.plan.UserException;
import raftkit.grader.build.Submission;
import raftkit.grader.build.SubmissionFinder;
import raftkit.grader.report.ShardMerge;

/** {@code batch-merge REPORT_DIR...}: the class reports of a batch graded in shards; see the description. */
@Command(name = "batch-merge", mixinStandardHelpOptions = true,
        header = "Writes the class reports of a batch graded in shards.",
        description = {"Reads the per-submission results that `batch --shard K/N` runs left in",
            "REPORT_DIR (one shared folder, or one per shard) and writes results.csv,",
            "results.json and index.html into the first of them (or --out), as one",
            "unsharded batch would. Names each submission without a result and the shard",
            "that owed it, each shard that never started, and each submission graded",
            "twice (the result that finished last is kept). With --submissions the class",
            "is that folder's submissions; otherwise, what the shards recorded.",
            "Exit code 0 when every shard ran and every submission has a result, else 1."})
public final class BatchMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT_DIR", description = "Report folders the shards wrote into.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: the first REPORT_DIR).")
    Path out;

    @Option(names = "--submissions", paramLabel = "SUBMISSIONS_DIR",
            description = "The class's submissions folder, to name submissions no shard recorded.")
    Path submissions;

    @Override
    public Integer call() throws IOException, UserException {
        for (Path dir : reports) {
            if (!Files.isDirectory(dir)) {
                throw new UserException("no such report folder: " + dir);
            }
        }
        if (submissions != null && !Files.isDirectory(submissions)) {
            throw new UserException("no such folder: " + submissions);
        }
        Optional<List<String>> expected = Optional.ofNullable(submissions)
                .map(dir -> SubmissionFinder.find(dir).stream().map(Submission::name).toList());
        Path target = out != null ? out : reports.get(0);
        ShardMerge.Summary summary;
        try {
            summary = ShardMerge.merge(reports, expected, target);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        print(summary, target, spec.commandLine().getOut());
        return summary.complete() ? ExitCodes.OK : ExitCodes.TEST_FAILED;
    }

    private void print(ShardMerge.Summary summary, Path target, PrintWriter out) {
        out.println("batch-merge: " + summary.report().results().size() + " results from " + reports.size()
                + " report folder(s)");
        summary.unstarted().forEach(p -> out.println("  " + p));
        summary.problems().forEach(p -> out.println("  " + p));
        for (ShardMerge.Duplicate d : summary.duplicates()) {
            out.println("  graded more than once: " + d.name() + " (in " + d.folders() + "); kept the result from "
                    + d.kept() + ", finished " + d.finished());
        }
        if (!summary.missing().isEmpty()) {
            out.println("  missing " + summary.missing().size() + ": " + String.join(", ", summary.missing())
                    + "; rerun those shards (they resume), then merge again");
        }
        out.println("reports: " + target.resolve("index.html") + " (also results.csv, results.json)");
        out.flush();
    }
}
