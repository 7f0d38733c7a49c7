package raftkit.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the submissions in a folder: every sub-folder and every {@code .zip} file is one submission. Hidden
 * entries and the {@code __MACOSX} folder that macOS adds to archives are skipped; any other file is ignored.
 */
public final class SubmissionFinder {

    static final String MACOS_METADATA = "__MACOSX";

    private SubmissionFinder() {
    }

    /** The submissions in {@code folder}, sorted by name; names are unique. */
    public static List<Submission> find(Path folder) {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the submissions folder " + folder, e);
        }
        List<Submission> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path entry : entries) {
            String file = entry.getFileName().toString();
            if (file.startsWith(".") || file.equals(MACOS_METADATA)) {
                continue;
            }
            boolean zip = Files.isRegularFile(entry) && file.toLowerCase(Locale.ROOT).endsWith(".zip");
            if (!zip && !Files.isDirectory(entry)) {
                continue;
            }
            String name = safeName(zip ? file.substring(0, file.length() - ".zip".length()) : file);
            // alice/ and alice.zip side by side: the zip keeps its extension so both are graded.
            if (!names.add(name)) {
                name = safeName(file);
                names.add(name);
            }
            found.add(new Submission(name, entry, zip));
        }
        return found;
    }

    /** A name usable as one folder name on every file system: odd characters become {@code _}. */
    static String safeName(String raw) {
        String cleaned = raw.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            return "_" + cleaned;
        }
        return cleaned;
    }
}
