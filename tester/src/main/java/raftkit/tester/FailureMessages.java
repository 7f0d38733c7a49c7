package raftkit.tester;

import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.IncompleteExecutionException;
import raftkit.labrpc.Network;

/**
 * Adds the run's facts (test name, seed) to a failure, once, at the end of the message's first line, keeping the
 * failure's stack trace, so the report reads {@code one(101) failed to reach agreement (test testBasicAgree3B,
 * seed 42; replay with -Draftkit.seed=42)}.
 */
final class FailureMessages {

    /** Marks a message that already carries the facts, so nested handlers do not add them twice. */
    private static final String MARK = "(test ";

    private FailureMessages() {
    }

    /** The suffix for a test, with the seeds of its networks, if any were made. */
    static String suffix(String testName, List<Long> seeds) {
        if (seeds.isEmpty()) {
            return MARK + testName + ")";
        }
        String list = seeds.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
        String noun = seeds.size() == 1 ? "seed " : "seeds ";
        return MARK + testName + ", " + noun + list + "; replay with -D" + Network.SEED_PROPERTY + "=" + seeds.get(0) + ")";
    }

    /** {@code failure} with {@code suffix} added; aborted and skipped tests are left as they are. */
    static Throwable withSuffix(Throwable failure, String suffix) {
        if (failure instanceof IncompleteExecutionException) {
            return failure;
        }
        String message = failure.getMessage();
        if (message != null && message.contains(suffix)) {
            return failure;
        }
        Throwable result;
        if (failure instanceof TimeLimitExceeded) {
            result = new TimeLimitExceeded(extend(message, suffix));
        } else if (failure instanceof PeerHostCrashed) {
            result = new PeerHostCrashed(extend(message, suffix));
        } else if (failure instanceof AssertionFailedError afe) {
            result = new AssertionFailedError(extend(message, suffix),
                    afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                    afe.isActualDefined() ? afe.getActual().getValue() : null, afe.getCause());
        } else if (failure instanceof AssertionError) {
            result = new AssertionError(extend(message, suffix), failure.getCause());
        } else {
            // An exception from the Raft or the harness: keep it whole as the cause, its type in the message.
            return new AssertionError(extend(failure.toString(), suffix), failure);
        }
        result.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            result.addSuppressed(suppressed);
        }
        return result;
    }

    private static String extend(String message, String suffix) {
        if (message == null || message.isEmpty()) {
            return suffix;
        }
        int newline = message.indexOf('\n');
        if (newline < 0) {
            return message + " " + suffix;
        }
        return message.substring(0, newline) + " " + suffix + message.substring(newline);
    }
}
