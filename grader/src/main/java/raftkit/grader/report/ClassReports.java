package raftkit.grader.report;

import java.io.IOException;
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
        List<SubmissionResult> results = submissions.stream().map(s -> store.load(s.name()))
                .flatMap(Optional::stream).toList();
        BatchReport report = new BatchReport(plan, results, sandbox,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        AtomicFiles.write(store.reportDir().resolve("results.csv"), CsvReport.render(report));
        AtomicFiles.write(store.reportDir().resolve("results.json"), JsonReport.render(report));
        AtomicFiles.write(store.reportDir().resolve("index.html"), HtmlReport.render(report));
        return report;
    }
}
