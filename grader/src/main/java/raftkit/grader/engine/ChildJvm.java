package raftkit.grader.engine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process under caps: wall-clock time (past it the whole process tree is killed), output (past it
 * the rest is dropped and a note added, while the child runs on) and, through the JVM options the caller passes,
 * heap. Its merged stdout and stderr go to a log file and, if given, live to a writer.
 */
public final class ChildJvm {

    private static final long POLL_MILLIS = 200;

    private ChildJvm() {
    }

    /** When the child must be killed, asked again at every poll so a child that shows progress can earn time. */
    @FunctionalInterface
    public interface Deadline {
        /** The deadline as a {@link System#nanoTime()} value. */
        long nanos();

        /** A deadline {@code cap} from now. */
        static Deadline after(Duration cap) {
            long at = System.nanoTime() + cap.toNanos();
            return () -> at;
        }
    }

    /**
     * Starts {@code command} and waits for it to end or to pass its deadline.
     *
     * @param workDir   the child's working folder, or null for the grader's
     * @param outputCap characters of output kept; past it the output is cut
     * @param live      where output is echoed as it arrives, or null
     */
    public static ChildOutcome run(List<String> command, Path workDir, Deadline deadline, long outputCap, Path log,
                                   Writer live) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        ProcessReaper.register(process);
        process.getOutputStream().close();
        OutputPump pump = new OutputPump(process, outputCap, log, live);
        pump.start();
        // Descendants are remembered while the child lives: once it exits, its orphans are no longer found.
        Set<ProcessHandle> seen = new HashSet<>();
        boolean timedOut = false;
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(seen::add);
                if (System.nanoTime() > deadline.nanos()) {
                    timedOut = true;
                    ProcessReaper.killTree(process);
                    process.waitFor();
                }
            }
        } finally {
            ProcessReaper.killTree(process);
            seen.forEach(ProcessHandle::destroyForcibly);
            ProcessReaper.unregister(process);
        }
        pump.join(Duration.ofSeconds(5).toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ChildOutcome(process.exitValue(), timedOut, pump.cut(), seconds);
    }

    /** Copies the child's output to the log and the live writer, keeping the first {@code cap} characters. */
    private static final class OutputPump extends Thread {
        private final Process process;
        private final long cap;
        private final Path log;
        private final Writer live;
        private volatile boolean cut;

        OutputPump(Process process, long cap, Path log, Writer live) {
            super("raftkit-output-" + process.pid());
            setDaemon(true);
            this.process = process;
            this.cap = cap;
            this.log = log;
            this.live = live;
        }

        boolean cut() {
            return cut;
        }

        @Override
        public void run() {
            char[] buffer = new char[8192];
            long kept = 0;
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
                 Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    int keep = (int) Math.min(n, Math.max(0, cap - kept));
                    kept += keep;
                    if (keep > 0) {
                        emit(file, new String(buffer, 0, keep));
                    }
                    if (keep < n && !cut) {
                        cut = true;
                        emit(file, "\n[raftkit: output past " + cap + " characters cut; the run went on]\n");
                    }
                }
            } catch (IOException ignored) {
                // The child was killed mid-write; what was read so far is in the log.
            }
        }

        private void emit(Writer file, String text) throws IOException {
            file.write(text);
            if (live != null) {
                synchronized (live) {
                    live.write(text);
                    live.flush();
                }
            }
        }
    }
}
