package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * What stays out of the kit, as a small subset of .gitignore syntax: one glob per line, {@code #} comments. A
 * pattern with a '/' is matched against the whole path from the repository root (a leading '/' is dropped); one
 * without matches a file or folder name at any depth. A trailing '/' matches folders only. An excluded folder is not
 * entered.
 */
public final class ExcludeList {

    /** Where the list lives, relative to the repository root. */
    public static final String FILE = "handout/exclude.txt";

    private record Rule(String pattern, PathMatcher matcher, boolean anchored, boolean foldersOnly) {
    }

    private final List<Rule> rules;

    private ExcludeList(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads the list kept in the handout module under {@code root}. */
    public static ExcludeList read(Path root) throws HandoutException {
        try {
            return parse(Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HandoutException(FILE + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** Parses the lines of an exclude list. */
    public static ExcludeList parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean foldersOnly = pattern.endsWith("/");
            String glob = foldersOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
            boolean anchored = glob.contains("/");
            glob = glob.startsWith("/") ? glob.substring(1) : glob;
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            rules.add(new Rule(pattern, matcher, anchored, foldersOnly));
        }
        return new ExcludeList(List.copyOf(rules));
    }

    /** Whether {@code relative} (a path relative to the repository root) stays out of the kit. */
    public boolean excludes(Path relative, boolean folder) {
        Path name = relative.getFileName();
        for (Rule rule : rules) {
            if (rule.foldersOnly() && !folder) {
                continue;
            }
            if (rule.matcher().matches(rule.anchored() ? relative : name)) {
                return true;
            }
        }
        return false;
    }
}
