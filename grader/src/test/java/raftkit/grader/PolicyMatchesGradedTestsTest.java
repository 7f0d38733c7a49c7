package raftkit.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import raftkit.grader.engine.TestNames;
import raftkit.grader.policy.PartPolicy;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.PolicyLoader;
import raftkit.grader.policy.TestPolicy;
import raftkit.tester.RaftTest;
import raftkit.tester.TestClasses;

/**
 * A graded test is declared once, in its class: a {@link RaftTest} method with an {@link Order} (its place in the
 * Go file) in a class tagged with its part. The policy is the course's list of what is graded; this test fails
 * when the two disagree, in either direction, for every tagged class of the tester's tests (new parts included).
 */
class PolicyMatchesGradedTestsTest {

    private static final Path POLICY = Path.of("policy.toml");
    private static final Path TESTER_TESTS = Path.of("../tester/target/test-classes");
    /** Marks the tester's own fake tests (made to fail, tagged with parts of their own, never graded). */
    private static final String FAKE_ONLY = "raftkit.tester.fakes.FakeOnly";

    @Test
    void when_the_real_policy_and_the_tagged_test_methods_are_compared_then_they_agree() throws Exception {
        Policy policy = PolicyLoader.load(POLICY);
        Map<String, Set<String>> tagged = taggedRaftTests(TESTER_TESTS, policy.testClasses().packageName());

        assertFalse(tagged.isEmpty(), "no tagged @RaftTest class found under " + TESTER_TESTS.toAbsolutePath());
        assertEquals(List.of(), disagreements(tagged, policy));
    }

    @Test
    void when_a_tagged_method_is_missing_from_the_policy_then_it_is_named() throws Exception {
        Policy policy = PolicyLoader.parse("policy.toml", policyOf("\"TestAlpha3A\""));
        Map<String, Set<String>> tagged = Map.of("3A", Set.of("testAlpha3A", "testBeta3A"));

        assertEquals(List.of("part 3A: @RaftTest testBeta3A (tag 3A) is not in the policy"),
                disagreements(tagged, policy));
    }

    @Test
    void when_the_policy_names_a_test_no_tagged_method_has_then_it_is_named() throws Exception {
        Policy policy = PolicyLoader.parse("policy.toml", policyOf("\"TestAlpha3A\", \"TestGamma3A\""));
        Map<String, Set<String>> tagged = Map.of("3A", Set.of("testAlpha3A"), "3Z", Set.of("testNew3Z"));

        assertEquals(List.of("part 3A: the policy's TestGamma3A has no @RaftTest method tagged 3A",
                "tag 3Z: @RaftTest testNew3Z is graded by no part of the policy"), disagreements(tagged, policy));
    }

    @Test
    void when_the_graded_classes_are_scanned_then_every_method_has_its_order() throws Exception {
        String graded = PolicyLoader.load(POLICY).testClasses().packageName();
        for (Method method : raftTestMethods(TESTER_TESTS, graded)) {
            assertTrue(method.isAnnotationPresent(Order.class),
                    method.getDeclaringClass().getSimpleName() + "." + method.getName() + " has no @Order");
        }
    }

    /** A graded class the policy's class names miss would be searched by nobody: its tests would be "not found". */
    @Test
    void when_the_graded_classes_are_scanned_then_the_policy_names_each_of_them() throws Exception {
        TestClasses graded = PolicyLoader.load(POLICY).testClasses();
        Set<Class<?>> classes = new HashSet<>();
        raftTestMethods(TESTER_TESTS, graded.packageName()).forEach(m -> classes.add(m.getDeclaringClass()));

        assertFalse(classes.isEmpty());
        for (Class<?> type : classes) {
            assertTrue(graded.contains(type), type.getName() + " is not among " + graded);
        }
    }

    private static String policyOf(String tests) {
        return """
                [tests]
                package = "raftkit.tester"
                [student]
                files = ["raft/src/main/java/raftkit/raft/*.java"]
                [parts.3A]
                tests = [%s]
                """.formatted(tests);
    }

    /** What the policy and the tagged methods disagree on, one line each, in a stable order. */
    static List<String> disagreements(Map<String, Set<String>> tagged, Policy policy) {
        List<String> problems = new ArrayList<>();
        Set<String> tagsGraded = new TreeSet<>();
        for (PartPolicy part : policy.parts()) {
            tagsGraded.add(part.tag());
            Set<String> methods = tagged.getOrDefault(part.tag(), Set.of());
            Set<String> listed = new TreeSet<>();
            for (TestPolicy test : part.tests()) {
                listed.add(TestNames.methodName(test.name()));
                if (!methods.contains(TestNames.methodName(test.name()))) {
                    problems.add("part " + part.name() + ": the policy's " + test.name()
                            + " has no @RaftTest method tagged " + part.tag());
                }
            }
            new TreeSet<>(methods).stream().filter(m -> !listed.contains(m)).forEach(m -> problems.add(
                    "part " + part.name() + ": @RaftTest " + m + " (tag " + part.tag() + ") is not in the policy"));
        }
        new TreeMap<>(tagged).forEach((tag, methods) -> {
            if (!tagsGraded.contains(tag)) {
                new TreeSet<>(methods).forEach(m -> problems.add(
                        "tag " + tag + ": @RaftTest " + m + " is graded by no part of the policy"));
            }
        });
        return problems;
    }

    /** For each part tag, the {@link RaftTest} methods of the classes carrying it. */
    private static Map<String, Set<String>> taggedRaftTests(Path classes, String testPackage) throws Exception {
        Map<String, Set<String>> tagged = new TreeMap<>();
        for (Method method : raftTestMethods(classes, testPackage)) {
            for (Tag tag : method.getDeclaringClass().getAnnotationsByType(Tag.class)) {
                tagged.computeIfAbsent(tag.value(), t -> new TreeSet<>()).add(method.getName());
            }
        }
        return tagged;
    }

    /**
     * The {@link RaftTest} methods of every top-level class with a {@link Tag} in {@code testPackage} or below,
     * the tester's fakes left out.
     */
    private static List<Method> raftTestMethods(Path classes, String testPackage) throws Exception {
        Path root = classes.resolve(testPackage.replace('.', '/'));
        List<Method> found = new ArrayList<>();
        // Parent first: RaftTest and Tag resolve to this JVM's copies, so isAnnotationPresent works across loaders.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PolicyMatchesGradedTestsTest.class.getClassLoader()); Stream<Path> files = Files.walk(root)) {
            Class<? extends Annotation> fakeOnly = Class.forName(FAKE_ONLY, false, loader)
                    .asSubclass(Annotation.class);
            for (String name : classNames(classes, files)) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.getAnnotationsByType(Tag.class).length == 0 || type.isAnnotationPresent(fakeOnly)) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(RaftTest.class)) {
                        found.add(method);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> classNames(Path classes, Stream<Path> files) throws IOException {
        return files.map(classes::relativize).map(Path::toString)
                .filter(p -> p.endsWith(".class") && !p.contains("$"))
                .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                .sorted().toList();
    }
}
