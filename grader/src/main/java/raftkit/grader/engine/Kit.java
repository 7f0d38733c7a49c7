package raftkit.grader.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import raftkit.tester.PeerMode;

/**
 * The built kit on disk: where the graded tests, the grader and the resolved dependency classpath are. The
 * classpath file is written by the grader's Maven build ({@code grader/target/grader-classpath.txt}), so no run
 * needs Maven.
 */
public record Kit(Path root) {

    /** The system property that names the kit's folder; {@code grader/grade} sets it. */
    public static final String HOME_PROPERTY = "raftkit.home";

    /** Thrown when the kit has not been built; the message says how to build it. */
    public static final class NotBuiltException extends IOException {
        private static final long serialVersionUID = 1L;

        NotBuiltException(String message) {
            super(message);
        }
    }

    public Path classpathFile() {
        return root.resolve("grader/target/grader-classpath.txt");
    }

    /** The compiled reference (or working-tree) Raft, replaced by a submission's classes when grading one. */
    public Path raftOutput() {
        return root.resolve("raft/target");
    }

    /** The classpath of the grader's dependencies, with the reactor modules' outputs. */
    public List<Path> dependencies() throws IOException {
        if (!Files.isRegularFile(classpathFile())) {
            throw new NotBuiltException("the kit is not built (no " + root.relativize(classpathFile())
                    + "); run grader/grade, which builds it, or mvn -pl grader -am test-compile");
        }
        String text = Files.readString(classpathFile()).trim();
        return Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /**
     * The classpath of a test JVM: the graded tests, the grader (for its child main class) and every dependency.
     *
     * @param studentClasses a compiled submission to use instead of the raft module's output, or null for the
     *                       working tree
     */
    public List<Path> childClasspath(Path studentClasses) throws IOException {
        return childClasspath(studentClasses, PeerMode.INPROCESS);
    }

    /**
     * As above, for peers run as {@code peers} says. Isolated, the test JVM is the tester alone: its class path has
     * the kit's API ({@code raftkit.raft.api}) but not the student's classes, which only the peer host loads (from
     * {@link #studentClasses}), so no student class can even be loaded where the grade is decided.
     */
    public List<Path> childClasspath(Path studentClasses, PeerMode peers) throws IOException {
        List<Path> classpath = new ArrayList<>();
        classpath.add(root.resolve("tester/target/test-classes"));
        classpath.add(root.resolve("grader/target/classes"));
        for (Path entry : dependencies()) {
            boolean raft = entry.toAbsolutePath().normalize().startsWith(raftOutput().toAbsolutePath().normalize());
            if (!raft) {
                classpath.add(entry);
            } else if (peers == PeerMode.ISOLATED) {
                classpath.add(apiClasses(entry));
            } else {
                classpath.add(studentClasses != null ? studentClasses : entry);
            }
        }
        return classpath;
    }

    /** Where the student's compiled classes are: a submission's, or the working tree's raft module. */
    public Path studentClasses(Path submissionClasses) {
        return submissionClasses != null ? submissionClasses : raftOutput().resolve("classes");
    }

    /** A copy of the kit's API classes alone, made from {@code raftClasses} once per build of the kit. */
    private Path apiClasses(Path raftClasses) throws IOException {
        Path api = Path.of("raftkit", "raft", "api");
        Path copy = root.resolve("grader/target/raft-api");
        synchronized (Kit.class) {
            Path source = raftClasses.resolve(api);
            if (!Files.isDirectory(source)) {
                throw new NotBuiltException("the kit's API classes are missing (" + source + "); rebuild the kit");
            }
            try (var files = Files.list(source)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Path target = copy.resolve(api).resolve(file.getFileName().toString());
                    if (!Files.exists(target)
                            || Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(file)) < 0) {
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return copy;
    }
}
