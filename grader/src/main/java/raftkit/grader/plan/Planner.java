package raftkit.grader.plan;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import raftkit.tester.PeerMode;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.PolicyException;
import raftkit.grader.policy.PolicyLoader;
import raftkit.grader.policy.TestPolicy;

/**
 * Turns what a user asked for and the policy into a {@link Plan}, checking the request on the way: an unknown
 * part or test, a limit or job count out of range, or a bad policy file is a {@link UserException}, before
 * anything runs. Each setting is taken from the command line, then from its {@code raftkit.*} property
 * ({@link Settings}), then from the policy or the command's default.
 */
public final class Planner {

    private Planner() {
    }

    /** The policy file: --policy, then -Draftkit.policy, then the kit's own. */
    public static Policy policy(PlanOptions options) throws UserException {
        try {
            return PolicyLoader.load(options.policy() != null ? options.policy() : Settings.policy());
        } catch (PolicyException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * Every test of the named parts (all parts when none are named; a name may list several, {@code 3A,3B}).
     *
     * @param defaultOut the output folder when none was given
     */
    public static Plan parts(PlanOptions options, Policy policy, List<String> names, int defaultJobs,
                             Path defaultOut) throws UserException {
        List<PartPolicy> parts = new ArrayList<>();
        for (String name : names) {
            for (String one : name.split(",")) {
                parts.add(policy.part(one.trim()).orElseThrow(() -> new UserException(
                        "unknown part '" + one.trim() + "'; the parts are " + policy.partNames())));
            }
        }
        List<PartPolicy> chosen = parts.isEmpty() ? policy.parts() : parts.stream().distinct().toList();
        return plan(options, policy, chosen.stream().flatMap(p -> p.tests().stream()).toList(), defaultJobs,
                defaultOut);
    }

    /** The named tests, in either spelling or without {@code Test}, and every test of each named part. */
    public static Plan tests(PlanOptions options, Policy policy, List<String> targets, int defaultJobs,
                             Path defaultOut) throws UserException {
        Set<TestPolicy> tests = new LinkedHashSet<>();
        for (String target : targets) {
            var part = policy.part(target);
            var test = policy.test(target).or(() -> policy.test("Test" + target));
            if (part.isPresent()) {
                tests.addAll(part.get().tests());
            } else if (test.isPresent()) {
                tests.add(test.get());
            } else {
                throw new UserException("unknown test or part '" + target + "'; parts are " + policy.partNames()
                        + ", tests are named like " + policy.parts().get(0).tests().get(0).name());
            }
        }
        return plan(options, policy, List.copyOf(tests), defaultJobs, defaultOut);
    }

    /** A fresh time-stamped folder for a command's logs, under the kit's {@code grader/target/runs}. */
    public static Path stampedOut(String command) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Settings.home().resolve("grader/target/runs").resolve(command + "-" + stamp);
    }

    private static Plan plan(PlanOptions options, Policy policy, List<TestPolicy> tests, int defaultJobs,
                             Path defaultOut) throws UserException {
        Map<String, Double> limits = new LinkedHashMap<>();
        for (TestPolicy test : tests) {
            limits.put(test.name(), limitSeconds(options, test));
        }
        Set<String> partNames = new LinkedHashSet<>();
        tests.forEach(t -> partNames.add(t.part()));
        List<PartPolicy> parts = policy.parts().stream().filter(p -> partNames.contains(p.name())).toList();
        Map<String, String> properties = new LinkedHashMap<>(Settings.childProperties());
        if (options.seed() != null) {
            properties.put(Settings.SEED, options.seed());
        }
        int jobs = options.jobs() != null ? options.jobs() : Settings.jobs().orElse(defaultJobs);
        if (jobs < 1) {
            throw new UserException("--jobs must be at least 1, not " + jobs);
        }
        Path out = options.out() != null ? options.out().toAbsolutePath() : defaultOut;
        PeerMode peers = options.peers() != null ? options.peers() : Settings.peers();
        return new Plan(policy, parts, tests, limits, Settings.heap().orElse(policy.heap()), Settings.outputCap(),
                properties, jobs, out, peers);
    }

    /** A test's time limit: --timeout, then -Draftkit.timeout, then the policy. */
    private static double limitSeconds(PlanOptions options, TestPolicy test) throws UserException {
        double limit = options.timeout() != null ? options.timeout()
                : Settings.timeout().orElse(test.limitSeconds());
        if (limit <= 0) {
            throw new UserException("--timeout must be a positive number of seconds, not " + limit);
        }
        return limit;
    }
}
