package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionFinderTest {

    @TempDir
    Path dir;

    @Test
    void when_folder_holds_folders_and_zips_then_each_is_a_submission_named_after_it() throws Exception {
        Files.createDirectories(dir.resolve("bob"));
        Files.writeString(dir.resolve("alice.zip"), "not really a zip");
        Files.createDirectories(dir.resolve("__MACOSX"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("roster.csv"), "alice,bob");
        List<Submission> found = SubmissionFinder.find(dir);
        assertEquals(List.of("alice", "bob"), found.stream().map(Submission::name).toList());
        assertTrue(found.get(0).zip());
        assertFalse(found.get(1).zip());
    }

    @Test
    void when_folder_and_zip_share_a_name_then_both_are_kept_under_distinct_names() throws Exception {
        Files.createDirectories(dir.resolve("carol"));
        Files.writeString(dir.resolve("carol.zip"), "");
        List<String> names = SubmissionFinder.find(dir).stream().map(Submission::name).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("carol") && names.contains("carol.zip"), names.toString());
    }

    @Test
    void when_name_has_odd_characters_then_it_is_made_safe_for_a_folder() {
        assertEquals("Dan_O_Brien__2_", SubmissionFinder.safeName("Dan O'Brien (2)"));
        assertEquals("_..", SubmissionFinder.safeName(".."));
    }
}
