package raftkit.tester;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The per-test time limit: the Go kit's 120 seconds, off while a debugger is attached (so a student can step
 * through a test), and set by {@code -Draftkit.timeout=<seconds>|off}.
 */
final class TimeLimit {

    /** The property (system property or JUnit configuration parameter) that overrides the limit. */
    static final String PROPERTY = "raftkit.timeout";

    /** Go config.go: checkTimeout fails a test that ran longer than this. */
    static final Duration GO_LIMIT = Duration.ofSeconds(120);

    private TimeLimit() {
    }

    /** The limit for this JVM, or empty when tests may run for ever. */
    static Optional<Duration> resolve(Optional<String> property) {
        return resolve(property, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static Optional<Duration> resolve(Optional<String> property, List<String> jvmArguments) {
        if (property.isPresent()) {
            return parse(property.get().trim());
        }
        boolean debugged = jvmArguments.stream()
                .anyMatch(a -> a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp"));
        return debugged ? Optional.empty() : Optional.of(GO_LIMIT);
    }

    private static Optional<Duration> parse(String value) {
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() > 0) {
                return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValueExact()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(
                PROPERTY + " must be a positive number of seconds or 'off', not '" + value + "'");
    }

    /** Seconds as Go prints them in its message: {@code 120}, or {@code 1.5} for a fractional limit. */
    static String seconds(Duration limit) {
        return BigDecimal.valueOf(limit.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
