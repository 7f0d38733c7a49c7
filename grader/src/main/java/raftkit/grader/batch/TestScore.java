package raftkit.grader.batch;

/**
 * One graded test's outcome for one submission.
 *
 * @param part      the part, e.g. {@code 3A}
 * @param name      the Go test name
 * @param status    what happened
 * @param seconds   wall time of its runs
 * @param points    points earned
 * @param maxPoints points it is worth
 * @param message   the failure message or note, empty when it passed
 * @param log       the log file of its run, relative to the submission's report folder, empty if none
 * @param timeline  the timeline page of that run, relative like {@code log}, empty if none
 */
public record TestScore(String part, String name, Status status, double seconds, double points, double maxPoints,
                        String message, String log, String timeline) {

    /** What happened to a test; only {@link #PASSED} is a pass. */
    public enum Status {
        PASSED, FAILED, TIMED_OUT, CRASHED, NOT_COMPILED, NOT_RUN;

        /** The lower-case word the reports show. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public TestScore {
        message = message == null ? "" : message;
        log = log == null ? "" : log;
        timeline = timeline == null ? "" : timeline;
    }

    /** A score without a timeline page. */
    public TestScore(String part, String name, Status status, double seconds, double points, double maxPoints,
                     String message, String log) {
        this(part, name, status, seconds, points, maxPoints, message, log, "");
    }

    /** The same test, not run for the given reason (a compile error, a refused archive). */
    public static TestScore notRun(PlannedTest test, Status status, String reason) {
        return new TestScore(test.part(), test.name(), status, 0, 0, test.points(), reason, "");
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
