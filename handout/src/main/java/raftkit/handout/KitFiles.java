package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Files that exist only in the kit (the student README, the {@code submit} script), kept in the handout module's
 * {@code kit/} folder and written at the same path under the kit root. They are templates: {@code {{student-files}}}
 * becomes the student-owned globs separated by spaces, and {@code {{student-files-list}}} a Markdown list of them,
 * so the ownership list stays declared in one place.
 */
final class KitFiles {

    /** The folder of kit-only files, relative to the repository root. */
    static final String FOLDER = "handout/kit";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[a-z-]+}}");

    private KitFiles() {
    }

    /** Writes every kit-only file into {@code kitRoot} and returns their paths relative to it. */
    static List<Path> write(Path repoRoot, Path kitRoot, StudentFiles owned) throws HandoutException, IOException {
        Path folder = repoRoot.resolve(FOLDER);
        Map<String, String> values = Map.of(
                "{{student-files}}", String.join(" ", owned.globs()),
                "{{student-files-list}}",
                owned.globs().stream().map(g -> "- `" + g + "`").collect(Collectors.joining("\n")));
        List<Path> written = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            writeFolder(folder, folder, kitRoot, values, written);
        }
        return List.copyOf(written);
    }

    private static void writeFolder(Path folder, Path dir, Path kitRoot, Map<String, String> values, List<Path> written)
            throws HandoutException, IOException {
        for (Path source : Copier.sortedChildren(dir)) {
            if (Files.isDirectory(source)) {
                writeFolder(folder, source, kitRoot, values, written);
                continue;
            }
            Path relative = folder.relativize(source);
            String name = FOLDER + "/" + HandoutException.display(relative);
            Path target = kitRoot.resolve(relative.toString());
            if (Files.exists(target)) {
                throw new HandoutException(name + " would replace the repository's " + HandoutException.display(relative)
                        + "; add /" + HandoutException.display(relative) + " to " + ExcludeList.FILE);
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(name, Files.readString(source, StandardCharsets.UTF_8), values),
                    StandardCharsets.UTF_8);
            Permissions.copyExecutable(source, target);
            written.add(relative);
        }
    }

    private static String fill(String name, String template, Map<String, String> values) throws HandoutException {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        Matcher unknown = PLACEHOLDER.matcher(text);
        if (unknown.find()) {
            throw new HandoutException(name + ": unknown placeholder " + unknown.group() + " (known: "
                    + String.join(", ", values.keySet().stream().sorted().toList()) + ")");
        }
        return text;
    }
}
