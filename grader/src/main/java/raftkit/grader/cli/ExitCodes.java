package raftkit.grader.cli;

import java.util.Collection;
import raftkit.grader.engine.Status;

/** The grader's exit codes, and the one rule that turns results into one. */
public final class ExitCodes {

    /** Every test run passed. */
    public static final int OK = 0;
    /** At least one test run failed, timed out, crashed or did not compile. */
    public static final int TEST_FAILED = 1;
    /** Bad usage or the submission could not be graded (the reason is printed). */
    public static final int USAGE = 2;
    /** A named test or part matched no test: the kit and the policy disagree. Never a pass. */
    public static final int NO_TESTS_FOUND = 3;
    /** The grader itself failed (a bug, or the kit is not built). */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }

    /** The exit code of tests (or runs) that ended with {@code statuses}; none at all is never a pass. */
    public static int computeExitCode(Collection<Status> statuses) {
        if (statuses.isEmpty() || statuses.contains(Status.NOT_FOUND)) {
            return NO_TESTS_FOUND;
        }
        return statuses.stream().allMatch(s -> s == Status.PASSED) ? OK : TEST_FAILED;
    }
}
