package raftkit.tester;

/**
 * The peer host, the process the student's peers ran in, ended in the middle of a test (an exit, a halt, a crash of
 * its JVM, a broken protocol). Like a student's code ending the test JVM in-process, it is the student's crash:
 * the grader scores a test failed with this type as crashed, whatever its message.
 */
public final class PeerHostCrashed extends AssertionError {

    private static final long serialVersionUID = 1L;

    public PeerHostCrashed(String message) {
        super(message);
    }
}
