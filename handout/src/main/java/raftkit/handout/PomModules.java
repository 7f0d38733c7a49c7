package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the parent pom's {@code <modules>} list in step with the folders that made it into the kit, so the kit
 * builds without the modules it leaves out (the handout module itself).
 */
final class PomModules {

    private static final Pattern MODULE = Pattern.compile("\\s*<module>\\s*([^<\\s]+)\\s*</module>\\s*");

    private PomModules() {
    }

    /**
     * Drops each {@code <module>} line of {@code kitRoot/pom.xml} whose folder has no pom.xml in the kit, and
     * returns the names dropped.
     */
    static List<String> keepPresent(Path kitRoot) throws HandoutException, IOException {
        Path pom = kitRoot.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        String[] lines = Files.readString(pom, StandardCharsets.UTF_8).split("\n", -1);
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher module = MODULE.matcher(lines[i]);
            if (module.matches()) {
                if (Files.isRegularFile(kitRoot.resolve(module.group(1)).resolve("pom.xml"))) {
                    kept.add(lines[i]);
                } else {
                    dropped.add(module.group(1));
                }
            } else if (lines[i].contains("<module>")) {
                throw HandoutException.at("pom.xml", i + 1, "put each <module> on a line of its own");
            } else {
                kept.add(lines[i]);
            }
        }
        if (!dropped.isEmpty()) {
            Files.writeString(pom, String.join("\n", kept), StandardCharsets.UTF_8);
        }
        return List.copyOf(dropped);
    }
}
