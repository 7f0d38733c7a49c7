package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentFilesTest {

    @TempDir
    Path root;

    @Test
    void when_the_policy_lists_globs_then_they_decide_ownership() throws Exception {
        Fixture.write(root, StudentFiles.POLICY, String.join("\n", "[points]", "x = 1", "[student]",
                "files = [\"raft/src/main/java/raftkit/raft/*.java\", \"notes/**\"]", ""));

        StudentFiles owned = StudentFiles.read(root);

        assertEquals(List.of("raft/src/main/java/raftkit/raft/*.java", "notes/**"), owned.globs());
        assertTrue(owned.owns(Path.of("raft/src/main/java/raftkit/raft/Raft.java")));
        assertTrue(owned.owns(Path.of("raft/src/main/java/raftkit/raft/Log.java")));
        assertFalse(owned.owns(Path.of("raft/src/main/java/raftkit/raft/api/ApplyMsg.java")));
        assertTrue(owned.owns(Path.of("notes/a/b.txt")));
    }

    @Test
    void when_the_policy_is_missing_then_the_error_names_it() {
        HandoutException e = assertThrows(HandoutException.class, () -> StudentFiles.read(root));

        assertEquals("grader/policy.toml: not found (it declares the student-owned files, [student] files)",
                e.getMessage());
    }

    @Test
    void when_the_key_is_missing_then_the_error_shows_what_to_write() throws Exception {
        Fixture.write(root, StudentFiles.POLICY, "[student]\nfile = [\"Raft.java\"]\n");

        HandoutException e = assertThrows(HandoutException.class, () -> StudentFiles.read(root));

        assertEquals("grader/policy.toml: missing [student] files = [\"<glob>\", ...]", e.getMessage());
    }

    @Test
    void when_an_entry_is_not_a_relative_glob_then_it_is_named() throws Exception {
        Fixture.write(root, StudentFiles.POLICY, "[student]\nfiles = [\"raft/*.java\", \"/etc/passwd\"]\n");

        HandoutException e = assertThrows(HandoutException.class, () -> StudentFiles.read(root));

        assertEquals("grader/policy.toml: [student] files[1] = /etc/passwd is not a glob relative to the kit root,"
                + " like \"raft/src/main/java/raftkit/raft/*.java\"", e.getMessage());
    }

    @Test
    void when_the_policy_is_not_toml_then_the_error_says_where() throws Exception {
        Fixture.write(root, StudentFiles.POLICY, "[student\nfiles = 1\n");

        HandoutException e = assertThrows(HandoutException.class, () -> StudentFiles.read(root));

        assertTrue(e.getMessage().startsWith("grader/policy.toml: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
