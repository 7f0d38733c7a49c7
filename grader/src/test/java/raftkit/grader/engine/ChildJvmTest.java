package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.fixtures.Fixtures;

/** The wall-clock cap: the backstop for a child too stuck for the tester to stop its test (a thread bomb, a stopped JVM). */
class ChildJvmTest {

    @TempDir
    Path dir;

    @Test
    void when_child_outlives_its_cap_then_it_and_its_children_are_killed() throws Exception {
        Path pid = dir.resolve("pid");
        List<String> command = List.of("sh", "-c", "sleep 600 & echo $! > " + pid + "; echo started; wait");
        ChildOutcome outcome = ChildJvm.run(command, null, ChildJvm.Deadline.after(Duration.ofSeconds(1)), 1000,
                dir.resolve("log"), null);
        assertTrue(outcome.timedOut());
        assertTrue(outcome.seconds() < 10, "took " + outcome.seconds());
        assertEquals("started\n", Files.readString(dir.resolve("log")));
        long grandchild = Long.parseLong(Files.readString(pid).trim());
        for (int i = 0; i < 50 && ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(0, Fixtures.liveChildren());
    }

    @Test
    void when_child_exits_then_its_orphans_are_killed_too() throws Exception {
        Path pid = dir.resolve("pid");
        // The shell leaves a background sleep behind and exits at once: the sleep is seen while the shell lives.
        List<String> command = List.of("sh", "-c", "sleep 600 & echo $! > " + pid + "; sleep 0.5; exit 7");
        ChildOutcome outcome = ChildJvm.run(command, null, ChildJvm.Deadline.after(Duration.ofSeconds(30)), 1000,
                dir.resolve("log"), null);
        assertFalse(outcome.timedOut());
        assertEquals(7, outcome.exitCode());
        long orphan = Long.parseLong(Files.readString(pid).trim());
        for (int i = 0; i < 50 && ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
    }
}
