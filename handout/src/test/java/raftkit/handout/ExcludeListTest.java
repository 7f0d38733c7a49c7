package raftkit.handout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludeListTest {

    private final ExcludeList list = ExcludeList.parse(List.of("# comment", "", ".git", "target/", "*.iml",
            "/handout/", "/README.md", "grader/src/test/resources/batch/"));

    @Test
    void when_a_pattern_has_no_slash_then_it_matches_a_name_at_any_depth() {
        assertTrue(list.excludes(Path.of(".git"), true));
        assertTrue(list.excludes(Path.of(".git"), false));
        assertTrue(list.excludes(Path.of("raft/raft.iml"), false));
        assertTrue(list.excludes(Path.of("tester/target"), true));
    }

    @Test
    void when_a_pattern_has_a_slash_then_it_matches_from_the_root_only() {
        assertTrue(list.excludes(Path.of("README.md"), false));
        assertFalse(list.excludes(Path.of("grader/README.md"), false));
        assertTrue(list.excludes(Path.of("handout"), true));
        assertFalse(list.excludes(Path.of("tester/src/main/java/raftkit/handout"), true));
        assertTrue(list.excludes(Path.of("grader/src/test/resources/batch"), true));
    }

    @Test
    void when_a_pattern_ends_with_a_slash_then_it_matches_folders_only() {
        assertFalse(list.excludes(Path.of("notes/target"), false));
        assertFalse(list.excludes(Path.of("handout"), false));
    }

    @Test
    void when_nothing_matches_then_the_path_is_kept() {
        assertFalse(list.excludes(Path.of("raft/src/main/java/raftkit/raft/Raft.java"), false));
        assertFalse(list.excludes(Path.of("pom.xml"), false));
    }
}
