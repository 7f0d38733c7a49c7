package raftkit.tester;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * After a run, prints one line per part that ran, e.g. {@code Part 3A: 3 tests, 14.2 s wall, 2.1 s CPU, 1234 RPCs,
 * 456789 bytes}. Registered as a service in the tester's test resources, so Maven and IDE runs print it; a launcher
 * that turns auto-registration off adds it itself. RPCs and bytes come from the report entries that
 * {@link RaftTestExtension} publishes.
 */
public final class PartTotalsListener implements TestExecutionListener {

    /** A graded test's part is its tag: 3A, 3B, 3C or 3D (and any later part named the same way). */
    private static final Pattern PART = Pattern.compile("\\d+[A-Z]");

    private final PrintStream out;
    private final boolean eachTest;
    private final Map<String, PartTotal> parts = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** A listener that prints to standard output. */
    public PartTotalsListener() {
        this(System.out);
    }

    public PartTotalsListener(PrintStream out) {
        this(out, false);
    }

    /**
     * A listener that also prints a line for each graded test as it finishes, its wall time, CPU and RPCs: the
     * part benchmark shows with them which test a part's spread comes from.
     */
    public PartTotalsListener(PrintStream out, boolean eachTest) {
        this.out = out;
        this.eachTest = eachTest;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            running.put(test.getUniqueId(), new Running(System.nanoTime(), processCpuNanos()));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Running run = running.get(test.getUniqueId());
        if (run != null) {
            entry.getKeyValuePairs().forEach(run::record);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Running run = running.remove(test.getUniqueId());
        Optional<String> part = partOf(test);
        if (run == null || part.isEmpty()) {
            return;
        }
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        long wallNanos = System.nanoTime() - run.wallStart;
        long cpuNanos = Math.max(0, processCpuNanos() - run.cpuStart); // a child that ended takes its CPU along
        parts.computeIfAbsent(part.get(), PartTotal::new).addTest(passed, wallNanos, cpuNanos, run.rpcs, run.bytes);
        if (eachTest) {
            out.printf(Locale.ROOT, "  %-40s %7.1f s wall %6.2f s CPU %7d RPCs%n", test.getDisplayName(),
                    wallNanos / 1e9, cpuNanos / 1e9, run.rpcs);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        for (PartTotal total : totals().values()) {
            out.println(total);
        }
        out.flush();
    }

    /** The totals so far, by part name. */
    public Map<String, PartTotal> totals() {
        return new TreeMap<>(parts);
    }

    private static Optional<String> partOf(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(t -> PART.matcher(t).matches()).findFirst();
    }

    /** CPU time of the whole JVM and of the processes it started and still runs: what a test costs. */
    static long processCpuNanos() {
        return jvmCpuNanos() + childProcessesCpuNanos();
    }

    /** CPU time of the whole JVM since it started, or 0 where the JVM cannot tell. */
    public static long jvmCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return Math.max(0, hotspot.getProcessCpuTime());
        }
        return 0;
    }

    /** CPU time of the processes this JVM started that still run (the peer host, where the peers are isolated). */
    public static long childProcessesCpuNanos() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** A test in progress: when it started and what its report entries said. */
    private static final class Running {
        private final long wallStart;
        private final long cpuStart;
        private volatile long rpcs;
        private volatile long bytes;

        Running(long wallStart, long cpuStart) {
            this.wallStart = wallStart;
            this.cpuStart = cpuStart;
        }

        void record(String key, String value) {
            try {
                if (key.equals(RaftTestExtension.RPCS)) {
                    rpcs += Long.parseLong(value);
                } else if (key.equals(RaftTestExtension.BYTES)) {
                    bytes += Long.parseLong(value);
                }
            } catch (NumberFormatException e) {
                // another extension's entry with the same key: not ours to count
            }
        }
    }
}
