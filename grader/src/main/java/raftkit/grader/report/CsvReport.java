package raftkit.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.Points;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/** {@code results.csv}: one row per submission with per-test points, per-part and total scores and notes. */
public final class CsvReport {

    private CsvReport() {
    }

    public static String render(BatchReport report) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("name", "outcome", "total", "max"));
        header.addAll(report.parts());
        report.plan().forEach(t -> header.add(t.name()));
        header.add("notes");
        line(out, header);
        for (SubmissionResult r : report.results()) {
            List<String> row = new ArrayList<>(List.of(r.name(), r.outcome().name(),
                    Points.format(r.score()), Points.format(report.maxScore())));
            report.parts().forEach(p -> row.add(Points.format(r.partScores().getOrDefault(p, 0.0))));
            for (PlannedTest t : report.plan()) {
                row.add(find(r, t).map(s -> Points.format(s.points())).orElse(""));
            }
            row.add(String.join("; ", r.notes()));
            line(out, row);
        }
        return out.toString();
    }

    static Optional<TestScore> find(SubmissionResult r, PlannedTest t) {
        return r.tests().stream().filter(s -> s.name().equals(t.name())).findFirst();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet shows the text as typed. */
    static String quote(String cell) {
        String safe = cell.replace("\r", " ").replace("\n", " ");
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.]+")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
