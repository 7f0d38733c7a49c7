package raftkit.tester;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * Runs a test body in a thread of its own and waits at most the time limit for it, so a hung body cannot hold up
 * the run. The thread is a daemon: a body that never ends cannot keep the JVM alive.
 *
 * <p>Not JUnit's {@code @Timeout}: its duration comes only from an annotation or a {@code junit.jupiter.*}
 * parameter, so it cannot follow {@value TimeLimit#PROPERTY} test by test, its separate thread is not a daemon,
 * and its preemptive helper is internal API. What this class adds over a plain thread is the order a useful
 * report needs: the extension dumps the threads and closes the test's configs while the body is still stuck, and
 * only then interrupts it.
 */
final class TimedBody {

    /** How long a timed-out body gets to notice that its peers were stopped, so its output stays with its test. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(2);

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    TimedBody(Invocation<Void> invocation, String testName) {
        thread = new Thread(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "raftkit-test " + testName);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    }

    /** Starts the body; true if it ended within {@code limit}, in which case {@link #rethrow} gives its outcome. */
    boolean runWithin(Duration limit) throws InterruptedException {
        thread.start();
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            thread.interrupt(); // the run is being stopped: stop the body too
            throw e;
        }
        return !thread.isAlive();
    }

    /** Where the body is now. */
    StackTraceElement[] stackTrace() {
        return thread.getStackTrace();
    }

    /** Throws what the body threw, if anything. */
    void rethrow() throws Throwable {
        Throwable t = failure.get();
        if (t != null) {
            throw t;
        }
    }

    /** After a timeout: interrupts the body and gives it a moment to end; it is abandoned if it does not. */
    void abandon() throws InterruptedException {
        thread.interrupt();
        thread.join(WIND_DOWN.toMillis());
    }
}
