package raftkit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.Status;
import raftkit.grader.policy.PassRule;
import raftkit.grader.policy.TestPolicy;

/** The points arithmetic of the pass rules. */
class TestScoreTest {

    private static TestScore score(PassRule rule, int runs, Status... statuses) {
        List<RunResult> results = new ArrayList<>();
        for (Status s : statuses) {
            results.add(new RunResult("TestBackup3B", s, 2.0, s == Status.PASSED ? "" : "boom", "", null));
        }
        return new TestScore(new TestPolicy("TestBackup3B", "3B", 6, runs, rule, 120), results);
    }

    @Test
    void when_rule_is_all_then_one_failing_run_gives_zero() {
        assertEquals(6, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED, Status.PASSED).earned());
        assertEquals(0, score(PassRule.ALL, 3, Status.PASSED, Status.TIMED_OUT, Status.PASSED).earned());
        assertEquals(Status.TIMED_OUT, score(PassRule.ALL, 3, Status.PASSED, Status.TIMED_OUT).status());
    }

    @Test
    void when_rule_is_scaled_then_points_follow_the_passes() {
        assertEquals(4, score(PassRule.SCALED, 3, Status.PASSED, Status.FAILED, Status.PASSED).earned());
        assertEquals("2/3 passed", score(PassRule.SCALED, 3, Status.PASSED, Status.FAILED, Status.PASSED)
                .resultText());
    }

    @Test
    void when_runs_are_missing_then_they_count_as_failures() {
        assertEquals(2, score(PassRule.SCALED, 3, Status.PASSED).earned());
        assertEquals(0, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED).earned());
        assertEquals(Status.CRASHED, score(PassRule.ALL, 3, Status.PASSED, Status.PASSED).status());
    }

    @Test
    void when_points_are_fractional_then_printed_briefly() {
        assertEquals("5", Scorecard.points(5.0));
        assertEquals("3.33", Scorecard.points(10.0 / 3));
        assertEquals("2.5", Scorecard.points(2.5));
    }
}
