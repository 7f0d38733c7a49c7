package raftkit.grader.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One student's hand-in as found in the submissions folder: a folder or a zip file.
 *
 * @param name   the report name: the folder or file name (without {@code .zip}), made safe for a folder name
 * @param source the folder or zip file as handed in
 * @param zip    whether {@code source} is a zip archive that must be extracted first
 */
public record Submission(String name, Path source, boolean zip) {

    /** A hand-in given by path: a folder, or else a zip; named as {@link SubmissionFinder} names it. */
    public static Submission of(Path source) {
        boolean zip = !Files.isDirectory(source);
        String file = source.toAbsolutePath().normalize().getFileName().toString();
        String name = zip && file.toLowerCase(Locale.ROOT).endsWith(".zip") ? file.substring(0, file.length() - 4)
                : file;
        return new Submission(SubmissionFinder.safeName(name), source, zip);
    }
}
