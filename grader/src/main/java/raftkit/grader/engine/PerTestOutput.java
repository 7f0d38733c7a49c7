package raftkit.grader.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inside the child: the console, copied into one log file per test while that test runs, so a report can show a
 * failing test's own output even when several tests share a JVM. Each file keeps at most {@code cap} bytes.
 */
final class PerTestOutput extends OutputStream {

    private final PrintStream console;
    private final Path dir;
    private final long cap;
    private OutputStream file;
    private long written;

    PerTestOutput(PrintStream console, Path dir, long cap) {
        this.console = console;
        this.dir = dir;
        this.cap = cap;
    }

    /** Installs this copy behind System.out and System.err. */
    void install() {
        PrintStream both = new PrintStream(this, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    synchronized void begin(String method) {
        end();
        try {
            file = Files.newOutputStream(dir.resolve(method + ".log"));
            written = 0;
        } catch (IOException e) {
            file = null; // the shared log still has everything
        }
    }

    synchronized void end() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing more to keep
            }
            file = null;
        }
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        console.write(bytes, offset, length);
        if (file == null || written >= cap) {
            return;
        }
        try {
            int keep = (int) Math.min(length, cap - written);
            file.write(bytes, offset, keep);
            written += keep;
            if (written >= cap) {
                file.write("\n[raftkit: this test's output past the cap was cut]\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            end();
        }
    }

    @Override
    public synchronized void flush() {
        console.flush();
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                end();
            }
        }
    }
}
