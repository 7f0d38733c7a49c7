package raftkit.tester.bench;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import raftkit.tester.TestJvmOptions;
import raftkit.tester.PeerMode;
import raftkit.tester.timeline.Timelines;

/**
 * Runs each part's graded tests on the solution in {@code raft/} (the reference, in this repository), each part in
 * a fresh JVM with the kit's heap cap, and prints a table of wall seconds, CPU seconds and peak heap beside the Go
 * lab's numbers. A benchmark, not a test: it judges nothing. Run it with
 * {@code mvn -B -pl tester -am -Pbenchmark -DskipTests verify} (parts: {@code -Dbenchmark.parts=3A,3B}; more
 * options for each part's JVM, e.g. a profiler: {@code -Dbenchmark.jvmArgs="..."}, separated by spaces).
 *
 * <p>The timeline's cost: {@code -Dbenchmark.timeline=off,failures -Dbenchmark.rounds=3} runs each part with
 * recording off and on ({@code raftkit.timeline} modes), alternating, and prints the mean difference, then
 * {@link RecorderCost}'s nanoseconds per recorded event.
 *
 * <p>Each part runs with the peers in-process and then isolated in a peer host ({@code -Dbenchmark.peers=} either
 * or both, in-process first by default), the peer host's CPU counted with its test JVM's.
 */
public final class PartBenchmark {

    /** Wall and CPU seconds of the Go lab's test process for one part. */
    private record GoFigures(double wallSeconds, double cpuSeconds) {
    }

    /**
     * The Go lab with a complete solution, each part's tests in one {@code go test} process, measured on an idle
     * 2-core machine in the same run as this benchmark's figures in the kit's issue tracker.
     */
    private static final Map<String, GoFigures> GO = Map.of("3A", new GoFigures(19.0, 0.26),
            "3B", new GoFigures(73.1, 1.57), "3C", new GoFigures(141.6, 4.27), "3D", new GoFigures(274.6, 5.60));
    /** The heap cap of a test JVM the kit promises to stay under. */
    private static final String HEAP_CAP = "-Xmx256m";

    private static final List<Path> CLASSPATH = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    /** The class archive of the part JVMs, in the module's build output (run from the module's folder). */
    private static final Path ARCHIVE_DIR = Path.of("target", "class-archive").toAbsolutePath();

    private PartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Settings come as system properties (the benchmark profile sets each), so an empty one cannot shift others.
        List<String> parts = List.of(System.getProperty("benchmark.parts", "3A,3B,3C,3D").split(","));
        String jvmArgs = System.getProperty("benchmark.jvmArgs", "").trim();
        List<String> extra = jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+"));
        List<String> modes = List.of(System.getProperty("benchmark.timeline", "failures").split(","));
        List<String> peerModes = List.of(System.getProperty("benchmark.peers", "inprocess,isolated").split(","));
        int rounds = Integer.parseInt(System.getProperty("benchmark.rounds", "1"));
        List<String> rows = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        double[] sums = new double[4]; // CPU s and Go CPU s over the parts Go has figures for, and both walls
        for (String part : parts) {
            Map<String, List<Properties>> byMode = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String mode : modes) {
                    for (String peers : peerModes) {
                        Properties n = runPart(part.trim(), extra, mode.trim(), peers.trim());
                        rows.add(row(part.trim(), n) + "  " + peers.trim()
                                + (modes.size() > 1 ? "  timeline=" + mode.trim() : ""));
                        // the timeline's cost and the sum are the first peer mode's
                        if (!peers.trim().equals(peerModes.get(0).trim())) {
                            continue;
                        }
                        byMode.computeIfAbsent(mode.trim(), m -> new ArrayList<>()).add(n);
                        GoFigures go = GO.get(part.trim());
                        if (go != null && !n.isEmpty()) {
                            sums[0] += seconds(n, "processCpuNanos");
                            sums[1] += go.cpuSeconds();
                            sums[2] += seconds(n, "wallNanos");
                            sums[3] += go.wallSeconds();
                        }
                    }
                }
            }
            if (byMode.containsKey("off") && byMode.size() > 1) {
                byMode.forEach((mode, runs) -> {
                    if (!mode.equals("off")) {
                        costs.add(TimelineCost.line(part.trim(), mode, byMode.get("off"), runs));
                    }
                });
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Benchmark: each part in its own JVM (%s), %d cores, Java %s%n", HEAP_CAP,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("JVM options: " + String.join(" ", jvmOptions(extra)));
        System.out.println("part  tests  failed  wall s  CPU s  JVM CPU s  heap MB  live MB  RSS MB  host RSS MB"
                + "      RPCs      bytes | Go wall s  Go CPU s  CPU ratio  peers");
        rows.forEach(System.out::println);
        if (sums[1] > 0) {
            System.out.printf(Locale.ROOT, "%-4s  %5s  %6s  %6.1f  %5s  %9.1f  %7s  %7s  %6s  %11s  %8s  %9s | %9.1f"
                    + "  %8.2f  %8.1fx  %s%n", "sum", "", "", sums[2], "", sums[0], "", "", "", "", "", "", sums[3],
                    sums[1], sums[0] / sums[1], peerModes.get(0).trim());
        }
        System.out.println("Go: the Go lab's go test process for the part, complete solution, idle 2-core machine.");
        System.out.println("wall s and CPU s: while the part's tests ran. JVM CPU s: the whole test JVM from its "
                + "start (JVM start-up, JIT, GC, peers, network), the figure to set beside Go's CPU s.");
        System.out.println("RSS MB: the test JVM's peak resident memory (VmHWM); host RSS MB: its peer host's, where"
                + " the peers are isolated (CPU s and JVM CPU s include the peer host's CPU).");
        System.out.println("heap MB: peak heap in use, garbage included (as each collection found it); live MB: the"
                + " most heap any collection left in use.");
        if (!costs.isEmpty()) {
            System.out.println();
            System.out.println("Timeline recording on against off (means over " + rounds + " rounds, each mode's runs "
                    + "alternating; the machine's other load moves both):");
            costs.forEach(System.out::println);
            RecorderCost.main(new String[0]);
        }
    }

    /** The part JVM's options: the heap cap, any extra ones given here, the kit's test JVM options and class path. */
    private static List<String> jvmOptions(List<String> extra) {
        List<String> options = new ArrayList<>(List.of(HEAP_CAP));
        options.addAll(extra);
        options.addAll(TestJvmOptions.withClasspath(CLASSPATH, ARCHIVE_DIR));
        return options;
    }

    private static Properties runPart(String part, List<String> extra, String timelineMode, String peers)
            throws IOException, InterruptedException {
        Path result = Files.createTempFile("raftkit-benchmark-" + part, ".properties");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-D" + Timelines.MODE_PROPERTY + "=" + timelineMode,
                    "-D" + PeerMode.PROPERTY + "=" + peers));
            command.addAll(jvmOptions(extra));
            command.addAll(List.of(PartRun.class.getName(), part, result.toString()));
            Process child = new ProcessBuilder(command).inheritIO().start();
            int exit = child.waitFor();
            Properties numbers = new Properties();
            if (exit == 0) {
                try (Reader in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
                    numbers.load(in);
                }
            }
            return numbers;
        } finally {
            Files.deleteIfExists(result);
        }
    }

    private static String row(String part, Properties n) {
        GoFigures go = GO.get(part);
        String goColumns = go == null ? String.format(Locale.ROOT, "%9s  %8s  %9s", "-", "-", "-")
                : String.format(Locale.ROOT, "%9.1f  %8.2f", go.wallSeconds(), go.cpuSeconds());
        if (n.isEmpty()) {
            return String.format(Locale.ROOT, "%-4s  the part's JVM failed; see its output above | %s", part,
                    goColumns);
        }
        String ratio = go == null ? "" : String.format(Locale.ROOT, "  %8.1fx",
                seconds(n, "processCpuNanos") / go.cpuSeconds());
        return String.format(Locale.ROOT, "%-4s  %5s  %6s  %6.1f  %5.1f  %9.1f  %7.0f  %7.0f  %6.0f  %11.0f  %8s  %9s"
                + " | %s%s", part, n.getProperty("tests"), n.getProperty("failed"), seconds(n, "wallNanos"),
                seconds(n, "cpuNanos"), seconds(n, "processCpuNanos"), megabytes(n, "peakHeapBytes"),
                megabytes(n, "peakLiveBytes"), megabytes(n, "peakRssBytes"), megabytes(n, "hostRssBytes"),
                n.getProperty("rpcs"), n.getProperty("bytes"), goColumns, ratio);
    }

    private static double megabytes(Properties n, String key) {
        return Long.parseLong(n.getProperty(key)) / 1048576.0;
    }

    private static double seconds(Properties n, String key) {
        return Long.parseLong(n.getProperty(key)) / 1e9;
    }
}
