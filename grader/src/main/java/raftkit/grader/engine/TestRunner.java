package raftkit.grader.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

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
    /** The parent kills the child this long after the watchdog should have: JVM start-up plus a thread dump. */
    static final double KILL_MARGIN_SECONDS = 15;

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
        ChildRequest request = new ChildRequest(results, spec.limitSeconds(),
                spec.packageName(), spec.tags(), spec.tests());
        List<String> command = wrapper.apply(command(spec, request));
        ChildOutcome outcome = ChildJvm.run(command, workDir, wallCap(spec), spec.outputCap(), log, live);
        return Reconciler.reconcile(Reconciler.read(results), spec.tests(), outcome, log, spec.outputCap());
    }

    private List<String> command(RunSpec spec, ChildRequest request) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.heap());
        // One GC thread and no perf data: cheaper start-up and less noise next to tests that mostly wait.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        // The tester's own limit (raftkit.timeout) follows the policy, so its thread dump comes before ours.
        command.add("-Draftkit.timeout=" + java.math.BigDecimal.valueOf(spec.limitSeconds()).stripTrailingZeros()
                .toPlainString());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        command.add(ChildMain.class.getName());
        command.addAll(request.toArgs());
        return command;
    }

    private static Duration wallCap(RunSpec spec) {
        int tests = Math.max(1, spec.tests().size());
        double seconds = tests * (spec.limitSeconds() + WATCHDOG_GRACE_SECONDS) + KILL_MARGIN_SECONDS;
        if (spec.tests().isEmpty()) {
            // A whole part by tag: the count is unknown here, and the child's watchdog bounds each test anyway.
            seconds = 50 * (spec.limitSeconds() + WATCHDOG_GRACE_SECONDS) + KILL_MARGIN_SECONDS;
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
