package raftkit.grader.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            if (!isRaftOutput(entry)) {
                classpath.add(entry);
            } else if (peers == PeerMode.ISOLATED) {
                classpath.add(apiClasses(entry));
            } else {
                classpath.add(studentClasses != null ? studentClasses : entry);
            }
        }
        return classpath;
    }

    /**
     * Where the student's compiled classes are: a submission's, or the working tree's raft module (its classes
     * folder, or its jar when Maven's later phases built one).
     */
    public Path studentClasses(Path submissionClasses) throws IOException {
        if (submissionClasses != null) {
            return submissionClasses;
        }
        return dependencies().stream().filter(this::isRaftOutput).findFirst()
                .orElse(raftOutput().resolve("classes"));
    }

    private boolean isRaftOutput(Path entry) {
        return entry.toAbsolutePath().normalize().startsWith(raftOutput().toAbsolutePath().normalize());
    }

    /**
     * A copy of the kit's API classes alone, made from {@code raftOutput} (the raft module's classes folder or jar)
     * once per build of the kit.
     */
    private Path apiClasses(Path raftOutput) throws IOException {
        Path copy = root.resolve("grader/target/raft-api");
        synchronized (Kit.class) {
            if (Files.isDirectory(raftOutput)) {
                copyApi(raftOutput, copy);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(raftOutput)) {
                    copyApi(jar.getPath("/"), copy);
                }
            }
        }
        return copy;
    }

    private static void copyApi(Path from, Path to) throws IOException {
        String api = "raftkit/raft/api";
        Path source = from.resolve(api);
        if (!Files.isDirectory(source)) {
            throw new NotBuiltException("the kit's API classes are missing (" + source.toUri() + "); rebuild the kit");
        }
        try (var files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                Path target = to.resolve(api).resolve(file.getFileName().toString());
                byte[] bytes = Files.readAllBytes(file);
                if (!Files.exists(target) || !Arrays.equals(bytes, Files.readAllBytes(target))) {
                    // written aside, then moved in one step: graders running at once (shards) may share the copy
                    Files.createDirectories(target.getParent());
                    Path part = Files.createTempFile(target.getParent(), file.getFileName().toString(), ".part");
                    Files.write(part, bytes);
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }
}
