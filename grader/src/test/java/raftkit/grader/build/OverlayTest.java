package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.BatchFixtures;

class OverlayTest {

    private static final String RAFT = "raft/src/main/java/raftkit/raft/Raft.java";
    private static final String START_RESULT = "raft/src/main/java/raftkit/raft/api/StartResult.java";

    @TempDir
    Path dir;

    private final Overlay overlay = new Overlay(BatchFixtures.kit());

    @Test
    void when_submission_has_standard_layout_then_its_raft_replaces_the_kits() throws Exception {
        Path kitDir = dir.resolve("kit");
        Overlay.Result result = overlay.apply(BatchFixtures.SUBMISSIONS.resolve("correct"), kitDir);
        assertEquals(List.of(RAFT), result.taken());
        assertEquals(List.of(), result.notes());
        assertEquals(Files.readString(BatchFixtures.SUBMISSIONS.resolve("correct").resolve(RAFT)),
                Files.readString(kitDir.resolve(RAFT)));
        assertEquals(Files.readString(BatchFixtures.KIT_ROOT.resolve(START_RESULT)),
                Files.readString(kitDir.resolve(START_RESULT)), "kit-owned files come from the pristine kit");
    }

    @Test
    void when_raft_sits_flat_then_it_is_found_by_its_package() throws Exception {
        Overlay.Result result = overlay.apply(BatchFixtures.SUBMISSIONS.resolve("wrong"), dir.resolve("kit"));
        assertEquals(List.of(RAFT), result.taken());
        assertTrue(Files.readString(dir.resolve("kit").resolve(RAFT)).contains("wrongly believes it leads"));
    }

    @Test
    void when_student_edits_a_kit_file_then_the_kits_copy_is_used_and_noted() throws Exception {
        Path kitDir = dir.resolve("kit");
        Overlay.Result result = overlay.apply(BatchFixtures.SUBMISSIONS.resolve("edits-kit-file"), kitDir);
        assertEquals(List.of("kit file " + START_RESULT + " differed; the kit's copy was used"), result.notes());
        assertFalse(Files.readString(kitDir.resolve(START_RESULT)).contains("alwaysLeader"));
    }

    @Test
    void when_submission_has_no_raft_then_the_reference_is_not_used_in_its_place() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "I ran out of time");
        Overlay.Result result = overlay.apply(empty, dir.resolve("kit"));
        assertEquals(List.of(), result.taken());
        assertEquals(List.of("no student-owned file found (raft/src/main/java/raftkit/raft/*.java)"), result.notes());
        assertFalse(Files.exists(dir.resolve("kit").resolve(RAFT)), "the kit's own Raft.java must never be graded");
    }

    @Test
    void when_two_copies_exist_then_the_one_at_the_kit_path_wins_and_is_noted() throws Exception {
        Path sub = dir.resolve("sub");
        Path good = sub.resolve("lab/" + RAFT);
        Path old = sub.resolve("backup/Raft.java");
        Files.createDirectories(good.getParent());
        Files.createDirectories(old.getParent());
        Files.writeString(good, "package raftkit.raft;\n// current\n");
        Files.writeString(old, "/* package old; */\npackage raftkit.raft;\n// old\n");
        Overlay.Result result = overlay.apply(sub, dir.resolve("kit"));
        assertEquals(List.of("2 copies of " + RAFT + " found; used lab/" + RAFT), result.notes());
        assertTrue(Files.readString(dir.resolve("kit").resolve(RAFT)).contains("current"));
    }

    @Test
    void when_student_adds_a_class_to_the_package_then_it_is_taken_and_other_packages_are_not() throws Exception {
        Path sub = dir.resolve("sub");
        Files.createDirectories(sub);
        Files.writeString(sub.resolve("Raft.java"), "package raftkit.raft;\n");
        Files.writeString(sub.resolve("LogEntry.java"), "package raftkit.raft;\nrecord LogEntry(int term) {}\n");
        Files.writeString(sub.resolve("Hack.java"), "package raftkit.tester;\nclass Hack {}\n");
        Overlay.Result result = overlay.apply(sub, dir.resolve("kit"));
        assertEquals(List.of("raft/src/main/java/raftkit/raft/LogEntry.java", RAFT), result.taken());
        assertFalse(Files.exists(dir.resolve("kit/raft/src/main/java/raftkit/tester/Hack.java")));
    }
}
