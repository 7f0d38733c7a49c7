package raftkit.grader.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftkit.tester.TestClasses;

class PolicyLoaderTest {

    private static final String MINIMAL = """
            [student]
            files = ["raft/src/main/java/raftkit/raft/*.java"]

            [parts.3A]
            tests = ["TestInitialElection3A", "testReElection3A"]
            """;

    private static String errorOf(String text) {
        return assertThrows(PolicyException.class, () -> PolicyLoader.parse("policy.toml", text)).getMessage();
    }

    @Test
    void when_default_policy_loads_then_it_has_every_go_test_of_3A_to_3D_and_parts_3E_and_3X() throws Exception {
        Policy policy = PolicyLoader.load(Path.of("policy.toml"));
        assertEquals(List.of("3A", "3B", "3C", "3D", "3E", "3X"),
                policy.parts().stream().map(PartPolicy::name).toList());
        assertEquals(List.of(3, 10, 8, 7, 6, 22), policy.parts().stream().map(p -> p.tests().size()).toList());
        // 5 points a Go test (140 for 3A-3D), 5 a 3E test (30) and 2 a 3X test (44)
        assertEquals(214, policy.parts().stream().mapToDouble(PartPolicy::maxPoints).sum());
        assertEquals("pre-vote and check-quorum", policy.part("3E").orElseThrow().title());
        assertEquals(List.of("raft/src/main/java/raftkit/raft/*.java"), policy.studentFiles());
        assertEquals(TestClasses.GRADED, policy.testClasses());
        TestPolicy test = policy.test("testFigure8Unreliable3C").orElseThrow();
        assertEquals("TestFigure8Unreliable3C", test.name());
        assertEquals(120, test.limitSeconds());
    }

    @Test
    void when_levels_override_then_the_innermost_wins() throws Exception {
        Policy policy = PolicyLoader.parse("p", MINIMAL + """
                runs = 3
                pass_rule = "scaled"

                [defaults]
                points = 4
                time_limit = 60

                [overrides.TestReElection3A]
                points = 10
                """);
        TestPolicy first = policy.test("TestInitialElection3A").orElseThrow();
        TestPolicy second = policy.test("TestReElection3A").orElseThrow();
        assertEquals(new TestPolicy("TestInitialElection3A", "3A", 4, 3, PassRule.SCALED, 60), first);
        assertEquals(new TestPolicy("TestReElection3A", "3A", 10, 3, PassRule.SCALED, 60), second);
        assertEquals("3A", policy.part("3a").orElseThrow().tag());
    }

    @Test
    void when_toml_is_malformed_then_the_error_names_the_line() {
        assertEquals("policy.toml:5: ", errorOf(MINIMAL.replace("\", \"", "\" \"")).substring(0, 15));
    }

    @Test
    void when_key_is_misspelt_then_the_error_names_it_and_its_line() {
        String message = errorOf(MINIMAL + "pints = 3\n");
        assertEquals("policy.toml:6: unknown key 'pints' in [parts.3A]; expected one of "
                + "[pass_rule, points, runs, tag, tests, time_limit, title]", message);
    }

    @Test
    void when_pass_rule_is_unknown_then_the_error_says_which_are_valid() {
        assertEquals("policy.toml:6: pass_rule must be \"all\" or \"scaled\", not \"most\"",
                errorOf(MINIMAL + "pass_rule = \"most\"\n"));
    }

    @Test
    void when_values_are_wrong_then_each_is_named() {
        assertEquals("policy.toml:6: points must be a number, not \"five\"", errorOf(MINIMAL + "points = \"five\"\n"));
        assertEquals("policy.toml:6: runs must be a whole number of at least 1", errorOf(MINIMAL + "runs = 0\n"));
        assertEquals("policy.toml:7: TestInitialElection3A is listed twice",
                errorOf(MINIMAL + "\n[parts.3B]\ntests = [\"TestInitialElection3A\"]\n"));
        assertEquals("policy.toml:7: [overrides.TestNope3A] names a test no part lists",
                errorOf(MINIMAL + "\n[overrides.TestNope3A]\npoints = 1\n"));
    }

    @Test
    void when_tests_name_a_package_and_classes_then_the_policy_has_them() throws Exception {
        Policy policy = PolicyLoader.parse("p", "[tests]\npackage = \"edu.lab\"\nclasses = \"Lab\\\\w+\"\n" + MINIMAL);
        assertEquals(new TestClasses("edu.lab", "Lab\\w+"), policy.testClasses());
        // a package alone keeps the kit's class names
        assertEquals(new TestClasses("edu.lab", TestClasses.GRADED.namePattern()),
                PolicyLoader.parse("p", "[tests]\npackage = \"edu.lab\"\n" + MINIMAL).testClasses());
    }

    @Test
    void when_classes_is_not_a_regular_expression_then_the_error_names_its_line() {
        assertEquals("policy.toml:2: [tests] classes is not a regular expression: Lab(\\w+ (Unclosed group)",
                errorOf("[tests]\nclasses = \"Lab(\\\\w+\"\n" + MINIMAL));
    }

    @Test
    void when_policy_has_no_parts_then_it_is_an_error() {
        assertEquals("policy.toml: the policy defines no parts (add a [parts.3A] table)",
                errorOf("[student]\nfiles = [\"x\"]\n"));
    }
}
