package raftkit.grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds and kills processes a submission left behind, by the tag {@link Sandbox#wrap} put in their environment.
 * The engine kills each test JVM's process tree, but a process that detached itself (a double fork, {@code
 * setsid}) is no longer in that tree; without the sandbox's process namespace this sweep is what catches it.
 * Linux only (it reads {@code /proc}); elsewhere it finds nothing.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Kills every live process whose environment carries {@code tag}; returns how many there were. */
    static int kill(String tag) {
        byte[] marker = (Sandbox.TAG_VARIABLE + "=" + tag + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> tagged = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && carries(p.pid(), marker)).toList();
        tagged.forEach(ProcessHandle::destroyForcibly);
        return tagged.size();
    }

    private static boolean carries(long pid, byte[] marker) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return indexOf(environ, marker) >= 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
