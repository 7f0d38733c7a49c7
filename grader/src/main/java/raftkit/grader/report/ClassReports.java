package raftkit.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import raftkit.grader.build.AtomicFiles;
import raftkit.grader.build.Submission;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.SubmissionResult;

/** Rebuilds {@code results.csv}, {@code results.json} and {@code index.html} from the stored results. */
public final class ClassReports {

    private final ResultStore store;
    private final List<PlannedTest> plan;
    private final String sandbox;

    public ClassReports(ResultStore store, List<PlannedTest> plan, String sandbox) {
        this.store = store;
        this.plan = List.copyOf(plan);
        this.sandbox = sandbox;
    }

    /** Writes all three reports over the finished ones of {@code submissions}; returns what they show. */
    public BatchReport rebuild(List<Submission> submissions) throws IOException {
        return write(store.reportDir(), plan, finished(submissions), sandbox);
    }

    /** What the reports would show over the finished ones of {@code submissions}, without writing them. */
    public BatchReport collect(List<Submission> submissions) {
        return report(plan, finished(submissions), sandbox);
    }

    /** Writes the three reports of {@code results} (in report order) into {@code reportDir}. */
    static BatchReport write(Path reportDir, List<PlannedTest> plan, List<SubmissionResult> results, String sandbox)
            throws IOException {
        BatchReport report = report(plan, results, sandbox);
        AtomicFiles.write(reportDir.resolve("results.csv"), CsvReport.render(report));
        AtomicFiles.write(reportDir.resolve("results.json"), JsonReport.render(report));
        AtomicFiles.write(reportDir.resolve("index.html"), HtmlReport.render(report));
        return report;
    }

    private List<SubmissionResult> finished(List<Submission> submissions) {
        return submissions.stream().map(s -> store.load(s.name())).flatMap(Optional::stream).toList();
    }

    private static BatchReport report(List<PlannedTest> plan, List<SubmissionResult> results, String sandbox) {
        return new BatchReport(plan, results, sandbox, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
