package raftkit.tester;

import java.util.List;

/**
 * The JVM options of every JVM that runs graded tests: the grader's test JVMs and the per-part benchmark's. Such a
 * JVM lives for one part, a few seconds to a few minutes, and its tests mostly wait on Raft's timers, so the JVM's
 * own work (compiling, collecting, starting up) is much of what it costs; these options cut that work. Each one is
 * a product option of HotSpot that JDK 17 and JDK 25 both accept.
 */
public final class TestJvmOptions {

    private static final List<String> OPTIONS = List.of(
            // The first compiler only: its code is good enough for tests that mostly wait, and the second,
            // optimising compiler would spend more CPU compiling than its faster code saves in a short JVM.
            "-XX:TieredStopAtLevel=1",
            // One compiler thread is enough for the first compiler alone (the default is one per compiler).
            "-XX:CICompilerCount=1",
            // One collector thread, no concurrent collector work: the live data is small.
            "-XX:+UseSerialGC",
            // No shared-memory performance counters, which nothing reads and which are updated all the time.
            "-XX:-UsePerfData");

    private TestJvmOptions() {
    }

    /** The options, to go on a test JVM's command line before its main class. */
    public static List<String> options() {
        return OPTIONS;
    }
}
