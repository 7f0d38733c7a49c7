package raftkit.grader.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws the progress bar on a picocli writer. On a terminal it redraws one line in place; elsewhere (a pipe, a
 * test) it prints only the final state, so logs are not flooded with redraws.
 */
public final class ProgressConsumer implements ProgressBarConsumer {

    private static final int WIDTH = 100;

    private final PrintWriter out;
    private final boolean interactive;
    private String last = "";

    public ProgressConsumer(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    @Override
    public synchronized void accept(String rendered) {
        last = rendered;
        if (interactive) {
            out.print('\r');
            out.print(rendered);
            out.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (!interactive) {
            out.print(last);
        }
        out.println();
        out.flush();
    }
}
