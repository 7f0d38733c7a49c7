package raftkit.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import raftkit.grader.build.AtomicFiles;
import raftkit.grader.build.Shard;
import raftkit.grader.plan.PlannedTest;

/**
 * What a batch run (one shard, or the whole class) set out to grade, written into its report folder before it
 * grades anything: {@code .batch/shard-K-of-N.json}. Each shard has a file of its own, so shards sharing a
 * report folder never write the same file; the merge reads them to learn the columns and which submissions it
 * should find, and a shard without its file never started.
 *
 * @param index       the shard's number, from 0
 * @param count       how many shards the class was cut into
 * @param plan        the graded tests: the report's columns
 * @param sandbox     the sandbox line of that run
 * @param submissions the names this shard owns, in the submissions folder's order
 */
public record ShardManifest(int index, int count, List<PlannedTest> plan, String sandbox, List<String> submissions) {

    public static final String FOLDER = ".batch";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ShardManifest {
        plan = List.copyOf(plan);
        submissions = List.copyOf(submissions);
    }

    public Shard shard() {
        return new Shard(index, count);
    }

    static Path file(Path reportDir, Shard shard) {
        return reportDir.resolve(FOLDER).resolve("shard-" + shard.index() + "-of-" + shard.count() + ".json");
    }

    public void write(Path reportDir) throws IOException {
        AtomicFiles.write(file(reportDir, shard()), JSON.writeValueAsBytes(this));
    }

    /** Every manifest in {@code reportDir}, by file name; a file that does not parse is an error. */
    static List<ShardManifest> readAll(Path reportDir) throws IOException {
        Path folder = reportDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json")).sorted()
                    .toList();
        }
        List<ShardManifest> manifests = new ArrayList<>();
        for (Path f : files) {
            try {
                manifests.add(JSON.readValue(f.toFile(), ShardManifest.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException("cannot read the shard file " + f + ": " + e.getMessage(), e);
            }
        }
        return manifests;
    }
}
