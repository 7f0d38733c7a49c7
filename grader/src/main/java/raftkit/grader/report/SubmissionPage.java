package raftkit.grader.report;

import java.util.List;
import java.util.Locale;
import raftkit.grader.engine.Status;
import raftkit.grader.score.Points;
import raftkit.grader.score.SubmissionResult;
import raftkit.grader.score.TestScore;

/** {@code <name>/index.html}: one submission's notes, each test's status and message, and links to its logs. */
public final class SubmissionPage {

    private SubmissionPage() {
    }

    /**
     * @param logs the log files kept for this submission, relative to its report folder
     */
    public static String render(SubmissionResult r, List<String> logs) {
        StringBuilder out = new StringBuilder(Html.head(r.name() + " - raftkit batch"));
        out.append("<p><a href=\"../index.html\">&larr; all submissions</a></p>\n<h1>")
                .append(Html.text(r.name())).append("</h1>\n<p>")
                .append(Points.format(r.score())).append(" / ").append(Points.format(r.maxScore()))
                .append(" points &middot; ").append(Html.text(r.outcome().name().toLowerCase(Locale.ROOT)))
                .append(" &middot; ").append(String.format(Locale.ROOT, "%.1f s", r.seconds()))
                .append(" &middot; finished ").append(Html.text(r.finished())).append("</p>\n");
        out.append("<h2>Notes</h2>\n");
        if (r.notes().isEmpty()) {
            out.append("<p>none</p>\n");
        } else {
            out.append("<ul>\n");
            r.notes().forEach(n -> out.append("<li><pre>").append(Html.text(n.strip())).append("</pre></li>\n"));
            out.append("</ul>\n");
        }
        out.append("<h2>Tests</h2>\n<table><thead><tr><th>part</th><th>test</th><th>status</th><th>time</th>"
                + "<th>points</th><th>message</th><th>log</th></tr></thead><tbody>\n");
        for (TestScore t : r.tests()) {
            String cls = t.passed() ? "pass" : t.status() == Status.NOT_RUN ? "none" : "fail";
            out.append("<tr><td>").append(Html.text(t.part())).append("</td><td>").append(Html.text(t.name()))
                    .append("</td><td class=\"").append(cls).append("\">").append(t.status().label())
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", t.seconds()))
                    .append("</td><td class=\"num\">").append(Points.format(t.points())).append(" / ")
                    .append(Points.format(t.maxPoints())).append("</td><td><pre>")
                    .append(Html.text(t.message().strip())).append("</pre></td><td>")
                    .append(t.log().isEmpty() ? "" : logLink("logs/" + t.log())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n<h2>Logs</h2>\n");
        if (logs.isEmpty()) {
            out.append("<p>none kept</p>\n");
        } else {
            out.append("<ul>\n");
            logs.forEach(l -> out.append("<li>").append(logLink(l)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<p><a href=\"results.json\">Gradescope results.json</a></p>\n</body></html>\n");
        return out.toString();
    }

    private static String logLink(String relative) {
        StringBuilder href = new StringBuilder();
        for (String segment : relative.split("/")) {
            href.append(href.length() == 0 ? "" : "/").append(Html.link(segment));
        }
        return "<a href=\"" + href + "\">" + Html.text(relative) + "</a>";
    }
}
