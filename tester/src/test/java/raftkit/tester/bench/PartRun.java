package raftkit.tester.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import raftkit.tester.PartTotal;
import raftkit.tester.PartTotalsListener;
import raftkit.tester.TestClasses;

/**
 * The child JVM of {@link PartBenchmark}: runs the graded tests of one part and writes its numbers to a file.
 * Usage: {@code PartRun <part> <result file>}.
 */
public final class PartRun {

    private PartRun() {
    }

    public static void main(String[] args) throws IOException {
        String part = args[0];
        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        watchCollections(peakHeap, peakLive);

        PartTotalsListener totals = new PartTotalsListener(System.out, true);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherDiscoveryRequest request = TestClasses.GRADED.discovery(List.of(part)).build();
        Launcher launcher = LauncherFactory.create(
                LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        TestPlan plan = launcher.discover(request);
        long start = System.nanoTime();
        long cpuStart = PartTotalsListener.jvmCpuNanos();
        launcher.execute(plan, totals, summary);
        long wall = System.nanoTime() - start;
        // isolated peers run in a peer host, a child of this JVM that lives until it ends: its CPU is the part's too
        long hostCpu = PartTotalsListener.childProcessesCpuNanos();
        long processCpu = PartTotalsListener.jvmCpuNanos(); // since the JVM started: start-up and discovery too
        long cpu = processCpu - cpuStart + hostCpu;
        // the heap in use since the last collection, which no notification has reported
        peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        printThreadCpu(processCpu);
        // a benchmark of a failing part is still printed, with the reasons beside it
        summary.getSummary().printFailuresTo(new PrintWriter(System.out, true, StandardCharsets.UTF_8), 0);

        PartTotal total = totals.totals().get(part);
        Properties result = new Properties();
        result.setProperty("tests", String.valueOf(total == null ? 0 : total.tests()));
        result.setProperty("failed", String.valueOf(total == null ? 0 : total.failed()));
        result.setProperty("wallNanos", String.valueOf(wall));
        result.setProperty("cpuNanos", String.valueOf(cpu));
        result.setProperty("processCpuNanos", String.valueOf(processCpu + hostCpu));
        result.setProperty("hostCpuNanos", String.valueOf(hostCpu));
        result.setProperty("peakRssBytes", String.valueOf(peakRssBytes("self")));
        result.setProperty("hostRssBytes", String.valueOf(ProcessHandle.current().children()
                .mapToLong(PartRun::peakRssBytes).max().orElse(0)));
        result.setProperty("peakHeapBytes", String.valueOf(peakHeap.get()));
        result.setProperty("peakLiveBytes", String.valueOf(peakLive.get()));
        result.setProperty("rpcs", String.valueOf(total == null ? 0 : total.rpcs()));
        result.setProperty("bytes", String.valueOf(total == null ? 0 : total.bytes()));
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            result.store(out, "benchmark of part " + part);
        }
    }

    /**
     * Keeps in {@code peakHeap} the most heap in use, garbage included, which is what a collection finds when it
     * starts, and in {@code peakLive} the most heap any collection left in use: about the live data at its highest.
     * Reading both from the collections' notifications costs nothing between them, unlike a sampling thread, whose
     * wake-ups would add to the part's CPU.
     */
    private static void watchCollections(AtomicLong peakHeap, AtomicLong peakLive) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        NotificationListener onCollection = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GcInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData()).getGcInfo();
                peakHeap.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                peakLive.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc(), heapPools), Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onCollection, null, null);
            }
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /**
     * The most resident memory this process has had (Linux's {@code VmHWM}), heap, metaspace, code and thread
     * stacks together; -1 where {@code /proc} is not there.
     */
    private static long peakRssBytes(String pid) {
        Path status = Path.of("/proc", pid, "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) { // "VmHWM:    123456 kB"
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // no /proc, or the process is gone
        }
        return -1;
    }

    private static long peakRssBytes(ProcessHandle process) {
        return peakRssBytes(String.valueOf(process.pid()));
    }

    /**
     * Prints where the process's CPU went, by thread: the JVM's own threads (compilers, collector, VM thread) live
     * to the end, so their figures are whole; the threads of tests that ended are one remainder. Linux only.
     */
    private static void printThreadCpu(long processCpuNanos) throws IOException {
        printThreadCpu("self", processCpuNanos, "whole process");
        for (ProcessHandle host : ProcessHandle.current().children().toList()) {
            long nanos = host.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
            printThreadCpu(String.valueOf(host.pid()), nanos, "peer host");
        }
    }

    private static void printThreadCpu(String pid, long processCpuNanos, String what) throws IOException {
        Path tasks = Path.of("/proc", pid, "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        long tickNanos = 10_000_000; // USER_HZ is 100 on Linux
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    byName.merge(name, ticks * tickNanos, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        }
        long living = byName.values().stream().mapToLong(Long::longValue).sum();
        byName.put("(threads that ended)", Math.max(0, processCpuNanos - living));
        System.out.println("CPU s by thread, " + what + ":");
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 10_000_000)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6.2f  %s%n", e.getValue() / 1e9, e.getKey()));
    }
}
