package raftkit.grader.batch;

import java.nio.file.Path;

/**
 * One student's hand-in as found in the submissions folder: a folder or a zip file.
 *
 * @param name   the report name: the folder or file name (without {@code .zip}), made safe for a folder name
 * @param source the folder or zip file as handed in
 * @param zip    whether {@code source} is a zip archive that must be extracted first
 */
public record Submission(String name, Path source, boolean zip) {
}
