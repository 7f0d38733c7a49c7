package raftkit.grader.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a submission's kit: the pristine kit's student source roots with the student-owned files replaced by
 * the submission's. Student files are found by package path wherever they sit in the submission's tree; a kit
 * file the student changed is ignored and noted; everything else in the submission is ignored.
 */
public final class Overlay {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /**
     * What the overlay did.
     *
     * @param taken the kit paths taken from the submission, sorted
     * @param notes lines for the report (changed kit files, duplicates, nothing found)
     */
    public record Result(List<String> taken, List<String> notes) {
    }

    private final PristineKit kit;

    PristineKit kit() {
        return kit;
    }

    public Overlay(PristineKit kit) {
        this.kit = kit;
    }

    /** Copies the pristine student source roots into {@code kitDir} and overlays the student's files. */
    public Result apply(Path submissionTree, Path kitDir) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> candidates = new TreeMap<>();
        for (String file : regularFiles(submissionTree)) {
            Path source = submissionTree.resolve(file);
            Optional<String> kitPath = kitPathOf(file, source);
            if (kitPath.isEmpty()) {
                continue;
            }
            if (kit.layout().isStudentOwned(kitPath.get())) {
                candidates.computeIfAbsent(kitPath.get(), k -> new ArrayList<>()).add(file);
            } else if (differs(source, kit.layout().root().resolve(kitPath.get()))) {
                notes.add("kit file " + kitPath.get() + " differed; the kit's copy was used");
            }
        }
        copyPristine(kitDir);
        Map<String, String> chosen = new LinkedHashMap<>();
        candidates.forEach((kitPath, files) -> chosen.put(kitPath, pick(kitPath, files, notes)));
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            Path dest = kitDir.resolve(e.getKey());
            Files.createDirectories(dest.getParent());
            Files.copy(submissionTree.resolve(e.getValue()), dest);
        }
        if (chosen.isEmpty()) {
            notes.add("no student-owned file found (" + String.join(", ", kit.layout().studentGlobs()) + ")");
        }
        return new Result(List.copyOf(chosen.keySet()), notes);
    }

    /**
     * The kit path a submission file stands for: by declared package for Java sources; other files only when a
     * path suffix is student-owned. Kit files other than Java sources are not compared: a handout's README or
     * build files may differ from this repository's without changing any grade.
     */
    private Optional<String> kitPathOf(String file, Path source) throws IOException {
        String fileName = source.getFileName().toString();
        if (fileName.endsWith(".java")) {
            String packagePath = packageOf(source).replace('.', '/');
            String key = packagePath.isEmpty() ? fileName : packagePath + "/" + fileName;
            for (String root : kit.layout().studentSourceRoots()) {
                if (kit.layout().isStudentOwned(root + "/" + key)) {
                    return Optional.of(root + "/" + key);
                }
            }
            return kit.javaFile(key);
        }
        List<String> parts = Arrays.asList(file.split("/"));
        for (int from = 0; from < parts.size(); from++) {
            String suffix = String.join("/", parts.subList(from, parts.size()));
            if (kit.layout().isStudentOwned(suffix)) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    /** Of several copies of one student file, the one whose path agrees most with the kit path. */
    private static String pick(String kitPath, List<String> files, List<String> notes) {
        if (files.size() == 1) {
            return files.get(0);
        }
        String best = files.stream()
                .max(Comparator.<String>comparingInt(f -> commonTail(f, kitPath))
                        .thenComparing(Comparator.<String>comparingInt(String::length).reversed())
                        .thenComparing(Comparator.<String>reverseOrder()))
                .orElseThrow();
        notes.add(files.size() + " copies of " + kitPath + " found; used " + best);
        return best;
    }

    private static int commonTail(String file, String kitPath) {
        String[] a = file.split("/");
        String[] b = kitPath.split("/");
        int n = 0;
        while (n < a.length && n < b.length && a[a.length - 1 - n].equals(b[b.length - 1 - n])) {
            n++;
        }
        return n;
    }

    private void copyPristine(Path kitDir) throws IOException {
        for (String sourceRoot : kit.layout().studentSourceRoots()) {
            Path from = kit.layout().root().resolve(sourceRoot);
            if (!Files.isDirectory(from)) {
                continue;
            }
            for (String file : regularFiles(from)) {
                String kitPath = sourceRoot + "/" + file;
                if (!kit.layout().isStudentOwned(kitPath)) {
                    Path dest = kitDir.resolve(kitPath);
                    Files.createDirectories(dest.getParent());
                    Files.copy(from.resolve(file), dest);
                }
            }
        }
    }

    /** Regular files under {@code dir} as {@code /}-separated relative paths; links, hidden and macOS folders skipped. */
    public static List<String> regularFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> PristineKit.slashed(dir.relativize(p)))
                    .filter(Overlay::isVisible)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isVisible(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.equals(SubmissionFinder.MACOS_METADATA)) {
                return false;
            }
        }
        return true;
    }

    static String packageOf(Path javaFile) throws IOException {
        String text = new String(Files.readAllBytes(javaFile), StandardCharsets.UTF_8);
        String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "";
    }

    private static boolean differs(Path submitted, Path pristine) throws IOException {
        if (!Files.isRegularFile(pristine)) {
            return false;
        }
        return !normalized(submitted).equals(normalized(pristine));
    }

    private static String normalized(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\r", "");
    }
}
