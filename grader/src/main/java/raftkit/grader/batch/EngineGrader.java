package raftkit.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import raftkit.grader.CommonOptions;
import raftkit.grader.Grading;
import raftkit.grader.UserException;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.report.Scorecard;

/**
 * Grades a compiled submission with the run engine, exactly as {@code grade} does (every run the policy asks
 * for, each test in its own JVM, the policy's pass rule), with each JVM started in the sandbox and the
 * submission's scratch folder as its working folder. Tests of one submission run one at a time: the batch runs
 * several submissions at once instead.
 */
public final class EngineGrader implements SubmissionGrader {

    private final Policy policy;
    private final List<PartPolicy> parts;
    private final CommonOptions options;
    private final Function<Path, List<Path>> classpath;
    private final Map<String, String> properties;
    private final Sandbox sandbox;

    /**
     * @param classpath  a test JVM's classpath for a submission's compiled classes
     * @param properties system properties every test JVM gets
     */
    public EngineGrader(Policy policy, List<PartPolicy> parts, CommonOptions options,
                        Function<Path, List<Path>> classpath, Map<String, String> properties, Sandbox sandbox) {
        this.policy = policy;
        this.parts = List.copyOf(parts);
        this.options = options;
        this.classpath = classpath;
        this.properties = Map.copyOf(properties);
        this.sandbox = sandbox;
    }

    @Override
    public List<PlannedTest> plan() {
        return parts.stream().flatMap(p -> p.tests().stream().map(t -> new PlannedTest(p.name(), t.name(),
                t.points()))).toList();
    }

    @Override
    public List<TestScore> grade(Prepared submission) throws IOException, InterruptedException {
        Map<String, String> childProperties = new LinkedHashMap<>(properties);
        // The sandbox leaves only the scratch folder writable, /tmp included.
        childProperties.put("java.io.tmpdir", Files.createDirectories(submission.scratch().resolve("tmp")).toString());
        TestRunner runner = new TestRunner(classpath.apply(submission.classes()), childProperties)
                .launchedBy(command -> sandbox.wrap(command, submission.scratch(), submission.tag()),
                        submission.scratch());
        Scorecard card;
        try {
            card = new Grading(policy, options, runner, submission.logs(), 1, null).grade(parts).card();
        } catch (UserException e) {
            throw new IOException(e.getMessage(), e);
        }
        return card.tests().stream().map(t -> score(t, submission.scratch())).toList();
    }

    private static TestScore score(raftkit.grader.report.TestScore t, Path scratch) {
        RunResult shown = t.firstFailure() != null ? t.firstFailure() : t.runs().isEmpty() ? null : t.runs().get(0);
        String message = shown == null || t.status() == raftkit.grader.engine.Status.PASSED ? "" : shown.note();
        String log = shown == null || shown.log() == null ? "" : relativeLog(scratch, shown.log());
        String timeline = shown == null || shown.timeline() == null ? "" : relativeLog(scratch, shown.timeline());
        double seconds = t.runs().stream().mapToDouble(RunResult::seconds).sum();
        return new TestScore(t.test().part(), t.test().name(), status(t.status()), seconds, t.earned(),
                t.test().points(), message, log, timeline);
    }

    /** The log's path inside the submission's report folder, where the batch copies the scratch {@code logs}. */
    private static String relativeLog(Path scratch, Path log) {
        Path absolute = log.toAbsolutePath().normalize();
        Path base = scratch.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? PristineKit.slashed(base.relativize(absolute)) : "";
    }

    private static TestScore.Status status(raftkit.grader.engine.Status status) {
        return switch (status) {
            case PASSED -> TestScore.Status.PASSED;
            case FAILED -> TestScore.Status.FAILED;
            case TIMED_OUT -> TestScore.Status.TIMED_OUT;
            case CRASHED -> TestScore.Status.CRASHED;
            case NOT_COMPILED -> TestScore.Status.NOT_COMPILED;
        };
    }
}
