package raftkit.grader.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@link ResultEvent}s as JSON lines, flushing each so a crash leaves every earlier line intact. */
final class ResultsWriter implements AutoCloseable {

    private final BufferedWriter out;

    ResultsWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void write(ResultEvent event) {
        try {
            out.write(event.toJson());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
