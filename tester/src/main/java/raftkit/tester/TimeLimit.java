package raftkit.tester;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The per-test time limit, the only clock the tester asks: the Go kit's 120 seconds by default, none while a
 * debugger is attached (so a student can step through a test), and {@code -Draftkit.timeout=<seconds>|off}
 * (a system property or a JUnit configuration parameter) to change it. {@link RaftTestExtension} resolves one per
 * test and stops a body that outlives it; every {@link Config} the test makes checks the same limit in
 * {@code end()} and {@code close()}, as the Go kit does.
 */
final class TimeLimit {

    /** The property (system property or JUnit configuration parameter) that overrides the limit. */
    static final String PROPERTY = "raftkit.timeout";

    /** The Go kit's limit (its config.go checks it in end() and cleanup()). */
    static final Duration GO_LIMIT = Duration.ofSeconds(120);

    private final Optional<Duration> limit;
    private final LongSupplier nanoClock;

    private TimeLimit(Optional<Duration> limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
    }

    /** A limit read on a given clock; tests use a fake one. */
    static TimeLimit of(Optional<Duration> limit, LongSupplier nanoClock) {
        return new TimeLimit(limit, nanoClock);
    }

    /** The limit the JVM's system properties ask for (used by a Config made outside a graded test). */
    static TimeLimit fromSystemProperties() {
        return resolve(Optional.ofNullable(System.getProperty(PROPERTY)));
    }

    /** The limit {@code property} asks for in this JVM. */
    static TimeLimit resolve(Optional<String> property) {
        return resolve(property, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static TimeLimit resolve(Optional<String> property, List<String> jvmArguments) {
        if (property.isPresent()) {
            return new TimeLimit(parse(property.get().trim()), System::nanoTime);
        }
        boolean debugged = jvmArguments.stream()
                .anyMatch(a -> a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp"));
        return new TimeLimit(debugged ? Optional.empty() : Optional.of(GO_LIMIT), System::nanoTime);
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

    /** The limit, or empty when tests may run for ever. */
    Optional<Duration> duration() {
        return limit;
    }

    /** Go's failure message with the limit in force, e.g. {@code test took longer than 120 seconds}. */
    String message() {
        return "test took longer than " + limit.map(TimeLimit::seconds).orElse("unlimited") + " seconds";
    }

    /** Starts counting now. */
    Stopwatch start() {
        return new Stopwatch(nanoClock.getAsLong());
    }

    /** Seconds as Go prints them in its message: {@code 120}, or {@code 1.5} for a fractional limit. */
    static String seconds(Duration limit) {
        return BigDecimal.valueOf(limit.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** Time since a start, against the limit. */
    final class Stopwatch {
        private final long startNanos;

        private Stopwatch(long startNanos) {
            this.startNanos = startNanos;
        }

        /** True once more than the limit has passed since the start; never without a limit. */
        boolean expired() {
            return limit.isPresent() && nanoClock.getAsLong() - startNanos > limit.get().toNanos();
        }

        /** Fails with Go's message once the limit has passed. */
        void check() {
            if (expired()) {
                throw new TimeLimitExceeded(message());
            }
        }

        /** The failure {@link #check()} throws, or null while within the limit. */
        TimeLimitExceeded failure() {
            return expired() ? new TimeLimitExceeded(message()) : null;
        }
    }
}
