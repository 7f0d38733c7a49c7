package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoutBuilderTest {

    @TempDir
    Path temp;

    private final StringWriter report = new StringWriter();

    private HandoutBuilder.Outcome build(Path repo, Path out, boolean git) throws Exception {
        return new HandoutBuilder(new PrintWriter(report)).build(
                new HandoutBuilder.Options(repo, out, git, CheckLevel.STATIC));
    }

    @Test
    void when_the_same_repository_is_built_twice_then_the_trees_are_byte_identical() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));

        assertTrue(build(repo, temp.resolve("kit1"), false).ok(), report::toString);
        assertTrue(build(repo, temp.resolve("kit2"), false).ok(), report::toString);

        Map<String, String> first = Fixture.snapshot(temp.resolve("kit1"));
        assertEquals(first, Fixture.snapshot(temp.resolve("kit2")));
        assertEquals(List.of(".gitignore", "README.md", "grader/grade", "grader/policy.toml", "grader/pom.xml",
                "pom.xml", "raft/pom.xml", Fixture.RAFT, "raft/src/main/java/raftkit/raft/api/ApplyMsg.java",
                "submit"), List.copyOf(first.keySet()));
    }

    @Test
    void when_built_with_git_then_both_builds_have_the_same_single_commit() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));

        build(repo, temp.resolve("kit1"), true);
        build(repo, temp.resolve("kit2"), true);

        String commit1 = Git.run(temp.resolve("kit1"), "rev-parse", "HEAD");
        assertEquals(commit1, Git.run(temp.resolve("kit2"), "rev-parse", "HEAD"));
        assertEquals(commit1, Git.run(temp.resolve("kit1"), "rev-list", "--all"));
        assertEquals("", Git.run(temp.resolve("kit1"), "status", "--porcelain"));
        assertTrue(Git.run(temp.resolve("kit1"), "ls-files", "-s", "submit").startsWith("100755 "));
    }

    @Test
    void when_a_marker_is_bad_then_nothing_is_left_behind() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, Fixture.RAFT, "class Raft {\n// BEGIN SOLUTION\n}\n");
        Path out = temp.resolve("out/kit");

        HandoutException e = assertThrows(HandoutException.class, () -> build(repo, out, false));

        assertEquals(Fixture.RAFT + ":2: // BEGIN SOLUTION is never closed by // END SOLUTION", e.getMessage());
        try (Stream<Path> left = Files.list(temp.resolve("out"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void when_the_output_folder_has_files_then_it_is_refused_and_kept() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(temp, "kit/mine.txt", "keep me\n");

        HandoutException e = assertThrows(HandoutException.class, () -> build(repo, temp.resolve("kit"), false));

        assertTrue(e.getMessage().endsWith("already exists and is not an empty folder; remove it or pick another"));
        assertEquals("keep me\n", Files.readString(temp.resolve("kit/mine.txt")));
    }

    @Test
    void when_the_output_folder_is_empty_then_it_is_used() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Files.createDirectories(temp.resolve("kit"));

        assertTrue(build(repo, temp.resolve("kit"), false).ok(), report::toString);

        assertTrue(Files.isRegularFile(temp.resolve("kit/README.md")));
    }

    @Test
    void when_the_output_is_inside_the_repository_then_the_kit_does_not_contain_itself() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));

        assertTrue(build(repo, repo.resolve("kit"), false).ok(), report::toString);

        try (Stream<Path> top = Files.list(repo.resolve("kit"))) {
            assertEquals(List.of(".gitignore", "README.md", "grader", "pom.xml", "raft", "submit"),
                    top.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void when_a_kit_file_leaks_a_solution_line_then_the_check_fails_and_nothing_is_written() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "handout/kit/NOTES.md", "Hint:\n    " + Fixture.SECRET + "\n");

        HandoutBuilder.Outcome outcome = build(repo, temp.resolve("kit"), false);

        assertFalse(outcome.ok());
        Check leak = outcome.checks().get(0);
        assertEquals(List.of("NOTES.md:2: " + Fixture.SECRET), leak.evidence());
        assertTrue(report.toString().contains("  FAIL  no solution line survives: 1 found;"), report::toString);
        assertFalse(Files.exists(temp.resolve("kit")));
    }

    @Test
    void when_a_solution_line_is_also_shown_on_purpose_then_it_is_not_called_a_leak() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "handout/kit/NOTES.md", "return secretElectionTimeout;\n");
        Fixture.write(repo, "raft/src/main/java/raftkit/raft/Hint.java", "// return secretElectionTimeout;\n"
                + "return secretElectionTimeout;\n");

        HandoutBuilder.Outcome outcome = build(repo, temp.resolve("kit"), false);

        assertTrue(outcome.ok(), report::toString);
        assertTrue(report.toString().contains("  ok    no solution line survives: 1 solution lines"), report::toString);
    }
}
