package raftkit.grader.mutants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A planted bug: code fragments of the reference {@code Raft.java} and what replaces them. A fragment matches
 * whatever whitespace separates its words in the source, so reindenting or rewrapping the reference does not break
 * a mutant, and fragments name code only, so rewording its comments does not either. Every fragment must occur at
 * least once; every occurrence is replaced.
 *
 * <p>File format ({@code mutants/NAME.mutant}): a {@code #} line describing the bug, {@code caught-by: 3X, ...}
 * (the parts known to catch it), then {@code find:} and {@code replace:} lines in pairs.
 *
 * @param name     the file's name without {@code .mutant}
 * @param bug      what the bug is, in one line
 * @param caughtBy the parts that catch it (the mutants test holds part 3X to it)
 * @param edits    the fragment replacements, applied in order
 */
public record Mutant(String name, String bug, List<String> caughtBy, List<Edit> edits) {

    /** The folder of the mutant files, relative to the grader module. */
    public static final Path FOLDER = Path.of("src/test/resources/mutants");
    /** The reference solution the mutants apply to, relative to the kit root. */
    public static final Path REFERENCE = Path.of("raft/src/main/java/raftkit/raft/Raft.java");

    /** One replacement: every occurrence of {@code find} becomes {@code replace}. */
    public record Edit(String find, String replace) {
        Pattern pattern() {
            return Pattern.compile(Arrays.stream(find.trim().split("\\s+")).map(Pattern::quote)
                    .collect(Collectors.joining("\\s+")));
        }
    }

    public static Mutant load(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.mutant$", "");
        String bug = "";
        List<String> caughtBy = List.of();
        List<Edit> edits = new ArrayList<>();
        String find = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") && bug.isEmpty()) {
                bug = line.substring(1).trim();
            } else if (line.startsWith("caught-by:")) {
                caughtBy = Arrays.stream(value(line).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            } else if (line.startsWith("find:") && find == null) {
                find = value(line);
            } else if (line.startsWith("replace:") && find != null) {
                edits.add(new Edit(find, value(line)));
                find = null;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IOException(file + ": cannot read the line '" + line + "'");
            }
        }
        if (find != null || edits.isEmpty()) {
            throw new IOException(file + ": needs find: and replace: lines in pairs");
        }
        return new Mutant(name, bug, caughtBy, List.copyOf(edits));
    }

    /** Every mutant in {@code folder}, by name. */
    public static List<Mutant> loadAll(Path folder) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mutant")).sorted().toList()) {
                mutants.add(load(file));
            }
        }
        return mutants;
    }

    /** The reference's source with this bug planted. */
    public String applyTo(String source) {
        String result = source;
        for (Edit edit : edits) {
            Matcher matcher = edit.pattern().matcher(result);
            if (!matcher.find()) {
                throw new IllegalStateException("mutant " + name + ": the reference has no '" + edit.find()
                        + "' any more; update " + name + ".mutant");
            }
            result = matcher.replaceAll(Matcher.quoteReplacement(edit.replace()));
        }
        return result;
    }

    /** Writes the mutated reference as a bare {@code Raft.java} submission in {@code folder}. */
    public Path writeSubmission(Path kitRoot, Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("Raft.java"), applyTo(Files.readString(kitRoot.resolve(REFERENCE))));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }
}
