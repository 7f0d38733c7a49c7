package raftkit.grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import raftkit.grader.build.Scratch;
import raftkit.grader.build.Shard;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.score.SubmissionResult;

/**
 * Rebuilds the class reports from the per-submission results of every shard: the report folders the shards
 * wrote into (one shared folder, or one each), read through their {@link ShardManifest}s. It names each
 * submission that has no result (and the shard that should have graded it), each shard that never started,
 * and each submission graded more than once, keeping the result that finished last. The merged reports are
 * those one unsharded batch would have written: the same rows, in the same order, from the same results.
 */
public final class ShardMerge {

    /** A submission with results in more than one report folder, and the folder whose result was kept. */
    public record Duplicate(String name, List<Path> folders, Path kept, String finished) {
    }

    /**
     * What a merge found and wrote.
     *
     * @param report     what the class reports show
     * @param missing    submissions with no result, each with the shard(s) that owned it
     * @param duplicates submissions graded more than once
     * @param unstarted  shards that left no manifest: their submissions may be missing from every list
     * @param problems   results left out because they belong to no submission of the class
     */
    public record Summary(BatchReport report, List<String> missing, List<Duplicate> duplicates,
                          List<String> unstarted, List<String> problems) {

        /** Every submission has a result and every shard ran. */
        public boolean complete() {
            return missing.isEmpty() && unstarted.isEmpty();
        }
    }

    private record Found(SubmissionResult result, Path folder) {
    }

    private ShardMerge() {
    }

    /**
     * Merges {@code reportDirs} into {@code out} (which may be one of them): copies each kept submission folder
     * that lies elsewhere into {@code out}, then writes results.csv, results.json and index.html there.
     *
     * @param expected the class's submission names in report order, or empty to take them from the manifests
     * @throws IllegalArgumentException when a folder is not a batch report or the shards graded different tests
     */
    public static Summary merge(List<Path> reportDirs, Optional<List<String>> expected, Path out)
            throws IOException {
        Map<Path, List<ShardManifest>> manifests = manifests(reportDirs);
        List<ShardManifest> all = manifests.values().stream().flatMap(List::stream).toList();
        List<PlannedTest> plan = samePlan(manifests);
        List<String> names = expected.orElseGet(() -> new ArrayList<>(new TreeSet<>(
                all.stream().flatMap(m -> m.submissions().stream()).toList())));
        Map<String, List<Found>> results = results(reportDirs);
        Set<Integer> counts = new TreeSet<>(all.stream().map(ShardManifest::count).toList());

        List<SubmissionResult> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (String name : names) {
            List<Found> found = results.getOrDefault(name, List.of());
            if (found.isEmpty()) {
                missing.add(name + " (shard " + owners(name, counts) + ")");
                continue;
            }
            Found chosen = latest(found);
            if (found.size() > 1) {
                duplicates.add(new Duplicate(name, found.stream().map(Found::folder).toList(), chosen.folder(),
                        chosen.result().finished()));
            }
            copyInto(out, name, chosen.folder());
            kept.add(chosen.result());
        }
        Set<String> known = new LinkedHashSet<>(names);
        List<String> leftOut = results.keySet().stream().filter(n -> !known.contains(n)).map(n -> "a result for " + n
                + " was left out: it is not one of the class's submissions").toList();
        String sandbox = String.join(" / ", new LinkedHashSet<>(all.stream().map(ShardManifest::sandbox).toList()));
        BatchReport report = ClassReports.write(out, plan, kept, sandbox);
        return new Summary(report, missing, duplicates, unstartedShards(all), leftOut);
    }

    private static Map<Path, List<ShardManifest>> manifests(List<Path> reportDirs) throws IOException {
        Map<Path, List<ShardManifest>> manifests = new LinkedHashMap<>();
        for (Path dir : reportDirs) {
            List<ShardManifest> found = ShardManifest.readAll(dir);
            if (found.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds no " + ShardManifest.FOLDER
                        + "/shard-K-of-N.json, so it is not the report folder of a batch run");
            }
            manifests.put(dir, found);
        }
        return manifests;
    }

    private static List<PlannedTest> samePlan(Map<Path, List<ShardManifest>> manifests) {
        List<PlannedTest> plan = null;
        Path first = null;
        for (Map.Entry<Path, List<ShardManifest>> e : manifests.entrySet()) {
            for (ShardManifest m : e.getValue()) {
                if (plan == null) {
                    plan = m.plan();
                    first = e.getKey();
                } else if (!plan.equals(m.plan())) {
                    throw new IllegalArgumentException("shard " + m.shard() + " in " + e.getKey()
                            + " graded other tests than the shards in " + first + " (different --parts or policy)"
                            + "; merge only runs of the same grading");
                }
            }
        }
        return plan;
    }

    /** For each cut of the class (a shard count), the shards without a manifest. */
    private static List<String> unstartedShards(List<ShardManifest> all) {
        Map<Integer, Set<Integer>> started = new TreeMap<>();
        all.forEach(m -> started.computeIfAbsent(m.count(), c -> new TreeSet<>()).add(m.index()));
        List<String> problems = new ArrayList<>();
        started.forEach((count, indices) -> {
            for (int k = 0; k < count; k++) {
                if (!indices.contains(k)) {
                    problems.add("shard " + new Shard(k, count) + " never started (no " + ShardManifest.FOLDER
                            + "/shard-" + k + "-of-" + count + ".json in any report folder)");
                }
            }
        });
        return problems;
    }

    /** Every stored result in the folders, by submission name, in the order the folders were given. */
    private static Map<String, List<Found>> results(List<Path> reportDirs) throws IOException {
        Map<String, List<Found>> results = new TreeMap<>();
        for (Path dir : reportDirs) {
            ResultStore store = new ResultStore(dir);
            List<Path> folders;
            try (Stream<Path> listing = Files.list(dir)) {
                folders = listing.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                store.load(name).filter(r -> r.name().equals(name)).ifPresent(r ->
                        results.computeIfAbsent(name, n -> new ArrayList<>()).add(new Found(r, dir)));
            }
        }
        return results;
    }

    /** The result that finished last (a rerun supersedes); on a tie the folder given first. */
    private static Found latest(List<Found> found) {
        return found.stream().max(Comparator.comparing((Found f) -> Instant.parse(f.result().finished()))
                .thenComparing(f -> -found.indexOf(f))).orElseThrow();
    }

    private static String owners(String name, Set<Integer> counts) {
        return String.join(" or ", counts.stream().map(c -> Shard.of(name, c).toString()).toList());
    }

    /**
     * Puts the kept folder of {@code name} into {@code out}, replacing what was there; its result file goes last,
     * so a merge stopped part way leaves no folder that looks finished but is not.
     */
    private static void copyInto(Path out, String name, Path from) throws IOException {
        if (from.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            return;
        }
        Path source = from.resolve(name);
        Path target = Scratch.fresh(out.resolve(name));
        Path result = source.resolve(ResultStore.RESULT_FILE);
        try (Stream<Path> walk = Files.walk(source)) {
            List<Path> files = new ArrayList<>(walk.filter(p -> !p.equals(result)).toList());
            files.add(result);
            for (Path p : files) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, to);
                }
            }
        }
    }
}
