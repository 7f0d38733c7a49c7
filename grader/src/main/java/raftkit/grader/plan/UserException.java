package raftkit.grader.plan;

/**
 * A reason the grader cannot do what was asked that the user can fix (a missing folder, an unknown part, a bad
 * policy file). Shown as one line, never with a stack trace, with the usage exit code.
 */
public final class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
