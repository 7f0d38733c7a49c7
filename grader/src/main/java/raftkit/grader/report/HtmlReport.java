package raftkit.grader.report;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import raftkit.grader.engine.Status;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.Points;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/**
 * {@code index.html}: a static page with one sortable row per submission, a coloured cell per test, and a link
 * to each submission's own page (notes, test messages, logs).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(BatchReport report) {
        StringBuilder out = new StringBuilder(Html.head("raftkit batch report"));
        out.append("<h1>raftkit batch report</h1>\n<p class=\"meta\">")
                .append(report.results().size()).append(" submissions &middot; generated ")
                .append(Html.text(report.generated())).append(" &middot; ").append(Html.text(report.sandbox()))
                .append("</p>\n<p class=\"meta\">Click a column header to sort; click a name for its notes and logs; "
                        + "hover a cell for the test's message.</p>\n");
        out.append("<table id=\"results\"><thead><tr><th>name</th><th>total /")
                .append(Points.format(report.maxScore())).append("</th>");
        for (String part : report.parts()) {
            out.append("<th>").append(Html.text(part)).append(" /")
                    .append(Points.format(report.maxScore(part))).append("</th>");
        }
        for (PlannedTest t : report.plan()) {
            out.append("<th class=\"test\" title=\"").append(Html.text(t.part())).append("\">")
                    .append(Html.text(t.name())).append("</th>");
        }
        out.append("<th>outcome</th><th>notes</th></tr></thead>\n<tbody>\n");
        report.results().forEach(r -> row(out, report, r));
        out.append("</tbody></table>\n").append(SORT_SCRIPT).append("</body></html>\n");
        return out.toString();
    }

    private static void row(StringBuilder out, BatchReport report, SubmissionResult r) {
        out.append("<tr><td><a href=\"").append(Html.link(r.name())).append("/index.html\">")
                .append(Html.text(r.name())).append("</a></td>");
        out.append(numberCell(r.score(), r.score() == report.maxScore() ? "pass" : r.score() == 0 ? "fail" : ""));
        for (String part : report.parts()) {
            double score = r.partScores().getOrDefault(part, 0.0);
            String cls = score == report.maxScore(part) ? "pass" : score == 0 ? "fail" : "";
            out.append(numberCell(score, cls));
        }
        for (PlannedTest t : report.plan()) {
            Optional<TestScore> score = CsvReport.find(r, t);
            if (score.isEmpty()) {
                out.append("<td class=\"none\" data-sort=\"-1\"></td>");
                continue;
            }
            TestScore s = score.get();
            String cls = s.passed() ? "pass" : s.status() == Status.NOT_RUN ? "none" : "fail";
            out.append("<td class=\"").append(cls).append(" num\" data-sort=\"").append(s.points())
                    .append("\" title=\"").append(Html.text(s.status().label() + tooltip(s.message()))).append("\">")
                    .append(Points.format(s.points())).append("</td>");
        }
        out.append("<td>").append(Html.text(outcome(r))).append("</td><td class=\"notes\">")
                .append(Html.text(String.join("; ", r.notes()))).append("</td></tr>\n");
    }

    /** The outcome, and for a graded submission how its tests that did not pass ended: "graded: 2 timed out". */
    static String outcome(SubmissionResult r) {
        String word = r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (r.outcome() != SubmissionResult.Outcome.GRADED) {
            return word;
        }
        Map<Status, Long> counts = r.tests().stream().filter(t -> !t.passed())
                .collect(Collectors.groupingBy(TestScore::status, () -> new EnumMap<>(Status.class),
                        Collectors.counting()));
        if (counts.isEmpty()) {
            return word + ": all passed";
        }
        return word + ": " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    private static String numberCell(double value, String cls) {
        return "<td class=\"num " + cls + "\" data-sort=\"" + value + "\">" + Points.format(value) + "</td>";
    }

    private static String tooltip(String message) {
        if (message.isEmpty()) {
            return "";
        }
        String firstLines = message.length() > 300 ? message.substring(0, 300) + "..." : message;
        return ": " + firstLines;
    }

    /** Sorts by the clicked column: numbers by {@code data-sort}, text otherwise; a second click reverses. */
    private static final String SORT_SCRIPT = """
            <script>
            (function () {
              const table = document.getElementById('results');
              const headers = table.tHead.rows[0].cells;
              function key(cell) {
                const v = cell.getAttribute('data-sort');
                return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
              }
              Array.from(headers).forEach(function (th, col) {
                th.addEventListener('click', function () {
                  const asc = !th.classList.contains('sorted-asc');
                  Array.from(headers).forEach(h => h.classList.remove('sorted-asc', 'sorted-desc'));
                  th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
                  const body = table.tBodies[0];
                  const rows = Array.from(body.rows);
                  rows.sort(function (a, b) {
                    const x = key(a.cells[col]), y = key(b.cells[col]);
                    const c = x < y ? -1 : x > y ? 1 : 0;
                    return asc ? c : -c;
                  });
                  rows.forEach(r => body.appendChild(r));
                });
              });
            })();
            </script>
            """;
}
