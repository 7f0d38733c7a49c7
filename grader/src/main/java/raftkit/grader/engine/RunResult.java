package raftkit.grader.engine;

import java.nio.file.Path;

/**
 * One run of one test.
 *
 * @param test    the Go-style test name, e.g. {@code TestInitialElection3A}
 * @param status  how it ended
 * @param seconds how long it took (the whole child's time when the test never reported)
 * @param note    the failure message or what happened to the JVM; empty when it passed cleanly
 * @param seed    the network seed the tester reported, or empty
 * @param log     the child's captured output (shared by every test of one child)
 * @param timeline the run's timeline page, or null when the tester wrote none
 */
public record RunResult(String test, Status status, double seconds, String note, String seed, Path log,
                        Path timeline) {

    /** A result without a timeline page. */
    public RunResult(String test, Status status, double seconds, String note, String seed, Path log) {
        this(test, status, seconds, note, seed, log, null);
    }

    public RunResult {
        note = note == null ? "" : note;
        seed = seed == null ? "" : seed;
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** The same result with {@code extra} appended to its note (e.g. that output was cut). */
    public RunResult withNote(String extra) {
        return new RunResult(test, status, seconds, note.isEmpty() ? extra : note + "; " + extra, seed, log,
                timeline);
    }
}
