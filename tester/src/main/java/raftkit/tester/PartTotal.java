package raftkit.tester;

import java.util.Locale;

/** The totals of one part's tests in a run: the numbers a student compares with the lab's guidance. */
public final class PartTotal {

    private final String part;
    private int tests;
    private int failed;
    private long wallNanos;
    private long cpuNanos;
    private long rpcs;
    private long bytes;

    PartTotal(String part) {
        this.part = part;
    }

    synchronized void addTest(boolean passed, long wallNanos, long cpuNanos, long rpcs, long bytes) {
        tests++;
        failed += passed ? 0 : 1;
        this.wallNanos += wallNanos;
        this.cpuNanos += cpuNanos;
        this.rpcs += rpcs;
        this.bytes += bytes;
    }

    public String part() {
        return part;
    }

    public synchronized int tests() {
        return tests;
    }

    public synchronized int failed() {
        return failed;
    }

    /** Seconds the part's tests ran, summed over its tests. */
    public synchronized double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** CPU seconds the whole test JVM used while the part's tests ran (every thread: peers, network, GC). */
    public synchronized double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    public synchronized long rpcs() {
        return rpcs;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** E.g. {@code Part 3A: 3 tests, 14.2 s wall, 2.1 s CPU, 1234 RPCs, 456789 bytes}. */
    @Override
    public synchronized String toString() {
        String failures = failed == 0 ? "" : " (" + failed + " failed)";
        return String.format(Locale.ROOT, "Part %s: %d tests%s, %.1f s wall, %.1f s CPU, %d RPCs, %d bytes",
                part, tests, failures, wallSeconds(), cpuSeconds(), rpcs, bytes);
    }
}
