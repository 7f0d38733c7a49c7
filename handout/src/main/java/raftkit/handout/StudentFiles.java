package raftkit.handout;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * The student-owned files: the only files that may hold solution blocks, and the files a submission consists of. The
 * list is declared once, in the default grading policy ({@code grader/policy.toml}, table {@code [student]}, key
 * {@code files}), as globs relative to the kit root; the grader reads the same key.
 */
public final class StudentFiles {

    /** Where the default grading policy sits, relative to the kit root. */
    public static final String POLICY = "grader/policy.toml";
    static final String KEY = "student.files";

    private final List<String> globs;
    private final List<PathMatcher> matchers;

    StudentFiles(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** Reads {@code [student] files} from the grading policy under {@code root}. */
    public static StudentFiles read(Path root) throws HandoutException {
        Path policy = root.resolve(POLICY);
        if (!Files.isRegularFile(policy)) {
            throw new HandoutException(POLICY + ": not found (it declares the student-owned files, [student] files)");
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(policy);
        } catch (IOException e) {
            throw new HandoutException(POLICY + ": cannot read it: " + e.getMessage(), e);
        }
        if (!toml.errors().isEmpty()) {
            throw new HandoutException(POLICY + ": " + toml.errors().get(0).toString());
        }
        if (!toml.isArray(KEY)) {
            throw new HandoutException(POLICY + ": missing [student] files = [\"<glob>\", ...]");
        }
        TomlArray array = toml.getArrayOrEmpty(KEY);
        List<String> globs = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object glob = array.get(i);
            if (!(glob instanceof String text) || text.isBlank() || text.startsWith("/") || text.contains("..")) {
                throw new HandoutException(POLICY + ": [student] files[" + i + "] = " + glob
                        + " is not a glob relative to the kit root, like \"raft/src/main/java/raftkit/raft/*.java\"");
            }
            globs.add(text);
        }
        if (globs.isEmpty()) {
            throw new HandoutException(POLICY + ": [student] files is empty, so a student would own nothing");
        }
        return new StudentFiles(globs);
    }

    /** The globs as written in the policy, in its order. */
    public List<String> globs() {
        return globs;
    }

    /** Whether {@code relative} (a path relative to the kit root) is student-owned. */
    public boolean owns(Path relative) {
        return matchers.stream().anyMatch(m -> m.matches(relative));
    }
}
