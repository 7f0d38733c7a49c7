package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the kit from this repository, as {@code handout/build --compile-only} does: the kit must compile and no
 * solution line may survive. The graded runs of the full self-check are left to the instructor's command, as they
 * take minutes.
 */
class EndToEndTest {

    private static final Path ROOT = Path.of(System.getProperty("raftkit.root", "..")).toAbsolutePath().normalize();
    private static final String RAFT = "raft/src/main/java/raftkit/raft/Raft.java";

    @TempDir
    static Path temp;

    private static Path kit;
    private static HandoutBuilder.Outcome outcome;
    private static final StringWriter REPORT = new StringWriter();

    @BeforeAll
    static void buildTheKitOnce() throws Exception {
        kit = temp.resolve("kit");
        outcome = new HandoutBuilder(new PrintWriter(REPORT)).build(
                new HandoutBuilder.Options(ROOT, kit, false, CheckLevel.COMPILE));
    }

    @Test
    void when_the_repository_is_built_then_the_kit_compiles_and_every_check_holds() {
        assertTrue(outcome.ok(), REPORT::toString);
        assertEquals(List.of("no solution line survives", "compiles", "stub fails every graded test of 3A",
                "reference passes every graded test of 3A"),
                outcome.checks().stream().map(Check::what).toList());
    }

    @Test
    void when_the_repository_is_built_then_the_kit_has_the_student_files_and_not_the_instructor_ones()
            throws Exception {
        assertTrue(Files.readString(kit.resolve("README.md")).startsWith("# The Raft lab, in Java"));
        assertTrue(Files.isExecutable(kit.resolve("submit")));
        for (String gone : List.of("handout", ".ci", ".git", "raft/target", "grader/src/test")) {
            assertFalse(Files.exists(kit.resolve(gone)), gone);
        }
        String pom = Files.readString(kit.resolve("pom.xml"));
        assertFalse(pom.contains("<module>handout</module>"), pom);
        assertTrue(pom.contains("<module>tester</module>"), pom);
        assertTrue(Files.readString(kit.resolve(RAFT)).contains("// Your code here (3A"));
    }

    /**
     * Independently of the Stripper: the kit's student file, and the files made for the kit, hold no line from
     * between the reference's markers (unless the kit shows that line on purpose: outside the blocks, as stub text,
     * or in a kit file that is a plain copy, like {@code } finally {}); every other kit file is a byte-for-byte copy
     * of the repository's.
     */
    @Test
    void when_the_repository_is_built_then_no_line_from_a_solution_block_is_in_any_kit_file() throws Exception {
        List<String> made = List.of(RAFT, "README.md", "submit", "pom.xml");
        Set<String> hidden = new HashSet<>();
        Set<String> shown = new HashSet<>();
        String part = "outside";
        for (String line : Files.readAllLines(ROOT.resolve(RAFT), StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.equals("// BEGIN SOLUTION")) {
                part = "solution";
            } else if (text.equals("// STUB")) {
                part = "stub";
            } else if (text.equals("// END SOLUTION")) {
                part = "outside";
            } else if (part.equals("solution")) {
                hidden.add(text);
            } else {
                shown.add(part.equals("stub") ? text.substring(2).strip() : text);
            }
        }
        List<String> found = new ArrayList<>();
        Map<String, List<String>> files = kitFiles();
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            if (!made.contains(file.getKey())) {
                assertEquals(Files.readString(ROOT.resolve(file.getKey())), String.join("\n", file.getValue()),
                        file.getKey() + " is not a plain copy");
                file.getValue().forEach(line -> shown.add(line.strip()));
            }
        }
        hidden.removeAll(shown);
        hidden.removeIf(text -> text.chars().noneMatch(Character::isLetterOrDigit));
        assertTrue(hidden.size() > 100, "the reference has few solution lines: " + hidden.size());
        for (String name : made) {
            files.get(name).stream().map(String::strip).filter(hidden::contains)
                    .forEach(line -> found.add(name + ": " + line));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void when_the_repository_is_built_twice_then_the_trees_are_byte_identical() throws Exception {
        Path second = temp.resolve("kit2");

        assertTrue(new HandoutBuilder(new PrintWriter(new StringWriter())).build(
                new HandoutBuilder.Options(ROOT, second, false, CheckLevel.STATIC)).ok());

        assertEquals(Fixture.snapshot(kit), Fixture.snapshot(second));
    }

    /** Every text file of the kit by its path relative to the kit, as lines. */
    private static Map<String, List<String>> kitFiles() throws Exception {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(kit)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = HandoutException.display(kit.relativize(file));
                Copier.utf8(Files.readAllBytes(file)).ifPresent(text -> files.put(name, List.of(text.split("\n", -1))));
            }
        }
        return files;
    }
}
