package raftkit.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox stops, checked with a shell inside it; skipped where bwrap cannot run. */
class SandboxTest {

    @TempDir
    Path dir;

    private String runInside(Sandbox sandbox, Path scratch, String script) throws Exception {
        Process p = new ProcessBuilder(sandbox.wrap(List.of("sh", "-c", script), scratch, "sandbox-test"))
                .directory(scratch.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sandboxed shell should finish");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void when_sandboxed_then_only_the_scratch_folder_is_writable_and_there_is_no_network() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isActive(), sandbox.description());
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path report = Files.createDirectories(dir.resolve("report"));
        String out = runInside(sandbox, scratch, "echo ok > mine.txt; echo bad > " + report + "/theirs.txt; "
                + "echo bad > ../escaped.txt; echo $RAFTKIT_BATCH_TAG; "
                + "echo interfaces: $(grep ':' /proc/net/dev | grep -v -c ' lo:')");
        assertTrue(Files.isRegularFile(scratch.resolve("mine.txt")), out);
        assertFalse(Files.exists(report.resolve("theirs.txt")), out);
        assertFalse(Files.exists(dir.resolve("escaped.txt")), out);
        assertTrue(out.contains("sandbox-test"), out);
        assertTrue(out.contains("interfaces: 0"), "only loopback, so no network: " + out);
    }

    @Test
    void when_folders_are_hidden_then_the_submission_sees_them_empty_but_keeps_its_scratch_folder() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isActive(), sandbox.description());
        Path others = Files.createDirectories(dir.resolve("submissions/bob"));
        Files.writeString(others.resolve("Raft.java"), "bob's work");
        Path scratch = Files.createDirectories(dir.resolve("report/.scratch/alice"));
        String out = runInside(sandbox.hiding(List.of(dir.resolve("submissions"), dir.resolve("report"))), scratch,
                "cat " + others.resolve("Raft.java") + " || echo hidden; echo mine > mine.txt; ls ..");
        assertTrue(out.contains("hidden"), out);
        assertFalse(out.contains("bob's work"), out);
        assertTrue(Files.isRegularFile(scratch.resolve("mine.txt")), out);
    }

    @Test
    void when_sandboxed_command_ends_then_processes_it_detached_end_with_it() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isActive(), sandbox.description());
        runInside(sandbox, Files.createDirectories(dir.resolve("s")), "setsid sleep 3173 & sleep 0.2; echo started");
        assertEquals(0, sleepers("3173"), "a detached process must not outlive its sandbox");
    }

    @Test
    void when_unsandboxed_process_detaches_then_leftovers_finds_and_kills_it_by_tag() throws Exception {
        Sandbox none = Sandbox.none("test");
        Process p = new ProcessBuilder(none.wrap(List.of("sh", "-c", "setsid sleep 3174 >/dev/null 2>&1 &"),
                dir, "leftover-test")).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        for (int i = 0; i < 50 && sleepers("3174") == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, sleepers("3174"), "the detached sleep should be running before the sweep");
        assertEquals(1, Leftovers.kill("leftover-test"));
        for (int i = 0; i < 50 && sleepers("3174") > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, sleepers("3174"));
    }

    private static long sleepers(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("sleep " + marker)).count();
    }
}
