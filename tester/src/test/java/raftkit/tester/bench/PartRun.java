package raftkit.tester.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import raftkit.tester.PartTotal;
import raftkit.tester.PartTotalsListener;

/**
 * The child JVM of {@link PartBenchmark}: runs the graded tests of one part and writes its numbers to a file.
 * Usage: {@code PartRun <part> <result file>}.
 */
public final class PartRun {

    private static final long HEAP_SAMPLE_MILLIS = 50;

    private PartRun() {
    }

    public static void main(String[] args) throws IOException {
        String part = args[0];
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "benchmark-heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                0, HEAP_SAMPLE_MILLIS, TimeUnit.MILLISECONDS);

        PartTotalsListener totals = new PartTotalsListener();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("raftkit.tester"))
                .filters(TagFilter.includeTags(part))
                .build();
        long start = System.nanoTime();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(request, totals);
        long wall = System.nanoTime() - start;
        sampler.shutdownNow();

        PartTotal total = totals.totals().get(part);
        Properties result = new Properties();
        result.setProperty("tests", String.valueOf(total == null ? 0 : total.tests()));
        result.setProperty("failed", String.valueOf(total == null ? 0 : total.failed()));
        result.setProperty("wallNanos", String.valueOf(wall));
        result.setProperty("cpuNanos", String.valueOf(processCpuNanos()));
        result.setProperty("peakHeapBytes", String.valueOf(peakHeap.get()));
        result.setProperty("rpcs", String.valueOf(total == null ? 0 : total.rpcs()));
        result.setProperty("bytes", String.valueOf(total == null ? 0 : total.bytes()));
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            result.store(out, "benchmark of part " + part);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
