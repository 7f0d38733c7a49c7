package raftkit.grader.engine;

import java.util.Locale;

/**
 * Test names in the two spellings a user may type: Go's {@code TestInitialElection3A} and the Java method
 * {@code testInitialElection3A}. Reports always use the Go spelling.
 */
public final class TestNames {

    private TestNames() {
    }

    /** The Go spelling of a test name given in either spelling. */
    public static String goName(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The Java method name of a test name given in either spelling. */
    public static String methodName(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** Whether two names denote the same test, whichever spelling each uses. */
    public static boolean same(String a, String b) {
        return methodName(a).equals(methodName(b));
    }
}
