package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopierTest {

    @TempDir
    Path temp;

    private Copier.Copied copy(Path repo, Path kit) throws Exception {
        Files.createDirectories(kit);
        return new Copier(repo, StudentFiles.read(repo), ExcludeList.read(repo), Set.of()).copy(kit);
    }

    @Test
    void when_copying_then_excluded_files_and_folders_stay_out_and_the_rest_is_copied_in_name_order()
            throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, ".git/HEAD", "ref: refs/heads/main\n");

        Copier.Copied copied = copy(repo, temp.resolve("kit"));

        assertEquals(List.of(".gitignore", "grader/grade", "grader/policy.toml", "grader/pom.xml", "pom.xml",
                "raft/pom.xml", Fixture.RAFT, "raft/src/main/java/raftkit/raft/api/ApplyMsg.java"),
                copied.files().stream().map(HandoutException::display).toList());
        assertFalse(Files.exists(temp.resolve("kit/handout")));
        assertFalse(Files.exists(temp.resolve("kit/raft/target")));
    }

    @Test
    void when_copying_then_only_student_owned_files_are_stripped() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));

        Copier.Copied copied = copy(repo, temp.resolve("kit"));

        assertEquals(List.of(Path.of(Fixture.RAFT)), copied.stripped().stream().map(Copier.StrippedFile::relative).toList());
        String raft = Files.readString(temp.resolve("kit").resolve(Fixture.RAFT));
        assertFalse(raft.contains(Fixture.SECRET), raft);
        assertTrue(raft.contains("        // Your code here (3A)\n        return 0;\n"), raft);
        assertEquals(Files.readString(repo.resolve("raft/src/main/java/raftkit/raft/api/ApplyMsg.java")),
                Files.readString(temp.resolve("kit/raft/src/main/java/raftkit/raft/api/ApplyMsg.java")));
    }

    @Test
    void when_a_script_is_executable_then_its_copy_is_too() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));

        copy(repo, temp.resolve("kit"));

        assertTrue(Files.isExecutable(temp.resolve("kit/grader/grade")));
        assertFalse(Files.isExecutable(temp.resolve("kit/grader/policy.toml")));
    }

    @Test
    void when_a_solution_block_is_outside_the_student_files_then_the_copy_fails_at_its_line() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "raft/src/main/java/raftkit/raft/api/ApplyMsg.java",
                "record ApplyMsg() {\n    // BEGIN SOLUTION\n    // END SOLUTION\n}\n");

        HandoutException e = assertThrows(HandoutException.class, () -> copy(repo, temp.resolve("kit")));

        assertEquals("raft/src/main/java/raftkit/raft/api/ApplyMsg.java:2: // BEGIN SOLUTION in a file that is not"
                + " student-owned (see [student] files in grader/policy.toml)", e.getMessage());
    }

    @Test
    void when_the_output_lies_inside_the_repository_then_it_is_not_copied_into_itself() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "out/old.txt", "an earlier kit\n");
        Path kit = repo.resolve("out-next");
        Files.createDirectories(kit);

        Copier.Copied copied = new Copier(repo, StudentFiles.read(repo), ExcludeList.read(repo),
                Set.of(repo.resolve("out"), kit)).copy(kit);

        assertTrue(copied.files().stream().noneMatch(p -> p.startsWith("out") || p.startsWith("out-next")));
    }

    @Test
    void when_modules_are_left_out_then_the_parent_pom_no_longer_lists_them() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Path kit = temp.resolve("kit");
        copy(repo, kit);

        List<String> dropped = PomModules.keepPresent(kit);

        assertEquals(List.of("handout"), dropped);
        assertEquals(String.join("\n", "<project>", "  <modules>", "    <module>raft</module>",
                "    <module>grader</module>", "  </modules>", "</project>", ""), Files.readString(kit.resolve("pom.xml")));
    }

    @Test
    void when_kit_files_are_written_then_the_student_file_globs_are_filled_in() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Path kit = temp.resolve("kit");
        copy(repo, kit);

        List<Path> written = KitFiles.write(repo, kit, StudentFiles.read(repo));

        assertEquals(List.of(Path.of("README.md"), Path.of("submit")), written);
        assertEquals("Student readme. You own:\n- `raft/src/main/java/raftkit/raft/*.java`\n",
                Files.readString(kit.resolve("README.md")));
        assertEquals("#!/bin/sh\nzip submission.zip raft/src/main/java/raftkit/raft/*.java\n",
                Files.readString(kit.resolve("submit")));
        assertTrue(Files.isExecutable(kit.resolve("submit")));
    }

    @Test
    void when_a_kit_file_would_replace_a_copied_file_then_the_error_says_how_to_fix_it() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "handout/kit/.gitignore", "mine\n");
        Path kit = temp.resolve("kit");
        copy(repo, kit);

        HandoutException e = assertThrows(HandoutException.class,
                () -> KitFiles.write(repo, kit, StudentFiles.read(repo)));

        assertEquals("handout/kit/.gitignore would replace the repository's .gitignore; add /.gitignore to"
                + " handout/exclude.txt", e.getMessage());
    }

    @Test
    void when_a_kit_file_has_an_unknown_placeholder_then_it_is_named() throws Exception {
        Path repo = Fixture.repository(temp.resolve("repo"));
        Fixture.write(repo, "handout/kit/README.md", "You own {{student-file}}.\n");
        Path kit = temp.resolve("kit");
        copy(repo, kit);

        HandoutException e = assertThrows(HandoutException.class,
                () -> KitFiles.write(repo, kit, StudentFiles.read(repo)));

        assertEquals("handout/kit/README.md: unknown placeholder {{student-file}} (known: {{student-files-list}},"
                + " {{student-files}})", e.getMessage());
    }
}
