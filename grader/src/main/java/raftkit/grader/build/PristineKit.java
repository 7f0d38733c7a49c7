package raftkit.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An index of the pristine kit's files, built once per batch, so each submission file can be matched to the
 * kit file it stands for: Java sources by package path ({@code raftkit/raft/api/ApplyMsg.java}), wherever they
 * sit in the submission.
 */
public final class PristineKit {

    private final KitLayout layout;
    private final Map<String, String> javaByPackagePath = new HashMap<>();

    private PristineKit(KitLayout layout) {
        this.layout = layout;
    }

    /** Walks the kit root, skipping build output and hidden folders. */
    public static PristineKit index(KitLayout layout) {
        PristineKit kit = new PristineKit(layout);
        Path root = layout.root();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return isSkipped(root, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        kit.add(slashed(root.relativize(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kit at " + root, e);
        }
        return kit;
    }

    private static boolean isSkipped(Path root, Path dir) {
        if (dir.equals(root)) {
            return false;
        }
        String name = dir.getFileName().toString();
        return name.startsWith(".") || name.equals("target");
    }

    private void add(String kitPath) {
        Optional<String> sourceRoot = KitLayout.sourceRootOf(kitPath);
        if (kitPath.endsWith(".java") && sourceRoot.isPresent()) {
            javaByPackagePath.put(kitPath.substring(sourceRoot.get().length() + 1), kitPath);
        }
    }

    public KitLayout layout() {
        return layout;
    }

    /** The kit path of the Java source with this package path ({@code raftkit/tester/Config.java}), if any. */
    public Optional<String> javaFile(String packagePath) {
        return Optional.ofNullable(javaByPackagePath.get(packagePath));
    }

    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
