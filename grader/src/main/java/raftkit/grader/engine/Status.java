package raftkit.grader.engine;

/** How one run of one test ended, as the grader reports it. Only {@link #PASSED} earns points. */
public enum Status {
    PASSED("passed"),
    /** An assertion or exception failed the test; also aborted or skipped tests, which are never a pass. */
    FAILED("failed"),
    /** The test outlived its time limit and its JVM was stopped. */
    TIMED_OUT("timed out"),
    /** The JVM died during the test (System.exit, a JVM crash) or before the test could start. */
    CRASHED("crashed"),
    /** The student's files did not compile, so nothing ran. */
    NOT_COMPILED("not compiled"),
    /** The policy names the test but the kit has no such test: the policy and the tests disagree. */
    NOT_FOUND("not found"),
    /** Nothing ran because the hand-in could not be graded (an archive refused, no student file, a grader error). */
    NOT_RUN("not run");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The word shown to people and written to reports. */
    public String label() {
        return label;
    }
}
