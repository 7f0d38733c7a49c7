package raftkit.grader.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import raftkit.grader.policy.PartPolicy;

/** The table {@code grade} prints at the end: one row per test, then each part's score and the total. */
public final class PointsTable {

    private PointsTable() {
    }

    public static void print(Scorecard card, PrintWriter out) {
        int width = Math.max(4, card.tests().stream().mapToInt(t -> t.test().name().length()).max().orElse(4));
        String row = "%-5s %-" + width + "s  %-14s %8s  %s%n";
        out.println();
        out.printf(row, "part", "test", "result", "time", "points");
        for (Map.Entry<PartPolicy, List<TestScore>> part : card.parts().entrySet()) {
            for (TestScore score : part.getValue()) {
                out.printf(row, part.getKey().name(), score.test().name(), score.resultText(),
                        String.format("%.1fs", score.meanSeconds()),
                        Scorecard.points(score.earned()) + " / " + Scorecard.points(score.test().points()));
            }
        }
        out.println();
        for (Map.Entry<PartPolicy, List<TestScore>> part : card.parts().entrySet()) {
            PartPolicy p = part.getKey();
            String name = p.title().isEmpty() ? p.name() : p.name() + " (" + p.title() + ")";
            out.printf("%-28s %s / %s%n", name, Scorecard.points(Scorecard.earned(part.getValue())),
                    Scorecard.points(Scorecard.max(part.getValue())));
        }
        out.printf("%-28s %s / %s%n", "total", Scorecard.points(card.earned()), Scorecard.points(card.max()));
        out.flush();
    }
}
