package raftkit.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary folder deleted on {@link #close()}, and also when the JVM is stopped first (Ctrl-C during a long
 * self-check), so an interrupted build leaves no half-written kit behind.
 */
final class TempFolder implements AutoCloseable {

    private final Path path;
    private final Thread onExit;

    private TempFolder(Path path) {
        this.path = path;
        this.onExit = new Thread(this::deleteQuietly, "handout-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A new folder inside {@code parent}, or in the system's temporary folder when {@code parent} is null. */
    static TempFolder create(Path parent, String prefix) throws IOException {
        return new TempFolder(parent == null ? Files.createTempDirectory(prefix)
                : Files.createTempDirectory(parent, prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook deletes the folder.
            return;
        }
        Trees.delete(path);
    }

    private void deleteQuietly() {
        try {
            Trees.delete(path);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("handout: could not delete " + path + ": " + e.getMessage());
        }
    }
}
