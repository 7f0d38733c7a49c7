package raftkit.grader.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import raftkit.tester.TestJvmOptions;

/**
 * The run engine: runs a {@link RunSpec} in a fresh child JVM and reports one {@link RunResult} per test. This is
 * the one entry point commands use; they never start processes or touch the launcher themselves.
 *
 * <p>Thread-safe: {@code repeat} and {@code batch} call {@link #run} from several threads, each with its own
 * {@code dir}.
 */
public final class TestRunner {

    /** Covers the child watchdog's own grace after a test's limit. */
    static final double WATCHDOG_GRACE_SECONDS = 2;
    /** The parent kills the child this long after the watchdog should have fired: time for a thread dump. */
    static final double KILL_MARGIN_SECONDS = 15;
    /** Extra time before the first test starts: JVM start-up and discovery, slow on a loaded machine. */
    static final double STARTUP_SECONDS = 60;

    private final List<Path> classpath;
    private final Map<String, String> properties;
    private final UnaryOperator<List<String>> wrapper;
    private final Path workDir;

    /**
     * @param classpath  the child's classpath: the tests, this grader's classes, the code under test and JUnit
     * @param properties system properties passed to every child (e.g. {@code raftkit.seed})
     */
    public TestRunner(List<Path> classpath, Map<String, String> properties) {
        this(classpath, properties, UnaryOperator.identity(), null);
    }

    private TestRunner(List<Path> classpath, Map<String, String> properties, UnaryOperator<List<String>> wrapper,
                       Path workDir) {
        this.classpath = List.copyOf(classpath);
        this.properties = Map.copyOf(properties);
        this.wrapper = wrapper;
        this.workDir = workDir;
    }

    /**
     * The same runner with every child command passed through {@code wrapper} (e.g. a sandbox that prefixes
     * {@code bwrap ... --}) and started in {@code workDir}. The wrapped process's whole tree is still killed on
     * timeout, and the results file must be writable inside the wrapper (it lives in the spec's {@code dir}).
     */
    public TestRunner launchedBy(UnaryOperator<List<String>> wrapper, Path workDir) {
        return new TestRunner(classpath, properties, wrapper, workDir);
    }

    /**
     * Runs the spec's tests in one child and waits for it.
     *
     * @param live where the child's output is echoed as it runs (the Go-style lines), or null
     */
    public RunReport run(RunSpec spec, Writer live) throws IOException, InterruptedException {
        Files.createDirectories(spec.dir());
        Path results = spec.dir().resolve("results.jsonl");
        Path log = spec.dir().resolve("output.log");
        Files.deleteIfExists(results);
        ChildRequest request = new ChildRequest(results, spec.limitSeconds(), spec.outputCap(),
                spec.packageName(), spec.tags(), spec.tests());
        List<String> command = wrapper.apply(command(spec, request));
        ChildOutcome outcome = ChildJvm.run(command, workDir, new ProgressDeadline(results, spec.limitSeconds()),
                spec.outputCap(), log, live);
        return Reconciler.reconcile(Reconciler.read(results), spec.tests(), outcome, log, spec.outputCap());
    }

    private List<String> command(RunSpec spec, ChildRequest request) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.heap());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        // The tester's own limit (raftkit.timeout) follows the policy, so its thread dump comes before ours.
        command.add("-Draftkit.timeout=" + java.math.BigDecimal.valueOf(spec.limitSeconds()).stripTrailingZeros()
                .toPlainString());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(TestJvmOptions.withClasspath(classpath, classArchiveDir()));
        command.add(ChildMain.class.getName());
        command.addAll(request.toArgs());
        return command;
    }

    /** Where test JVMs' class archive is kept: the kit's grader build output, when the kit's home is known. */
    private static Path classArchiveDir() {
        String home = System.getProperty("raftkit.home");
        return home == null ? null : Path.of(home, "grader", "target", "class-archive");
    }

    /**
     * The parent's cap: a test's limit plus margins, counted from the last line the child wrote to its results
     * file. A child that keeps starting and finishing tests is alive; one silent past a test's limit is stuck.
     */
    private static final class ProgressDeadline implements ChildJvm.Deadline {
        private final Path results;
        private final long windowNanos;
        private long lastSize;
        private long lastProgress;

        ProgressDeadline(Path results, double limitSeconds) {
            this.results = results;
            this.windowNanos = (long) ((limitSeconds + WATCHDOG_GRACE_SECONDS + KILL_MARGIN_SECONDS) * 1e9);
            this.lastProgress = System.nanoTime() + (long) (STARTUP_SECONDS * 1e9);
        }

        @Override
        public long nanos() {
            try {
                long size = Files.exists(results) ? Files.size(results) : 0;
                if (size != lastSize) {
                    lastSize = size;
                    lastProgress = Math.max(lastProgress, System.nanoTime());
                }
            } catch (IOException e) {
                // The file is being replaced or removed; keep the last deadline.
            }
            return lastProgress + windowNanos;
        }
    }
}
