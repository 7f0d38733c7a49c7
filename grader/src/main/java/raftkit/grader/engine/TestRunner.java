package raftkit.grader.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import raftkit.tester.PeerMode;
import raftkit.tester.TestJvmOptions;

/**
 * The run engine: runs a {@link RunSpec} in a fresh child JVM and reports one {@link RunResult} per test. This is
 * the one entry point commands use; they never start processes or touch the launcher themselves.
 *
 * <p>Thread-safe: {@code repeat} and {@code batch} call {@link #run} from several threads, each with its own
 * {@code dir}.
 */
public final class TestRunner {

    /** The system property the tester reads its time limit from (the tester's {@code TimeLimit}). */
    static final String LIMIT_PROPERTY = "raftkit.timeout";
    /**
     * The backstop's grace past a test's limit: time for the tester to dump every thread, close the test's configs
     * (each kill() and the leak check take up to 2 s) and abandon the body, on a loaded machine. Only a child too
     * sick to do that (a thread bomb, a JVM that stopped) is killed.
     */
    static final double BACKSTOP_GRACE_SECONDS = 20;
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
     * A runner of the graded tests on {@code studentClasses} (null: the working tree's), with the peers run as
     * {@code peers} says: isolated, the test JVM gets the kit's API only, and the tester learns where the student's
     * classes are to give them to its peer host.
     */
    public static TestRunner forStudent(Kit kit, Path studentClasses, PeerMode peers, Map<String, String> properties)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put(PeerMode.PROPERTY, peers.word());
        if (peers == PeerMode.ISOLATED) {
            all.put(PeerMode.CLASSES_PROPERTY, kit.studentClasses(studentClasses).toAbsolutePath().toString());
        }
        return new TestRunner(kit.childClasspath(studentClasses, peers), all);
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
        ChildRequest request = new ChildRequest(results, spec.outputCap(), spec.classes(), spec.tags(),
                spec.tests());
        List<String> command = wrapper.apply(command(spec, request));
        ChildOutcome outcome = ChildJvm.run(command, workDir, new ProgressDeadline(results, spec.limitSeconds()),
                spec.outputCap(), log, live);
        return Reconciler.reconcile(Reconciler.read(results), spec.tests(), outcome, log, spec.outputCap());
    }

    /** The child's command line: the JVM's caps, the tester's time limit, the classpath and the request. */
    List<String> command(RunSpec spec, ChildRequest request) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.heap());
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add(limitProperty(spec.limitSeconds()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(TestJvmOptions.withClasspath(classpath, classArchiveDir()));
        command.add(ChildMain.class.getName());
        command.addAll(request.toArgs());
        return command;
    }

    /** The one setting of the tester's clock: {@code -Draftkit.timeout=} the policy's limit, e.g. {@code 200}. */
    static String limitProperty(double limitSeconds) {
        return "-D" + LIMIT_PROPERTY + "=" + BigDecimal.valueOf(limitSeconds).stripTrailingZeros().toPlainString();
    }

    /** How long the parent lets a child stay silent, past the time it last wrote a result, before killing it. */
    static double backstopSeconds(double limitSeconds) {
        return limitSeconds + BACKSTOP_GRACE_SECONDS;
    }

    /** Where test JVMs' class archive is kept: the kit's grader build output, when the kit's home is known. */
    private static Path classArchiveDir() {
        String home = System.getProperty(Kit.HOME_PROPERTY);
        return home == null ? null : Path.of(home, "grader", "target", "class-archive");
    }

    /**
     * The parent's backstop, the one clock besides the tester's: a test's limit plus a fixed grace, counted from the
     * last line the child wrote to its results file. A child that keeps starting and finishing tests is alive; one
     * silent past a test's limit and the grace is stuck.
     */
    private static final class ProgressDeadline implements ChildJvm.Deadline {
        private final Path results;
        private final long windowNanos;
        private long lastSize;
        private long lastProgress;

        ProgressDeadline(Path results, double limitSeconds) {
            this.results = results;
            this.windowNanos = (long) (backstopSeconds(limitSeconds) * 1e9);
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
