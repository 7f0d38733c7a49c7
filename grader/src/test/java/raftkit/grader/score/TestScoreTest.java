package raftkit.grader.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.Status;
import raftkit.grader.policy.PassRule;
import raftkit.grader.policy.TestPolicy;

/** The points arithmetic of the pass rules, and what a score shows of its runs. */
class TestScoreTest {

    private static TestScore score(PassRule rule, int runs, Status... statuses) {
        List<RunResult> results = new ArrayList<>();
        int n = 0;
        for (Status s : statuses) {
            results.add(new RunResult("TestBackup3B", s, 2.0, s == Status.PASSED ? "" : "boom " + n, "7",
                    Path.of("/runs/3B/run-" + ++n + "/testBackup3B.log")));
        }
        return TestScore.of(new TestPolicy("TestBackup3B", "3B", 6, runs, rule, 120), results,
                log -> Path.of("/runs").relativize(log).toString());
    }

    @Test
    void when_rule_is_all_then_one_failing_run_gives_zero() {
        assertEquals(6, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED, Status.PASSED).points());
        assertEquals(0, score(PassRule.ALL, 3, Status.PASSED, Status.TIMED_OUT, Status.PASSED).points());
        assertEquals(Status.TIMED_OUT, score(PassRule.ALL, 3, Status.PASSED, Status.TIMED_OUT).status());
    }

    @Test
    void when_rule_is_scaled_then_points_follow_the_passes() {
        TestScore score = score(PassRule.SCALED, 3, Status.PASSED, Status.FAILED, Status.PASSED);
        assertEquals(4, score.points());
        assertEquals("2/3 passed", score.resultText());
        assertEquals(Status.FAILED, score.status());
    }

    @Test
    void when_runs_are_missing_then_they_count_as_failures() {
        assertEquals(2, score(PassRule.SCALED, 3, Status.PASSED).points());
        assertEquals(0, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED).points());
        assertEquals(Status.CRASHED, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED).status());
    }

    @Test
    void when_a_run_fails_then_the_first_failure_gives_message_seed_and_log() {
        TestScore score = score(PassRule.ALL, 3, Status.PASSED, Status.FAILED, Status.CRASHED);
        assertEquals("boom 1", score.message());
        assertEquals("7", score.seed());
        assertEquals("3B/run-2/testBackup3B.log", score.log());
        assertEquals(6.0, score.seconds());
        assertEquals(2.0, score.meanSeconds());
    }

    @Test
    void when_points_are_fractional_then_printed_briefly() {
        assertEquals("5", Points.format(5.0));
        assertEquals("3.33", Points.format(10.0 / 3));
        assertEquals("2.5", Points.format(2.5));
    }
}
