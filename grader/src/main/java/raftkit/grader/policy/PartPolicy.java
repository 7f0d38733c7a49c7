package raftkit.grader.policy;

import java.util.List;

/**
 * One part of the lab.
 *
 * @param name  as users type it, e.g. {@code 3A}
 * @param title what the part is about, for reports
 * @param tag   the JUnit tag its tests carry (by default the part's name)
 * @param tests its graded tests, in the policy's order
 */
public record PartPolicy(String name, String title, String tag, List<TestPolicy> tests) {

    public PartPolicy {
        tests = List.copyOf(tests);
    }

    public double maxPoints() {
        return tests.stream().mapToDouble(TestPolicy::points).sum();
    }
}
