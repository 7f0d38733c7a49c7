package raftkit.grader.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import raftkit.tester.PeerMode;
import raftkit.grader.engine.RunSpec;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.TestPolicy;

/**
 * What one command will run, fixed before anything runs: the policy's chosen parts and tests, each test's time
 * limit, the caps of a test JVM, the properties every test JVM gets, how many run at once and where the output
 * goes. Made by {@link Planner}; immutable.
 *
 * @param policy          the policy it was planned from
 * @param parts           the chosen parts, in policy order (for {@code repeat}, the parts of the chosen tests)
 * @param tests           the chosen tests, in policy order
 * @param limits          each chosen test's time limit in seconds, by name
 * @param heap            a test JVM's {@code -Xmx}
 * @param outputCap       characters of a test JVM's output kept
 * @param childProperties system properties every test JVM gets (the seed, when one is set)
 * @param jobs            how many run at once
 * @param out             where logs and reports go
 * @param peers           where the student's peers run: isolated in a peer host (the grader's default), or in the
 *                        test JVM; {@code childProperties} carries it to the tester
 */
public record Plan(Policy policy, List<PartPolicy> parts, List<TestPolicy> tests, Map<String, Double> limits,
                   String heap, long outputCap, Map<String, String> childProperties, int jobs, Path out,
                   PeerMode peers) {

    public Plan {
        parts = List.copyOf(parts);
        tests = List.copyOf(tests);
        limits = Map.copyOf(limits);
        childProperties = Map.copyOf(childProperties);
    }

    public double limitSeconds(TestPolicy test) {
        return limits.get(test.name());
    }

    /** The chosen tests of {@code part}, in policy order. */
    public List<TestPolicy> tests(PartPolicy part) {
        return tests.stream().filter(t -> t.part().equals(part.name())).toList();
    }

    /** The part a chosen test belongs to. */
    public PartPolicy part(TestPolicy test) {
        return parts.stream().filter(p -> p.name().equals(test.part())).findFirst().orElseThrow();
    }

    /** The chosen tests as the reports list them. */
    public List<PlannedTest> planned() {
        return tests.stream().map(t -> new PlannedTest(t.part(), t.name(), t.points(), t.runs())).toList();
    }

    /** One test JVM's worth of tests of {@code part}, all with time limit {@code limitSeconds}. */
    public RunSpec spec(PartPolicy part, List<String> testNames, double limitSeconds, Path dir) {
        return new RunSpec(policy.testClasses(), List.of(part.tag()), testNames, limitSeconds, heap, outputCap, dir);
    }
}
