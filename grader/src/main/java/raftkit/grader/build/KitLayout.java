package raftkit.grader.build;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pristine kit a submission is overlaid onto, and which of its files a student owns.
 *
 * @param root         the kit's source tree (the repository root: labrpc/, raft/, tester/ ...)
 * @param studentGlobs the policy's {@code [student] files}: globs relative to {@code root}
 */
public record KitLayout(Path root, List<String> studentGlobs) {

    private static final List<String> SOURCE_ROOT_MARKERS = List.of("src/main/java/", "src/test/java/");

    public KitLayout {
        studentGlobs = List.copyOf(studentGlobs);
        if (studentGlobs.isEmpty()) {
            throw new IllegalArgumentException("the policy names no student-owned files");
        }
    }

    /** Whether {@code kitPath} (relative to the kit root, {@code /}-separated) is a student-owned file. */
    public boolean isStudentOwned(String kitPath) {
        Path path = Path.of(kitPath);
        return studentGlobs.stream().map(KitLayout::matcher).anyMatch(m -> m.matches(path));
    }

    /** The source roots (e.g. {@code raft/src/main/java}) that hold student-owned files; copied per submission. */
    public Set<String> studentSourceRoots() {
        Set<String> roots = new LinkedHashSet<>();
        for (String glob : studentGlobs) {
            roots.add(sourceRootOf(glob).orElseGet(() -> parentOf(glob)));
        }
        return roots;
    }

    /** The source root of a kit path such as {@code raft/src/main/java/raftkit/raft/Raft.java}, if it has one. */
    static Optional<String> sourceRootOf(String kitPath) {
        for (String marker : SOURCE_ROOT_MARKERS) {
            int at = kitPath.indexOf(marker);
            if (at == 0 || at > 0 && kitPath.charAt(at - 1) == '/') {
                return Optional.of(kitPath.substring(0, at + marker.length() - 1));
            }
        }
        return Optional.empty();
    }

    private static String parentOf(String glob) {
        int slash = glob.lastIndexOf('/');
        return slash < 0 ? "" : glob.substring(0, slash);
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
