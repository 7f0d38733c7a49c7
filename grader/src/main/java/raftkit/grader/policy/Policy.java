package raftkit.grader.policy;

import java.util.List;
import java.util.Optional;
import raftkit.grader.engine.TestNames;
import raftkit.tester.TestClasses;

/**
 * The grading policy: which parts and tests there are, what each is worth and how it is run, and which files a
 * student owns. Read from {@code grader/policy.toml} by {@link PolicyLoader}.
 *
 * @param testClasses  the classes holding the graded tests: a package and a pattern of their names
 * @param heap         each test JVM's {@code -Xmx}
 * @param parts        the parts, in the policy's order
 * @param studentFiles globs, relative to the kit root, of the files a student owns (the only ones taken from a
 *                     submission)
 */
public record Policy(TestClasses testClasses, String heap, List<PartPolicy> parts, List<String> studentFiles) {

    public Policy {
        parts = List.copyOf(parts);
        studentFiles = List.copyOf(studentFiles);
    }

    /** The part named {@code name}, ignoring case ({@code 3a} is {@code 3A}). */
    public Optional<PartPolicy> part(String name) {
        return parts.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The test named {@code name} in either spelling ({@code TestX} or {@code testX}). */
    public Optional<TestPolicy> test(String name) {
        return parts.stream().flatMap(p -> p.tests().stream()).filter(t -> TestNames.same(t.name(), name))
                .findFirst();
    }

    public String partNames() {
        return String.join(", ", parts.stream().map(PartPolicy::name).toList());
    }
}
