package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import raftkit.tester.fakes.PartFake;

class TestClassesTest {

    /** The simple names of the classes whose test methods {@code classes} discovers with {@code tags}. */
    private static Set<String> discovered(TestClasses classes, Collection<String> tags) {
        TestPlan plan = LauncherFactory.create().discover(classes.discovery(tags).build());
        Set<String> names = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                        .ifPresent(s -> names.add(s.getJavaClass().getName()));
            }
        }
        return names;
    }

    @Test
    void when_the_graded_classes_are_discovered_then_only_classes_named_for_a_part_are_found() {
        Set<String> found = discovered(TestClasses.GRADED, List.of());

        assertTrue(found.containsAll(Set.of(Election3ATest.class.getName(), Agreement3BTest.class.getName(),
                Persistence3CTest.class.getName(), Snapshot3DTest.class.getName())), found.toString());
        // the harness's own tests share the package; none of them is graded
        assertFalse(found.contains(FrameTest.class.getName()), found.toString());
        for (String name : found) {
            assertTrue(name.matches("raftkit\\.tester\\.[A-Za-z]+\\d[A-Z]Test"), name);
        }
    }

    @Test
    void when_a_tag_is_given_then_only_that_part_is_found() {
        assertEquals(Set.of(Election3ATest.class.getName()), discovered(TestClasses.GRADED, List.of("3A")));
    }

    @Test
    void when_every_name_matches_then_subpackages_are_still_left_out() {
        Set<String> found = discovered(new TestClasses("raftkit.tester", ".*"), List.of());

        assertTrue(found.contains(FrameTest.class.getName()), found.toString());
        assertTrue(found.stream().noneMatch(n -> n.startsWith("raftkit.tester.fakes.")), found.toString());
    }

    @Test
    void when_a_pattern_names_one_class_then_only_it_is_found() {
        assertEquals(Set.of(PartFake.class.getName()),
                discovered(new TestClasses("raftkit.tester.fakes", "PartFake"), List.of()));
    }

    @Test
    void when_a_class_is_checked_then_its_package_simple_name_and_nesting_decide() {
        assertTrue(TestClasses.GRADED.contains(Election3ATest.class));
        assertFalse(TestClasses.GRADED.contains(FrameTest.class)); // no part in its name
        assertFalse(new TestClasses("raftkit.tester", "PartFake").contains(PartFake.class)); // another package
        assertFalse(new TestClasses("raftkit.tester", ".*").contains(Nested.class)); // not top-level
    }

    @Test
    void when_the_pattern_is_not_a_regular_expression_then_it_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TestClasses("raftkit.tester", "Lab(\\w+"));
        assertEquals("not a regular expression: Lab(\\w+ (Unclosed group)", e.getMessage());
        assertEquals("the classes of raftkit.tester named [A-Z]\\w*\\d[A-Z]Test", TestClasses.GRADED.toString());
    }

    private static final class Nested {
    }
}
