package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A tiny repository on disk, shaped like the real one, for the handout's tests. */
final class Fixture {

    static final String RAFT = "raft/src/main/java/raftkit/raft/Raft.java";
    static final String SECRET = "int secretElectionTimeout = 317;";

    private Fixture() {
    }

    /** Writes a small repository with one student file holding one solution block. */
    static Path repository(Path root) throws IOException {
        write(root, "pom.xml", String.join("\n", "<project>", "  <modules>", "    <module>raft</module>",
                "    <module>handout</module>", "    <module>grader</module>", "  </modules>", "</project>", ""));
        write(root, "README.md", "instructor readme\n");
        write(root, ".gitignore", "target/\n");
        write(root, ".ci/run", "#!/bin/sh\n");
        write(root, "raft/pom.xml", "<project/>\n");
        write(root, RAFT, String.join("\n", "class Raft {", "    int timeout() {", "        // Your code here (3A)",
                "        // BEGIN SOLUTION", "        " + SECRET, "        return secretElectionTimeout;",
                "        // STUB", "        // return 0;", "        // END SOLUTION", "    }", "}", ""));
        write(root, "raft/src/main/java/raftkit/raft/api/ApplyMsg.java", "record ApplyMsg() {}\n");
        write(root, "raft/target/classes/Raft.class", "compiled\n");
        write(root, "raft/raft.iml", "ide\n");
        write(root, "grader/pom.xml", "<project/>\n");
        write(root, "grader/policy.toml", "[student]\nfiles = [\"raft/src/main/java/raftkit/raft/*.java\"]\n");
        write(root, "grader/grade", "#!/bin/sh\necho grading\n");
        executable(root.resolve("grader/grade"));
        write(root, "handout/pom.xml", "<project/>\n");
        write(root, "handout/exclude.txt", String.join("\n", "# test list", ".git", "target/", "*.iml", "/handout/",
                "/.ci/", "/README.md", ""));
        write(root, "handout/kit/README.md", "Student readme. You own:\n{{student-files-list}}\n");
        write(root, "handout/kit/submit", "#!/bin/sh\nzip submission.zip {{student-files}}\n");
        executable(root.resolve("handout/kit/submit"));
        return root;
    }

    static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Every file under {@code root} (relative path to content and mode), for comparing whole trees. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                files.put(root.relativize(file).toString(), mode + "\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
