package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.FixtureKit;

class SubmissionCompilerTest {

    private static final List<String> OWNED = List.of("raft/src/main/java/raftkit/raft/*.java");

    @TempDir
    Path dir;

    private FixtureKit kit;

    @BeforeEach
    void makeKit() throws Exception {
        kit = new FixtureKit(dir.resolve("kit"));
    }

    @AfterEach
    void removeKit() throws Exception {
        kit.close();
    }

    private Path zip(String entry, String text) throws Exception {
        Path zip = dir.resolve("submission.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("raft/src/main/java/raftkit/raft/api/ApplyMsg.java"));
            z.write("this kit file is never taken from a submission".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void when_zip_holds_the_owned_file_then_it_compiles_with_the_kits_api() throws Exception {
        Path zip = zip("raft/src/main/java/raftkit/raft/Raft.java", "package raftkit.raft;\npublic final class Raft {}\n");
        var compiled = SubmissionCompiler.compile(zip, OWNED, new Kit(kit.root()), dir.resolve("work"));
        assertTrue(compiled.ok(), compiled.messages());
        assertEquals(1, compiled.sources().size());
        assertTrue(Files.exists(compiled.classes().resolve("raftkit/raft/Raft.class")));
        assertTrue(Files.exists(compiled.classes().resolve("raftkit/raft/api/ApplyMsg.class")));
    }

    @Test
    void when_submission_is_flat_then_files_are_found_by_their_package() throws Exception {
        Path flat = dir.resolve("flat");
        Files.createDirectories(flat);
        Files.writeString(flat.resolve("Raft.java"), "package raftkit.raft;\npublic final class Raft {}\n");
        Files.writeString(flat.resolve("Notes.java"), "package elsewhere;\nclass Notes {}\n");
        var compiled = SubmissionCompiler.compile(flat, OWNED, new Kit(kit.root()), dir.resolve("work"));
        assertTrue(compiled.ok(), compiled.messages());
        assertEquals(List.of(flat.resolve("Raft.java")), compiled.sources());
    }

    @Test
    void when_nothing_owned_is_found_then_not_compiled_with_the_reason() throws Exception {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        var compiled = SubmissionCompiler.compile(empty, OWNED, new Kit(kit.root()), dir.resolve("work"));
        assertFalse(compiled.ok());
        assertTrue(compiled.messages().startsWith("no student files in "), compiled.messages());
    }
}
