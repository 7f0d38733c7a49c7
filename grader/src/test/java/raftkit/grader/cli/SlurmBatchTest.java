package raftkit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raftkit.grader.build.SubmissionFinder;
import raftkit.grader.fixtures.BatchFixtures;

/**
 * grader/cluster/slurm-batch on a real Slurm: the grader's fixtures as a 3-task array on part 3A, merged by the
 * dependent job, against an unsharded {@code grade batch} of the same folder run at the same time. Uses the
 * cluster SLURM_CONF names when one answers; otherwise starts grader/cluster/local-slurm (root and Debian's
 * slurm-wlm needed, else the test is skipped with the reason) and stops it after.
 */
class SlurmBatchTest {

    private static final Path CLUSTER = BatchFixtures.KIT_ROOT.resolve("grader/cluster");
    private static final List<String> BATCH_ARGS = List.of("--parts", "3A", "--timeout", "30");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void when_the_fixtures_are_graded_as_a_slurm_array_then_the_merged_report_equals_an_unsharded_batch()
            throws Exception {
        Map<String, String> slurm = cluster();
        Path grade = gradeCommand();
        try {
            long start = System.nanoTime();
            List<String> unsharded = new ArrayList<>(List.of(grade.toString(), "batch",
                    BatchFixtures.SUBMISSIONS.toString(), "--out", dir.resolve("unsharded").toString(), "--jobs", "4"));
            unsharded.addAll(BATCH_ARGS);
            Process plain = start(unsharded, Map.of(), dir.resolve("unsharded.log"));
            List<String> sharded = new ArrayList<>(List.of(CLUSTER.resolve("slurm-batch").toString(),
                    BatchFixtures.SUBMISSIONS.toString(), "--shards", "3", "--jobs", "2", "--wait", "--grade",
                    grade.toString(), "--out", dir.resolve("sharded").toString(), "--parts", "3A", "--timeout", "30"));
            Process array = start(sharded, slurm, dir.resolve("slurm.log"));
            assertEquals(0, finish(array, dir.resolve("slurm.log")), "slurm-batch, then the merge");
            long slurmSeconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(0, finish(plain, dir.resolve("unsharded.log")), "the unsharded batch");
            System.out.printf("slurm-batch with 3 shards: %d s; both done after %d s%n", slurmSeconds,
                    (System.nanoTime() - start) / 1_000_000_000L);

            Path merged = dir.resolve("sharded");
            assertEquals(table(dir.resolve("unsharded")), table(merged));
            assertEquals(statuses(dir.resolve("unsharded")), statuses(merged));
            assertEquals(SubmissionFinder.find(BatchFixtures.SUBMISSIONS).size(), statuses(merged).size());
            assertTrue(Files.isRegularFile(merged.resolve("index.html")));
            assertTrue(Files.isRegularFile(merged.resolve("correct/results.json")));
            for (int k = 0; k < 3; k++) {
                assertTrue(Files.isRegularFile(merged.resolve(".batch/shard-" + k + "-of-3.json")), "shard " + k);
                assertTrue(Files.readString(merged.resolve(".slurm/shard-" + k + ".log")).contains("shard " + k + "/3"));
            }
        } finally {
            if (slurm.containsKey("RAFTKIT_SLURM_DIR")) {
                run(List.of(CLUSTER.resolve("local-slurm").toString(), "stop"), slurm, dir.resolve("stop.log"));
            }
        }
    }

    /** The environment that points Slurm's commands at a running cluster, starting the local one if need be. */
    private Map<String, String> cluster() throws Exception {
        String given = System.getenv("SLURM_CONF");
        if (given != null && onPath("sinfo") && run(List.of("sinfo", "-h"), Map.of(), dir.resolve("sinfo.log")) == 0) {
            return Map.of("SLURM_CONF", given);
        }
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Slurm runs on Linux only");
        assumeTrue(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim()
                .equals("0"), "starting a local Slurm needs root");
        for (String tool : List.of("munged", "slurmctld", "slurmd", "sbatch", "sinfo")) {
            assumeTrue(onPath(tool), tool + " not found; install Debian's slurm-wlm to run this test");
        }
        Path state = Files.createTempDirectory("raftkit-slurm");
        int port = freePortPair();
        Map<String, String> env = Map.of("RAFTKIT_SLURM_DIR", state.toString(), "RAFTKIT_SLURM_PORT",
                Integer.toString(port), "SLURM_CONF", state.resolve("slurm.conf").toString());
        int started = run(List.of(CLUSTER.resolve("local-slurm").toString(), "start"), env, dir.resolve("start.log"));
        assertEquals(0, started, "local-slurm start: " + Files.readString(dir.resolve("start.log")));
        return env;
    }

    /** A grader command for the jobs: this build's grader, run as grader/grade runs it, without its build check. */
    private Path gradeCommand() throws IOException {
        Path module = BatchFixtures.KIT_ROOT.resolve("grader");
        String classpath = module.resolve("target/classes") + File.pathSeparator
                + Files.readString(module.resolve("target/grader-classpath.txt")).trim();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path script = dir.resolve("grade");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -Draftkit.home='" + BatchFixtures.KIT_ROOT
                + "' -cp '" + classpath + "' raftkit.grader.Main \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The CSV without its notes column: names, outcomes and every score. */
    private static List<String> table(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report.resolve("results.csv"));
        int columns = lines.get(0).split(",").length;
        return lines.stream().map(l -> String.join(",", Arrays.asList(l.split(",", columns)).subList(0, columns - 1)))
                .toList();
    }

    /**
     * Each submission's outcome and each test's status, from the JSON report. The thread bomb's JVM either hangs
     * until the tester's limit or dies of it, so from one run to the next its tests may be timed out or crashed:
     * for it both read as one status (its points, compared through the CSV, are 0 either way).
     */
    private static List<String> statuses(Path report) throws IOException {
        List<String> rows = new ArrayList<>();
        for (JsonNode s : JSON.readTree(report.resolve("results.json").toFile()).get("submissions")) {
            String name = s.get("name").asText();
            StringBuilder row = new StringBuilder(name + " " + s.get("outcome").asText());
            s.get("tests").forEach(t -> {
                String status = t.get("status").asText();
                boolean stopped = status.equals("TIMED_OUT") || status.equals("CRASHED");
                row.append(' ').append(t.get("name").asText()).append('=')
                        .append(name.equals("thread-bomb") && stopped ? "TIMED_OUT or CRASHED" : status);
            });
            rows.add(row.toString());
        }
        return rows;
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int finish(Process p, Path log) throws Exception {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        int code = p.waitFor();
        if (code != 0) {
            System.out.println(Files.readString(log));
        }
        return code;
    }

    private static int run(List<String> command, Map<String, String> env, Path log) throws Exception {
        return finish(start(command, env, log), log);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** A port whose next one is free too: slurmctld takes one, slurmd the next. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (ServerSocket second = new ServerSocket(port + 1)) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
        throw new IOException("no two adjacent free ports for the local Slurm");
    }
}
