package raftkit.grader.report;

import java.io.PrintWriter;
import java.util.List;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.score.Points;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/** The table {@code grade} prints at the end: one row per test, then each part's score and the total. */
public final class PointsTable {

    private PointsTable() {
    }

    /** @param parts the graded parts, for their titles */
    public static void print(SubmissionResult result, List<PartPolicy> parts, PrintWriter out) {
        int width = Math.max(4, result.tests().stream().mapToInt(t -> t.name().length()).max().orElse(4));
        String row = "%-5s %-" + width + "s  %-14s %8s  %s%n";
        out.println();
        out.printf(row, "part", "test", "result", "time", "points");
        for (TestScore score : result.tests()) {
            out.printf(row, score.part(), score.name(), score.resultText(),
                    String.format("%.1fs", score.meanSeconds()),
                    Points.format(score.points()) + " / " + Points.format(score.maxPoints()));
        }
        out.println();
        for (PartPolicy part : parts) {
            List<TestScore> tests = result.tests(part.name());
            String name = part.title().isEmpty() ? part.name() : part.name() + " (" + part.title() + ")";
            out.printf("%-28s %s / %s%n", name, Points.format(tests.stream().mapToDouble(TestScore::points).sum()),
                    Points.format(tests.stream().mapToDouble(TestScore::maxPoints).sum()));
        }
        out.printf("%-28s %s / %s%n", "total", Points.format(result.score()), Points.format(result.maxScore()));
        out.flush();
    }
}
