package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.BatchFixtures;

class SubmissionBuildTest {

    private static final String RAFT = "raft/src/main/java/raftkit/raft/Raft.java";
    private static final String START_RESULT = "raft/src/main/java/raftkit/raft/api/StartResult.java";

    @TempDir
    Path dir;

    private final SubmissionBuild build = new SubmissionBuild(BatchFixtures.kit(),
            new SafeUnzip(SafeUnzip.DEFAULT_MAX_BYTES, SafeUnzip.DEFAULT_MAX_ENTRIES),
            new SourceCompiler(List.of(BatchFixtures.KIT_ROOT.resolve("labrpc/target/classes"))));

    private static String correctRaft() throws Exception {
        return Files.readString(BatchFixtures.SUBMISSIONS.resolve("correct").resolve(RAFT));
    }

    private Path zip(Map<String, String> entries) throws Exception {
        Path zip = dir.resolve("submission.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void when_zip_holds_the_owned_file_then_it_compiles_with_the_kits_api_and_kit_edits_are_noted()
            throws Exception {
        String edited = Files.readString(BatchFixtures.KIT_ROOT.resolve(START_RESULT)) + "// never taken\n";
        Path zip = zip(Map.of(RAFT, correctRaft(), START_RESULT, edited));
        SubmissionBuild.Result result = build.build(zip, true, dir.resolve("scratch"));
        assertEquals(SubmissionBuild.Outcome.COMPILED, result.outcome(), result.firstLines());
        assertEquals(List.of("kit file " + START_RESULT + " differed; the kit's copy was used"), result.notes());
        assertTrue(Files.isRegularFile(result.classes().resolve("raftkit/raft/Raft.class")));
        assertTrue(Files.isRegularFile(result.classes().resolve("raftkit/raft/api/StartResult.class")));
    }

    @Test
    void when_submission_is_flat_then_files_are_found_by_their_package() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Files.writeString(flat.resolve("Raft.java"), correctRaft());
        Files.writeString(flat.resolve("Notes.java"), "package elsewhere;\nclass Notes {}\n");
        SubmissionBuild.Result result = build.build(flat, false, dir.resolve("scratch"));
        assertEquals(SubmissionBuild.Outcome.COMPILED, result.outcome(), result.firstLines());
        assertEquals(List.of(), result.notes());
        assertEquals(correctRaft(), Files.readString(dir.resolve("scratch/kit").resolve(RAFT)));
        assertTrue(Files.notExists(result.classes().resolve("elsewhere")), "only student-owned files are taken");
    }

    @Test
    void when_nothing_owned_is_found_then_no_files_with_the_reason() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "I ran out of time");
        SubmissionBuild.Result result = build.build(empty, false, dir.resolve("scratch"));
        assertEquals(SubmissionBuild.Outcome.NO_FILES, result.outcome());
        assertNull(result.classes());
        assertEquals(List.of("no student-owned file found (raft/src/main/java/raftkit/raft/*.java)"), result.notes());
    }

    @Test
    void when_zip_has_a_parent_entry_then_it_is_skipped_with_a_note_and_the_rest_compiles() throws Exception {
        Path zip = zip(Map.of(RAFT, correctRaft(), "../escaped.txt", "outside"));
        SubmissionBuild.Result result = build.build(zip, true, dir.resolve("a/scratch"));
        assertEquals(SubmissionBuild.Outcome.COMPILED, result.outcome(), result.firstLines());
        assertEquals(List.of("zip entry '../escaped.txt' points outside the submission; skipped"), result.notes());
        assertTrue(Files.notExists(dir.resolve("a/escaped.txt")));
        assertTrue(Files.notExists(dir.resolve("a/scratch/escaped.txt")));
    }

    @Test
    void when_it_does_not_compile_then_the_first_compiler_lines_and_a_log() throws Exception {
        SubmissionBuild.Result result = build.build(BatchFixtures.SUBMISSIONS.resolve("not-compiling"), false,
                dir.resolve("scratch"));
        assertEquals(SubmissionBuild.Outcome.NOT_COMPILED, result.outcome());
        assertNull(result.classes());
        assertTrue(result.firstLines().startsWith(RAFT + ":"), result.firstLines());
        assertTrue(Files.readString(dir.resolve("scratch/compile.log")).startsWith(result.firstLines()));
    }

    @Test
    void when_the_file_is_not_a_zip_then_refused_with_the_reason() throws Exception {
        Path notZip = Files.writeString(dir.resolve("Raft.zip"), "not a zip at all");
        SubmissionBuild.Result result = build.build(notZip, true, dir.resolve("scratch"));
        assertEquals(SubmissionBuild.Outcome.REFUSED, result.outcome());
        assertEquals(1, result.notes().size());
        assertTrue(result.notes().get(0).startsWith("Raft.zip is not a readable zip"), result.notes().toString());
    }

    @Test
    void when_built_again_in_the_same_folder_then_the_old_build_is_replaced() throws Exception {
        Path scratch = dir.resolve("scratch");
        build.build(BatchFixtures.SUBMISSIONS.resolve("not-compiling"), false, scratch);
        SubmissionBuild.Result result = build.build(BatchFixtures.SUBMISSIONS.resolve("correct"), false, scratch);
        assertEquals(SubmissionBuild.Outcome.COMPILED, result.outcome(), result.firstLines());
        assertEquals(correctRaft(), Files.readString(scratch.resolve("kit").resolve(RAFT)));
    }
}
