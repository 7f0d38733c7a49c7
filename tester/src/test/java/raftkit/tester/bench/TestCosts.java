package raftkit.tester.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import raftkit.tester.RaftTestExtension;

/**
 * Prints each graded test's wall time, the JVM's CPU while it ran and its RPCs, as it finishes: a part's total
 * swings from run to run with what its churn tests got through, and these lines show which test it was.
 */
final class TestCosts implements TestExecutionListener {

    private final Map<String, long[]> started = new ConcurrentHashMap<>();
    private final Map<String, String> rpcs = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), new long[] {System.nanoTime(), PartRun.processCpuNanos()});
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        String value = entry.getKeyValuePairs().get(RaftTestExtension.RPCS);
        if (value != null) {
            rpcs.put(test.getUniqueId(), value);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        long[] start = started.remove(test.getUniqueId());
        if (start == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "  %-40s %7.1f s wall %6.2f s CPU %7s RPCs%n", test.getDisplayName(),
                (System.nanoTime() - start[0]) / 1e9, (PartRun.processCpuNanos() - start[1]) / 1e9,
                rpcs.getOrDefault(test.getUniqueId(), "-"));
    }
}
