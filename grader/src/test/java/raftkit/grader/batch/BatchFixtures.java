package raftkit.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Where the batch fixtures and the kit are, seen from the grader module's test run. */
final class BatchFixtures {

    /** The fixture submissions folder. */
    static final Path SUBMISSIONS = Path.of("src/test/resources/batch/submissions").toAbsolutePath();
    /** The kit's own source tree: the pristine kit the fixtures are overlaid onto. */
    static final Path KIT_ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The default policy's student-owned files. */
    static final List<String> STUDENT_GLOBS = List.of("raft/src/main/java/raftkit/raft/*.java");

    private BatchFixtures() {
    }

    static KitLayout layout() {
        return new KitLayout(KIT_ROOT, STUDENT_GLOBS);
    }

    static PristineKit kit() {
        return PristineKit.index(layout());
    }

    /** Copies the named fixtures (all when none are named) into {@code target}. */
    static Path copy(Path target, String... names) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> listing = Files.list(SUBMISSIONS)) {
                for (Path p : listing.toList()) {
                    String name = p.getFileName().toString();
                    if (names.length == 0 || List.of(names).contains(name)) {
                        copyTree(p, target.resolve(name));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
