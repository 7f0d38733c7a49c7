package raftkit.tester;

import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The rules of a graded test ({@link RaftTest}): the Go kit's time limit, enforced so that a hung test never holds
 * up the run, and failure messages that name the test and its network seed.
 */
public final class RaftTestExtension implements InvocationInterceptor, TestExecutionExceptionHandler {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Optional<Duration> limit = TimeLimit.resolve(context.getConfigurationParameter(TimeLimit.PROPERTY));
        if (limit.isEmpty()) {
            invocation.proceed();
            return;
        }
        String testName = context.getRequiredTestMethod().getName();
        TimedBody body = new TimedBody(invocation, testName);
        if (!body.runWithin(limit.get())) {
            throw timedOut(body, testName, limit.get());
        }
        body.rethrow();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String testName = context.getRequiredTestMethod().getName();
        throw FailureMessages.withSuffix(failure, FailureMessages.suffix(testName, List.of()));
    }

    /**
     * Reports a hung test: dumps every thread while the hang is still there, then stops the body. The failure's
     * stack trace is where the body was stuck.
     */
    private static AssertionError timedOut(TimedBody body, String testName, Duration limit)
            throws InterruptedException {
        String goMessage = "test took longer than " + TimeLimit.seconds(limit) + " seconds";
        StackTraceElement[] stuckAt = body.stackTrace();
        ThreadInfo[] deadlocked = ThreadDump.deadlocked();
        StringBuilder report = new StringBuilder()
                .append("--- ").append(testName).append(": ").append(goMessage).append("; all threads:\n")
                .append(ThreadDump.allThreads());
        if (deadlocked.length > 0) {
            report.append("--- Deadlock found between ").append(deadlocked.length).append(" threads:\n")
                    .append(ThreadDump.format(deadlocked));
        } else {
            report.append("--- No deadlock found by the JVM (a thread blocked on a queue is not counted).\n");
        }
        System.out.print(report);
        System.out.flush();
        body.abandon();
        AssertionError error = new AssertionError(goMessage + deadlockSummary(deadlocked));
        error.setStackTrace(stuckAt);
        return error;
    }

    private static String deadlockSummary(ThreadInfo[] deadlocked) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : deadlocked) {
            out.append("\n  deadlock: \"").append(info.getThreadName()).append("\" waits for ")
                    .append(info.getLockName()).append(" held by \"").append(info.getLockOwnerName()).append('"');
        }
        return out.toString();
    }
}
