package raftkit.grader.policy;

/** A policy file that cannot be used; the message names the file and line and says what is wrong. */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
