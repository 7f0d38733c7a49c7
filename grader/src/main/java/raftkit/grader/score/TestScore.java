package raftkit.grader.score;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import raftkit.grader.engine.RunResult;
import raftkit.grader.engine.Status;
import raftkit.grader.plan.PlannedTest;
import raftkit.grader.policy.TestPolicy;

/**
 * One graded test's outcome for one submission: the only score type of the grader, shown by every report and
 * stored as part of a batch's {@code result.json}.
 *
 * @param part      the part, e.g. {@code 3A}
 * @param name      the Go test name
 * @param status    passed only when every planned run passed; otherwise the status of the first run that did not
 * @param runs      the runs the policy asks for
 * @param passes    the runs that passed
 * @param seconds   wall time of its runs together
 * @param points    points earned under the test's pass rule
 * @param maxPoints points it is worth
 * @param message   the first failing run's note, empty when it passed
 * @param seed      the first failing run's network seed, or empty
 * @param log       the log of the run shown, relative to the submission's log folder, empty if none
 */
public record TestScore(String part, String name, Status status, int runs, int passes, double seconds,
                        double points, double maxPoints, String message, String seed, String log) {

    public TestScore {
        message = message == null ? "" : message;
        seed = seed == null ? "" : seed;
        log = log == null ? "" : log;
    }

    /**
     * Scores a test's runs. Runs that were planned but not made count as failures, so a run cut short never
     * inflates a score.
     *
     * @param logName the name a report gives a run's log (relative to the submission's log folder)
     */
    public static TestScore of(TestPolicy test, List<RunResult> made, Function<Path, String> logName) {
        RunResult failure = made.stream().filter(r -> !r.passed()).findFirst().orElse(null);
        RunResult shown = failure != null ? failure : made.isEmpty() ? null : made.get(0);
        int passes = (int) made.stream().filter(RunResult::passed).count();
        Status status = failure != null ? failure.status() : made.size() < test.runs() ? Status.CRASHED : Status.PASSED;
        double seconds = made.stream().mapToDouble(RunResult::seconds).sum();
        return new TestScore(test.part(), test.name(), status, test.runs(), passes, seconds,
                test.rule().points(test.points(), passes, test.runs()), test.points(),
                failure == null ? "" : failure.note(), failure == null ? "" : failure.seed(),
                shown == null || shown.log() == null ? "" : logName.apply(shown.log()));
    }

    /** The test, not run for {@code reason} (a compile error, a refused archive). */
    public static TestScore notRun(PlannedTest test, Status status, String reason) {
        return new TestScore(test.part(), test.name(), status, test.runs(), 0, 0, 0, test.points(), reason, "", "");
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** The mean time of a planned run. */
    public double meanSeconds() {
        return seconds / Math.max(1, runs);
    }

    /** The result as reports word it: the status, with the pass count when a test has several runs. */
    public String resultText() {
        return runs <= 1 ? status.label() : passes + "/" + runs + " passed";
    }
}
