package raftkit.grader.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts an untrusted zip into one folder and never writes outside it. Entries that climb out ({@code ../}),
 * absolute entries and symbolic links are skipped with a note. Bytes are counted while they are written, not
 * taken from the archive's own size fields, so a zip bomb is stopped at the limit and the archive is refused.
 */
public final class SafeUnzip {

    /** Default cap on the bytes an archive may expand to: far above any Raft hand-in. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Default cap on the number of entries. */
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    private final long maxBytes;
    private final int maxEntries;

    public SafeUnzip(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Thrown when the whole archive is refused; its message is the note for the report. */
    public static final class RefusedArchiveException extends IOException {
        RefusedArchiveException(String message) {
            super(message);
        }
    }

    /**
     * Extracts {@code zip} into {@code target} (created if missing).
     *
     * @return notes about skipped entries, in archive order
     * @throws RefusedArchiveException if the archive is unreadable or too large; {@code target} may then hold a
     *                                 partial extraction that the caller deletes
     */
    public List<String> extract(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<String> notes = new ArrayList<>();
        long written = 0;
        int count = 0;
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
                if (++count > maxEntries) {
                    throw new RefusedArchiveException(zip.getFileName() + " has more than " + maxEntries
                            + " entries; archive refused");
                }
                String name = entry.getName().replace('\\', '/');
                Path dest = destination(root, name);
                if (dest == null) {
                    notes.add("zip entry " + printable(name) + " points outside the submission; skipped");
                } else if (entry.isUnixSymlink()) {
                    notes.add("zip entry " + printable(name) + " is a symbolic link; skipped");
                } else if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    try (InputStream in = archive.getInputStream(entry);
                         OutputStream out = Files.newOutputStream(dest)) {
                        written = copyCapped(in, out, written, zip);
                    }
                }
            }
        } catch (RefusedArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RefusedArchiveException(zip.getFileName() + " is not a readable zip (" + e.getMessage() + ")");
        }
        return notes;
    }

    /** The entry's path inside {@code root}, or null when it is absolute or climbs out. */
    static Path destination(Path root, String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            return null;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        Path dest = root.resolve(name).normalize();
        return dest.startsWith(root) && !dest.equals(root) ? dest : null;
    }

    private long copyCapped(InputStream in, OutputStream out, long alreadyWritten, Path zip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = alreadyWritten;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new RefusedArchiveException(zip.getFileName() + " expands past " + (maxBytes >> 20)
                        + " MiB; archive refused");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String printable(String name) {
        String cut = name.length() > 120 ? name.substring(0, 120) + "..." : name;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
