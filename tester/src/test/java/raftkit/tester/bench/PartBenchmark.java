package raftkit.tester.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import raftkit.tester.timeline.Timelines;

/**
 * Runs each part's graded tests on the solution in {@code raft/} (the reference, in this repository), each part in
 * a fresh JVM with the kit's heap cap, and prints a table of wall seconds, CPU seconds and peak heap beside the Go
 * lab's numbers. A benchmark, not a test: it judges nothing. Run it with
 * {@code mvn -B -pl tester -am -Pbenchmark -DskipTests verify} (parts: {@code -Dbenchmark.parts=3A,3B}).
 *
 * <p>The timeline's cost: {@code -Dbenchmark.timeline=off,failures -Dbenchmark.rounds=3} runs each part with
 * recording off and on ({@code raftkit.timeline} modes), alternating, and prints the mean difference, then
 * {@link RecorderCost}'s nanoseconds per recorded event.
 */
public final class PartBenchmark {

    /** The Go lab's wall seconds per part with a good solution on a 2-core machine. */
    private static final Map<String, Integer> GO_WALL_SECONDS = Map.of("3A", 18, "3B", 70, "3C", 130, "3D", 270);
    /** The heap cap of a test JVM the kit promises to stay under. */
    private static final String HEAP_CAP = "-Xmx256m";

    private PartBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> parts = args.length > 0 ? List.of(args[0].split(",")) : List.of("3A", "3B", "3C", "3D");
        List<String> modes = args.length > 1 ? List.of(args[1].split(",")) : List.of("failures");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> rows = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        for (String part : parts) {
            Map<String, List<Properties>> byMode = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String mode : modes) {
                    Properties n = runPart(part.trim(), mode.trim());
                    byMode.computeIfAbsent(mode.trim(), m -> new ArrayList<>()).add(n);
                    rows.add(row(part.trim(), n) + (modes.size() > 1 ? "  timeline=" + mode.trim() : ""));
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
        System.out.println("part  tests  failed  wall s  CPU s  heap MB  live MB      RPCs      bytes | Go wall s");
        rows.forEach(System.out::println);
        System.out.println("Go wall s: the Go lab with a good solution on 2 cores (a few CPU seconds per part).");
        System.out.println("wall s and CPU s: while the part's tests ran; CPU of the whole test JVM (peers, network, "
                + "JIT, GC).");
        System.out.println("heap MB: peak heap in use, garbage included (sampled every 50 ms); live MB: the most heap "
                + "any collection left in use.");
        if (!costs.isEmpty()) {
            System.out.println();
            System.out.println("Timeline recording on against off (means over " + rounds + " rounds, each mode's runs "
                    + "alternating; the machine's other load moves both):");
            costs.forEach(System.out::println);
            RecorderCost.main(new String[0]);
        }
    }

    private static Properties runPart(String part, String timelineMode) throws IOException, InterruptedException {
        Path result = Files.createTempFile("raftkit-benchmark-" + part, ".properties");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, HEAP_CAP, "-D" + Timelines.MODE_PROPERTY + "=" + timelineMode,
                    "-cp", System.getProperty("java.class.path"),
                    PartRun.class.getName(), part, result.toString()).inheritIO().start();
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
        String go = GO_WALL_SECONDS.containsKey(part) ? String.valueOf(GO_WALL_SECONDS.get(part)) : "-";
        if (n.isEmpty()) {
            return String.format(Locale.ROOT, "%-4s  the part's JVM failed; see its output above | %9s", part, go);
        }
        return String.format(Locale.ROOT, "%-4s  %5s  %6s  %6.1f  %5.1f  %7.0f  %7.0f  %8s  %9s | %9s", part,
                n.getProperty("tests"), n.getProperty("failed"), seconds(n, "wallNanos"), seconds(n, "cpuNanos"),
                megabytes(n, "peakHeapBytes"), megabytes(n, "peakLiveBytes"), n.getProperty("rpcs"),
                n.getProperty("bytes"), go);
    }

    private static double megabytes(Properties n, String key) {
        return Long.parseLong(n.getProperty(key)) / 1048576.0;
    }

    private static double seconds(Properties n, String key) {
        return Long.parseLong(n.getProperty(key)) / 1e9;
    }
}
