package raftkit.grader.mutants;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code grader/bench/mutants}: grades every mutant (or those named) a number of times over the chosen parts and
 * prints, per mutant and part, in how many runs some test of the part failed.
 */
public final class MutantBench {

    private MutantBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 1;
        int jobs = 1;
        List<String> parts = List.of("3A", "3B", "3C", "3D", "3X");
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs", "-n" -> runs = Integer.parseInt(args[++i]);
                case "--jobs", "-p" -> jobs = Integer.parseInt(args[++i]);
                case "--parts" -> parts = Arrays.asList(args[++i].split(","));
                default -> only.add(args[i]);
            }
        }
        Path root = Path.of(System.getProperty("raftkit.home", ".")).toAbsolutePath().normalize();
        List<Mutant> mutants = Mutant.loadAll(root.resolve("grader").resolve(Mutant.FOLDER));
        if (!only.isEmpty()) {
            mutants = mutants.stream().filter(m -> only.contains(m.name())).toList();
        }
        Path work = Files.createTempDirectory("raftkit-mutants");
        System.out.printf("grading %d mutants x %d runs over %s, %d at a time (work: %s)%n",
                mutants.size(), runs, String.join(",", parts), jobs, work);
        Map<Mutant, List<Future<MutantRun>>> pending = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            for (Mutant m : mutants) {
                List<Future<MutantRun>> futures = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    Path dir = work.resolve(m.name()).resolve("run-" + r);
                    List<String> graded = parts;
                    futures.add(pool.submit(() -> MutantRun.grade(root, m, graded, dir)));
                }
                pending.put(m, futures);
            }
            print(System.out, pending, parts, runs);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void print(PrintStream out, Map<Mutant, List<Future<MutantRun>>> pending, List<String> parts,
            int runs) throws Exception {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-26s", "mutant"));
        parts.forEach(p -> header.append(String.format(Locale.ROOT, "  %-7s", p)));
        out.println(header.append("  a test that caught it"));
        for (Map.Entry<Mutant, List<Future<MutantRun>>> entry : pending.entrySet()) {
            List<MutantRun> done = new ArrayList<>();
            for (Future<MutantRun> f : entry.getValue()) {
                done.add(f.get());
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s", entry.getKey().name()));
            String example = "";
            for (String part : parts) {
                long caught = done.stream().filter(r -> r.caughtBy(part)).count();
                line.append(String.format(Locale.ROOT, "  %-7s", caught + "/" + runs));
                if (example.isEmpty() && caught > 0) {
                    example = done.stream().filter(r -> r.caughtBy(part)).findFirst().orElseThrow()
                            .failed().get(part).get(0);
                }
            }
            out.println(line.append("  ").append(example.isEmpty() ? "NOT CAUGHT" : example));
            out.flush();
        }
    }
}
