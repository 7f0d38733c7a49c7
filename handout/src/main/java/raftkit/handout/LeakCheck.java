package raftkit.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves from the finished kit that no solution survived: no marker (or lookalike) is left anywhere, and no line from
 * inside a solution block appears in any file. Lines are compared with indentation stripped. A solution line that
 * the kit also shows on purpose (outside every block, or as stub text; a lone {@code lock.lock();} say) cannot be
 * told apart from a leak and is not searched for; neither are lines without a letter or digit ({@code }}).
 */
final class LeakCheck {

    /** The outcome: how much was searched, and each leak as {@code file:line: text}. */
    record Outcome(int linesSearched, int filesSearched, List<String> leaks) {
    }

    private LeakCheck() {
    }

    static Outcome run(Path repoRoot, Path kitRoot, Copier.Copied copied, List<Path> kitFiles) throws IOException {
        Set<String> wanted = solutionLinesNotShownOnPurpose(repoRoot, copied);
        List<String> leaks = new ArrayList<>();
        List<Path> all = new ArrayList<>(copied.files());
        all.addAll(kitFiles);
        for (Path relative : all) {
            Optional<String> text = Copier.utf8(Files.readAllBytes(kitRoot.resolve(relative.toString())));
            String[] lines = text.orElse("").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (wanted.contains(line) || looksLikeMarker(line)) {
                    leaks.add(HandoutException.display(relative) + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return new Outcome(wanted.size(), all.size(), List.copyOf(leaks));
    }

    private static Set<String> solutionLinesNotShownOnPurpose(Path repoRoot, Copier.Copied copied) throws IOException {
        Set<Path> strippedPaths = new HashSet<>();
        Set<String> shown = new HashSet<>();
        Set<String> solution = new HashSet<>();
        for (Copier.StrippedFile file : copied.stripped()) {
            strippedPaths.add(file.relative());
            Map<String, Integer> outside = counts(source(repoRoot, file.relative()));
            file.result().solutionLines().forEach(l -> outside.merge(l.strip(), -1, Integer::sum));
            outside.forEach((line, n) -> {
                if (n > 0) {
                    shown.add(line);
                }
            });
            file.result().stubLines().forEach(l -> shown.add(l.strip()));
            file.result().solutionLines().forEach(l -> solution.add(l.strip()));
        }
        for (Path relative : copied.files()) {
            if (!strippedPaths.contains(relative)) {
                shown.addAll(counts(source(repoRoot, relative)).keySet());
            }
        }
        solution.removeAll(shown);
        solution.removeIf(line -> line.chars().noneMatch(Character::isLetterOrDigit));
        return solution;
    }

    private static String source(Path repoRoot, Path relative) throws IOException {
        return Copier.utf8(Files.readAllBytes(repoRoot.resolve(relative.toString()))).orElse("");
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            counts.merge(line.strip(), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean looksLikeMarker(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        return upper.contains("BEGIN SOLUTION") || upper.contains("END SOLUTION") || line.equals(Stripper.STUB);
    }
}
