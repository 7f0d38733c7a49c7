package raftkit.grader.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import raftkit.grader.engine.Kit;
import raftkit.grader.plan.PlanOptions;
import raftkit.grader.plan.Settings;
import raftkit.tester.PeerMode;

/** The options every command shares; {@link #toPlanOptions()} hands them on as plain values. */
public final class CommonOptions {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Grading policy (default: grader/policy.toml, or -Draftkit.policy).")
    Path policy;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time limit of each test run, instead of the policy's (120 s, as in Go).")
    Double timeout;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where runs' logs and reports go (default: grader/target/runs/<command>-<time>; "
                    + "for batch, SUBMISSIONS_DIR-report).")
    Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "Network seed for every run, to replay a failure's network choices.")
    String seed;

    @Option(names = {"-p", "--jobs"}, paramLabel = "P",
            description = "Test JVMs run at once (default: 1 for grade; see repeat's help for repeat's); for "
                    + "batch, submissions graded at once (default: 10 per core, fewer where memory is short).")
    Integer jobs;

    @Option(names = "--peers", paramLabel = "MODE", converter = PeerModeConverter.class,
            description = "Where the student's peers run: isolated (default: in a process of their own, so nothing "
                    + "they do can reach the tester) or inprocess (in the test JVM, as mvn test and an IDE run them).")
    PeerMode peers;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of the grader's own errors.")
    boolean verbose;

    public PlanOptions toPlanOptions() {
        return new PlanOptions(policy, timeout, out, seed, jobs, peers);
    }

    /** Reads {@code isolated} or {@code inprocess} as the tester spells them. */
    static final class PeerModeConverter implements ITypeConverter<PeerMode> {
        @Override
        public PeerMode convert(String value) {
            try {
                return PeerMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected isolated or inprocess, not '"
                        + value + "'");
            }
        }
    }

    public Kit kit() {
        return new Kit(Settings.home());
    }
}
