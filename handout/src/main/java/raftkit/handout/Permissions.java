package raftkit.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File modes in the kit depend only on whether the source is executable (scripts like {@code grader/grade} must stay
 * runnable), never on the umask of whoever built it, so two builds give the same tree.
 */
final class Permissions {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private Permissions() {
    }

    static void copyExecutable(Path source, Path target) throws IOException {
        set(target, Files.isExecutable(source));
    }

    static void set(Path target, boolean executable) throws IOException {
        try {
            Files.setPosixFilePermissions(target, executable ? EXECUTABLE : PLAIN);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: there are no modes to keep.
            return;
        }
    }
}
