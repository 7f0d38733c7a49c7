package raftkit.grader.engine;

/**
 * How a child JVM ended.
 *
 * @param exitCode  the JVM's exit code (meaningless when {@code timedOut})
 * @param timedOut  the parent killed it at its wall-clock cap
 * @param outputCut its output passed the cap and the rest was dropped (the child kept running)
 * @param seconds   wall-clock time from start to exit
 */
public record ChildOutcome(int exitCode, boolean timedOut, boolean outputCut, double seconds) {
}
