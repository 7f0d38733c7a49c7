package raftkit.grader.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftkit.grader.build.AtomicFiles;
import raftkit.grader.build.Overlay;
import raftkit.grader.build.Scratch;
import raftkit.grader.score.SubmissionResult;

/**
 * A submission's folder in the report: its logs (copied out of the scratch folder, each cut at a size cap),
 * its page, its Gradescope {@code results.json}, and last its {@code result.json}, which marks it finished.
 */
public final class ReportFolder {

    /** A log past this size is cut in the report; the engine already caps each run's output. */
    static final long MAX_LOG_BYTES = 4L << 20;

    private final ResultStore store;

    public ReportFolder(ResultStore store) {
        this.store = store;
    }

    /** Keeps the logs of {@code scratch/logs} and the compiler's log, then the pages and the result. */
    public void keep(SubmissionResult result, Path scratch) throws IOException {
        Path folder = Scratch.fresh(store.folderOf(result.name()));
        List<String> logs = new ArrayList<>();
        copyLog(scratch.resolve("compile.log"), folder.resolve("logs/compile.log"), logs, "logs/compile.log");
        Path runLogs = scratch.resolve("logs");
        if (Files.isDirectory(runLogs, LinkOption.NOFOLLOW_LINKS)) {
            for (String file : Overlay.regularFiles(runLogs)) {
                copyLog(runLogs.resolve(file), folder.resolve("logs").resolve(file), logs, "logs/" + file);
            }
        }
        AtomicFiles.write(folder.resolve("results.json"), GradescopeReport.render(result, folder.resolve("logs")));
        AtomicFiles.write(folder.resolve("index.html"), SubmissionPage.render(result, logs));
        store.save(result);
    }

    private static void copyLog(Path from, Path to, List<String> kept, String name) throws IOException {
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(to.getParent());
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = Files.newOutputStream(to)) {
            long copied = in.transferTo(new CappedOutputStream(out, MAX_LOG_BYTES));
            if (copied > MAX_LOG_BYTES) {
                out.write(("\n... log cut at " + (MAX_LOG_BYTES >> 20) + " MiB\n").getBytes());
            }
        }
        kept.add(name);
    }

    /** Passes on the first {@code cap} bytes and counts, but drops, the rest. */
    private static final class CappedOutputStream extends OutputStream {
        private final OutputStream out;
        private long left;

        CappedOutputStream(OutputStream out, long cap) {
            this.out = out;
            this.left = cap;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
            }
            left--;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (left > 0) {
                out.write(b, off, (int) Math.min(len, left));
            }
            left -= len;
        }
    }
}
