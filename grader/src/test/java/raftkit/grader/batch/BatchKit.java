package raftkit.grader.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A kit folder for the batch command tests: the kit's real raft sources (the pristine kit), the fake graded
 * tests standing where the graded tests would be, the fake policy as the kit's policy, and a classpath file
 * whose raft module entry lies under this kit, so each submission's classes replace it. Set
 * {@code raftkit.home} to {@link #root()} while testing.
 */
final class BatchKit implements AutoCloseable {

    private final Path root;

    BatchKit(Path root) throws IOException {
        this.root = root;
        Path module = Path.of("").toAbsolutePath();
        link(root.resolve("tester/target/test-classes"), module.resolve("target/test-classes"));
        link(root.resolve("grader/target/classes"), module.resolve("target/classes"));
        link(root.resolve("raft/target/classes"), BatchFixtures.KIT_ROOT.resolve("raft/target/classes"));
        BatchFixtures.copyTree(BatchFixtures.KIT_ROOT.resolve("raft/src/main/java"), root.resolve("raft/src/main/java"));
        // The raft module is a reactor folder in a full build, or an installed jar when only the grader is built.
        String raft = root.resolve("raft/target/classes").toString();
        List<String> classpath = Arrays.stream(Files.readString(module.resolve("target/grader-classpath.txt")).trim()
                .split(File.pathSeparator))
                .map(e -> e.startsWith(BatchFixtures.KIT_ROOT.resolve("raft/target").toString())
                        || e.matches(".*/raftkit/raft/[^/]+/raft-[^/]+\\.jar") ? raft : e)
                .toList();
        Files.writeString(root.resolve("grader/target/grader-classpath.txt"), String.join(File.pathSeparator, classpath));
        Files.copy(module.resolve("src/test/resources/batch/fake-policy.toml"), root.resolve("grader/policy.toml"));
    }

    Path root() {
        return root;
    }

    /** Removes the links, so the temporary folder's clean-up never follows them. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(root.resolve("tester/target/test-classes"));
        Files.deleteIfExists(root.resolve("grader/target/classes"));
        Files.deleteIfExists(root.resolve("raft/target/classes"));
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
    }
}
