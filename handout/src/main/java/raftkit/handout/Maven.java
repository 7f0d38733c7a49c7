package raftkit.handout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven in a kit folder, its output going to a log file. A run is tried offline first (fast, and enough once
 * the dependencies are in the local repository) and again online only if offline mode was what stopped it, so a
 * fresh machine still works and a real failure is not run twice. Also runs the kit's own grader, which builds with
 * Maven itself (offline: by then the kit has compiled, so its dependencies are local).
 */
final class Maven {

    /** One finished run: how it ended, how long it took, and where its output is. */
    record Run(String command, int exitCode, boolean timedOut, Duration time, Path log) {
        boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last lines of the log, to show why a run failed. */
        List<String> tail(int lines) throws IOException {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
    }

    private static final String EXECUTABLE =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "mvn.cmd" : "mvn";

    private final Path dir;
    private final Path logs;
    private int runs;

    Maven(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
    }

    /**
     * Runs {@code mvn -B <args>} offline, and again online if the offline run failed for want of something not yet
     * in the local repository; each attempt is stopped after {@code limit}.
     */
    Run run(Duration limit, String... args) throws IOException, InterruptedException {
        Run offline = once(limit, true, args);
        return offline.ok() || offline.timedOut() || !needsNetwork(offline) ? offline : once(limit, false, args);
    }

    /** Maven's words when offline mode stopped it ("Cannot access central ... in offline mode"). */
    private static boolean needsNetwork(Run run) throws IOException {
        String log = Files.readString(run.log(), StandardCharsets.UTF_8);
        return log.contains("offline mode") || log.contains("has not been downloaded from it before");
    }

    /** Runs {@code command} (the kit's grader) in the kit, stopped after {@code limit}; Maven inside it is offline. */
    Run grader(Duration limit, List<String> command) throws IOException, InterruptedException {
        return exec(limit, command, "grade-");
    }

    private Run once(Duration limit, boolean offline, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE, "-B"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of(args));
        return exec(limit, command, "mvn-");
    }

    private Run exec(Duration limit, List<String> command, String logPrefix) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve(logPrefix + (++runs) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("RAFTKIT_MVN_ARGS", "-o");
        Process process = builder.start();
        long start = System.nanoTime();
        // If the build itself is stopped, do not leave Maven and its test JVMs running.
        Thread onExit = new Thread(() -> killTree(process), "handout-maven-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        boolean finished;
        try {
            finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
        if (!finished) {
            killTree(process);
            process.waitFor();
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        return new Run(String.join(" ", command), finished ? process.exitValue() : -1, !finished, time, log);
    }

    /** Surefire and the grader fork test JVMs: end the whole tree, not just Maven. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
