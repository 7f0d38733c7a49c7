package raftkit.grader.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.BatchFixtures;

class SafeUnzipTest {

    @TempDir
    Path dir;

    @Test
    void when_zip_has_parent_absolute_and_link_entries_then_they_are_skipped_with_notes() throws Exception {
        Path target = dir.resolve("a/b/out");
        List<String> notes = new SafeUnzip(SafeUnzip.DEFAULT_MAX_BYTES, SafeUnzip.DEFAULT_MAX_ENTRIES)
                .extract(BatchFixtures.SUBMISSIONS.resolve("zip-slip.zip"), target);
        assertEquals(List.of(
                "zip entry '../../zip-slip-escaped.txt' points outside the submission; skipped",
                "zip entry '/tmp/raftkit-zip-slip-absolute.txt' points outside the submission; skipped",
                "zip entry 'evil-link' is a symbolic link; skipped"), notes);
        assertTrue(Files.isRegularFile(target.resolve("raft/src/main/java/raftkit/raft/Raft.java")));
        assertFalse(Files.exists(target.resolve("evil-link")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.allMatch(p -> p.startsWith(target) || target.startsWith(p)),
                    "nothing may be written outside the target folder");
        }
    }

    @Test
    void when_zip_expands_past_the_limit_then_it_is_refused_while_extracting() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 100_000, "the test zip should be small on disk");
        SafeUnzip unzip = new SafeUnzip(2L << 20, 100);
        SafeUnzip.RefusedArchiveException e = assertThrows(SafeUnzip.RefusedArchiveException.class,
                () -> unzip.extract(bomb, dir.resolve("out")));
        assertEquals("bomb.zip expands past 2 MiB; archive refused", e.getMessage());
        assertTrue(Files.size(dir.resolve("out/zeros.bin")) <= 2L << 20, "extraction stopped at the limit");
    }

    @Test
    void when_zip_has_too_many_entries_then_it_is_refused() throws Exception {
        Path many = dir.resolve("many.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 20; i++) {
                zip.putNextEntry(new ZipEntry("f" + i));
                zip.closeEntry();
            }
        }
        SafeUnzip.RefusedArchiveException e = assertThrows(SafeUnzip.RefusedArchiveException.class,
                () -> new SafeUnzip(1 << 20, 10).extract(many, dir.resolve("out")));
        assertEquals("many.zip has more than 10 entries; archive refused", e.getMessage());
    }

    @Test
    void when_file_is_not_a_zip_then_it_is_refused_with_a_clear_note() throws Exception {
        Path junk = dir.resolve("junk.zip");
        try (OutputStream out = Files.newOutputStream(junk)) {
            out.write("this is not a zip".getBytes());
        }
        SafeUnzip.RefusedArchiveException e = assertThrows(SafeUnzip.RefusedArchiveException.class,
                () -> new SafeUnzip(1 << 20, 10).extract(junk, dir.resolve("out")));
        assertTrue(e.getMessage().startsWith("junk.zip is not a readable zip"), e.getMessage());
    }

    @Test
    void when_entry_names_climb_out_then_destination_is_null() {
        Path root = dir.toAbsolutePath();
        assertEquals(null, SafeUnzip.destination(root, "a/../../x"));
        assertEquals(null, SafeUnzip.destination(root, "C:/x"));
        assertEquals(null, SafeUnzip.destination(root, "/etc/x"));
        assertEquals(root.resolve("a/b"), SafeUnzip.destination(root, "a/./b"));
    }
}
