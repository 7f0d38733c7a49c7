package raftkit.tester;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The graded test running now: its time limit and the configs it made. {@link RaftTestExtension} opens one around
 * each test body and keeps it in the test's extension store; the one static slot below exists only because a
 * graded test makes its configs with a plain {@code new Config(...)}, which has no handle on JUnit. Graded tests
 * run one at a time in a JVM (the Go kit's tests are sequential too), so one slot is enough.
 */
final class TestScope implements AutoCloseable {

    private static final AtomicReference<TestScope> RUNNING = new AtomicReference<>();

    private final TimeLimit limit;
    private final List<Config> made = new CopyOnWriteArrayList<>();

    private TestScope(TimeLimit limit) {
        this.limit = limit;
    }

    /** Makes the running test's scope; a scope an abandoned (timed-out) body left behind is replaced. */
    static TestScope open(TimeLimit limit) {
        TestScope scope = new TestScope(limit);
        RUNNING.set(scope);
        return scope;
    }

    /**
     * The limit a new config counts against: the running test's, which the config joins so that the extension can
     * read its seed and close it; outside a graded test, the limit the system properties give.
     */
    static TimeLimit join(Config config) {
        TestScope scope = RUNNING.get();
        if (scope == null) {
            return TimeLimit.fromSystemProperties();
        }
        scope.made.add(config);
        return scope.limit;
    }

    TimeLimit limit() {
        return limit;
    }

    /** Stops taking new configs; the configs made so far stay readable. */
    @Override
    public void close() {
        RUNNING.compareAndSet(this, null);
    }

    List<Config> configs() {
        return List.copyOf(made);
    }

    /** The distinct seeds of the test's networks, in the order they were made. */
    List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (Config config : made) {
            if (!seeds.contains(config.seed())) {
                seeds.add(config.seed());
            }
        }
        return seeds;
    }

    /** RPCs sent over all the test's networks, if it made any. */
    Optional<Long> rpcs() {
        return made.isEmpty() ? Optional.empty()
                : Optional.of(made.stream().mapToLong(Config::rpcTotal).sum());
    }

    /** Bytes sent over all the test's networks, if it made any. */
    Optional<Long> bytes() {
        return made.isEmpty() ? Optional.empty() : Optional.of(made.stream().mapToLong(Config::bytesTotal).sum());
    }

    /**
     * Closes every config of a timed-out test, which kills its peers and checks their threads; what closing finds
     * is kept as suppressed failures of the timeout. Closing a closed config does nothing.
     */
    void closeAll(AssertionError timeout) {
        for (Config config : made) {
            try {
                config.close();
            } catch (TimeLimitExceeded late) {
                // the config's own limit check repeats the timeout; keep only what else closing found
                Arrays.stream(late.getSuppressed()).forEach(timeout::addSuppressed);
            } catch (RuntimeException | AssertionError e) {
                timeout.addSuppressed(e);
            }
        }
    }
}
