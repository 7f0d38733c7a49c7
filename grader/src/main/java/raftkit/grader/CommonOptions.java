package raftkit.grader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import picocli.CommandLine.Option;
import raftkit.grader.engine.Kit;
import raftkit.grader.engine.TestRunner;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.PolicyException;
import raftkit.grader.policy.PolicyLoader;
import raftkit.grader.policy.TestPolicy;

/** The options every command shares, with their defaults from {@link Settings}. */
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
                    + "batch, submissions graded at once (default: 4 per core).")
    Integer jobs;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of the grader's own errors.")
    boolean verbose;

    public Kit kit() {
        return new Kit(Settings.home());
    }

    public Policy loadPolicy() throws UserException {
        try {
            return PolicyLoader.load(policy != null ? policy : Settings.policy());
        } catch (PolicyException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** A test's time limit: --timeout, then -Draftkit.timeout, then the policy. */
    public double limitSeconds(TestPolicy test) throws UserException {
        double limit = timeout != null ? timeout : Settings.timeout().orElse(test.limitSeconds());
        if (limit <= 0) {
            throw new UserException("--timeout must be a positive number of seconds, not " + limit);
        }
        return limit;
    }

    public String heap(Policy p) {
        return Settings.heap().orElse(p.heap());
    }

    /** The output folder: --out, or a fresh time-stamped folder for this command. */
    public Path outDir(String command) {
        if (out != null) {
            return out.toAbsolutePath();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Settings.home().resolve("grader/target/runs").resolve(command + "-" + stamp);
    }

    /** The engine for this kit, testing {@code studentClasses} (null: the working tree's compiled Raft). */
    public TestRunner runner(Path studentClasses) throws IOException {
        Map<String, String> properties = new java.util.LinkedHashMap<>(Settings.childProperties());
        if (seed != null) {
            properties.put("raftkit.seed", seed);
        }
        return new TestRunner(kit().childClasspath(studentClasses), properties);
    }

    /** --jobs, then -Draftkit.jobs, then the command's own default. */
    public int jobs(int fallback) throws UserException {
        int n = jobs != null ? jobs : Settings.jobs().orElse(fallback);
        if (n < 1) {
            throw new UserException("--jobs must be at least 1, not " + n);
        }
        return n;
    }

    boolean verbose() {
        return verbose || Settings.verbose();
    }
}
