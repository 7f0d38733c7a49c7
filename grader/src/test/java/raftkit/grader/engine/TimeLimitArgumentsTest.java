package raftkit.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import raftkit.grader.policy.Policy;
import raftkit.grader.policy.PolicyLoader;
import raftkit.grader.policy.TestPolicy;
import raftkit.tester.TimeLimitExceeded;

/**
 * The grader hands the tester one setting, {@code raftkit.timeout} = the policy's limit, and keeps one backstop
 * above it; the child reads a timeout from the failure's type.
 */
class TimeLimitArgumentsTest {

    private static final String POLICY = """
            [tests]
            package = "raftkit.tester"
            [defaults]
            time_limit = 200
            [student]
            files = ["raft/src/main/java/raftkit/raft/*.java"]
            [parts.3A]
            tests = ["TestInitialElection3A"]
            """;

    @Test
    void when_the_policy_gives_200_seconds_then_the_child_gets_200_and_the_backstop_is_above_it() throws Exception {
        Policy policy = PolicyLoader.parse("policy.toml", POLICY);
        TestPolicy test = policy.test("TestInitialElection3A").orElseThrow();
        RunSpec spec = new RunSpec(policy.testClasses(), List.of("3A"), List.of(test.name()), test.limitSeconds(),
                "512m", 1000, Path.of("run"));
        ChildRequest request = new ChildRequest(Path.of("run/results.jsonl"), spec.outputCap(), spec.classes(),
                spec.tags(), spec.tests());

        List<String> command = new TestRunner(List.of(), Map.of()).command(spec, request);

        assertEquals(1, command.stream().filter(a -> a.startsWith("-Draftkit.timeout=")).count(), command.toString());
        assertTrue(command.contains("-Draftkit.timeout=200"), command.toString());
        assertFalse(command.stream().anyMatch(a -> a.startsWith("limit=")), "no second limit for the child");
        assertTrue(TestRunner.backstopSeconds(200) > 200);
        assertEquals(200 + TestRunner.BACKSTOP_GRACE_SECONDS, TestRunner.backstopSeconds(200));
    }

    @Test
    void when_a_limit_has_a_fraction_then_it_is_passed_as_written() {
        assertEquals("-Draftkit.timeout=2.5", TestRunner.limitProperty(2.5));
        assertEquals("-Draftkit.timeout=120", TestRunner.limitProperty(120.0));
    }

    @Test
    void when_a_test_fails_with_the_testers_timeout_type_then_the_child_records_timed_out() {
        assertEquals(ResultEvent.TIMED_OUT, ResultsListener.result(
                TestExecutionResult.failed(new TimeLimitExceeded("test took longer than 200 seconds (test t)"))));
        assertEquals("FAILED", ResultsListener.result(
                TestExecutionResult.failed(new AssertionError("test took longer than 200 seconds"))));
        assertEquals("SUCCESSFUL", ResultsListener.result(TestExecutionResult.successful()));
    }
}
