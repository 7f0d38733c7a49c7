package raftkit.grader.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import raftkit.grader.score.Points;
import raftkit.grader.score.SubmissionResult;

/**
 * Progress over submissions: one line per finished submission (name, score, time, notes) and, on a terminal, a
 * bar with the time left redrawn below those lines.
 */
final class BatchProgress implements AutoCloseable {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final ProgressBar bar;
    /** Guards the terminal only; the bar's own render thread takes it too, so nothing may wait on the bar under it. */
    private final Object printing = new Object();

    BatchProgress(PrintWriter out, int total, boolean showBar) {
        this.out = out;
        this.bar = showBar ? new ProgressBarBuilder().setTaskName("batch").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(100)
                .setConsumer(new DelegatingProgressBarConsumer(this::draw, 100))
                .build() : null;
    }

    private void draw(String rendered) {
        synchronized (printing) {
            out.print(CLEAR_LINE + rendered);
            out.flush();
        }
    }

    /** Prints the submission's line above the bar and advances the bar. */
    void finished(SubmissionResult r, double maxScore) {
        String notes = r.notes().isEmpty() ? "" : "  " + firstLine(r.notes().get(0))
                + (r.notes().size() > 1 ? " (+" + (r.notes().size() - 1) + " more)" : "");
        String line = String.format(Locale.ROOT, "%-24s %6s/%s  %-12s %7s%s", r.name(),
                Points.format(r.score()), Points.format(maxScore),
                r.outcome().name().toLowerCase(Locale.ROOT), format(Duration.ofMillis((long) (r.seconds() * 1000))),
                notes);
        synchronized (printing) {
            out.println((bar == null ? "" : CLEAR_LINE) + line);
            out.flush();
        }
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            synchronized (printing) {
                out.println();
                out.flush();
            }
        }
    }

    private static String firstLine(String note) {
        int nl = note.indexOf('\n');
        String line = nl < 0 ? note : note.substring(0, nl);
        return line.length() > 90 ? line.substring(0, 90) + "..." : line;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
