package raftkit.handout;

import java.nio.file.Path;

/**
 * A problem the instructor must fix before a kit can be built (a bad marker, a missing policy file, an output folder
 * in the way). Its message is one line, shown without a stack trace.
 */
public final class HandoutException extends Exception {

    private static final long serialVersionUID = 1L;

    public HandoutException(String message) {
        super(message);
    }

    public HandoutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a line of a file, in the {@code file:line: what} form editors and terminals link to. */
    public static HandoutException at(String file, int line, String what) {
        return new HandoutException(file + ":" + line + ": " + what);
    }

    /** Paths in messages are relative to the repository and always use '/', whatever the platform. */
    static String display(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
