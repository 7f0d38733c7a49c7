package raftkit.tester;

/**
 * The first failure found on a thread other than the test's own (an applier, a peer's thread). An AssertionError
 * thrown there would be lost, so it is kept here and thrown on the test thread at its next check. The lab's
 * kit ends the whole process instead; the message is the same.
 */
class BackgroundFailure {

    private String message;
    private boolean reported;

    /** Keeps {@code message} unless an earlier failure was kept already. */
    synchronized void record(String message) {
        if (this.message == null) {
            this.message = message;
            System.out.println(message);
        }
    }

    /** The kept message, or null; marks it as thrown. */
    synchronized String takeMessage() {
        reported = message != null;
        return message;
    }

    /** The kept message if nobody has thrown it yet (and marks it thrown), else null. */
    synchronized String takeUnreported() {
        if (message == null || reported) {
            return null;
        }
        reported = true;
        return message;
    }
}
