package raftkit.tester;

import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The rules of a graded test ({@link RaftTest}): the Go kit's time limit, enforced so that a hung test never holds
 * up the run, and failure messages that name the test and its network seed. After each test it publishes the
 * report entries {@value #SEED} (the seeds of the test's networks), {@value #RPCS} and {@value #BYTES} (their
 * traffic) and {@value #TIMELINE} (its timeline page, if {@link TestTimelines} wrote one), which
 * {@link PartTotalsListener} and the grader read.
 */
public final class RaftTestExtension
        implements InvocationInterceptor, TestExecutionExceptionHandler, AfterTestExecutionCallback {

    /** Report entry: the seed of the test's network (several, comma-separated, if it made several). */
    public static final String SEED = "seed";
    /** Report entry: RPCs sent over the test's networks. */
    public static final String RPCS = "rpcs";
    /** Report entry: bytes sent over the test's networks. */
    public static final String BYTES = "bytes";
    /** Report entry: the path of the test's timeline page, when one was written (see {@link TestTimelines}). */
    public static final String TIMELINE = "timeline";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RaftTestExtension.class);

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Optional<Duration> limit = TimeLimit.resolve(context.getConfigurationParameter(TimeLimit.PROPERTY));
        String testName = context.getRequiredTestMethod().getName();
        if (limit.isEmpty()) {
            TestConfigs configs = watch(context, Thread.currentThread());
            try {
                invocation.proceed();
            } finally {
                configs.close();
            }
            return;
        }
        TimedBody body = new TimedBody(invocation, testName);
        TestConfigs configs = watch(context, body.thread());
        try {
            if (!body.runWithin(limit.get())) {
                throw timedOut(body, testName, limit.get());
            }
        } finally {
            configs.close();
        }
        body.rethrow();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String testName = context.getRequiredTestMethod().getName();
        throw FailureMessages.withSuffix(failure, FailureMessages.suffix(testName, seeds(context)));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        TestConfigs configs = context.getStore(NAMESPACE).get(TestConfigs.class, TestConfigs.class);
        if (configs == null || configs.configs().isEmpty()) {
            return;
        }
        TestTimelines.write(context, configs.configs()).ifPresent(page -> context.publishReportEntry(TIMELINE, page));
        context.publishReportEntry(SEED, configs.seeds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        configs.rpcs().ifPresent(n -> context.publishReportEntry(RPCS, String.valueOf(n)));
        configs.bytes().ifPresent(n -> context.publishReportEntry(BYTES, String.valueOf(n)));
    }

    private static TestConfigs watch(ExtensionContext context, Thread body) {
        TestConfigs configs = new TestConfigs(body);
        context.getStore(NAMESPACE).put(TestConfigs.class, configs);
        return configs;
    }

    private static List<Long> seeds(ExtensionContext context) {
        TestConfigs configs = context.getStore(NAMESPACE).get(TestConfigs.class, TestConfigs.class);
        return configs == null ? List.of() : configs.seeds();
    }

    /**
     * Reports a hung test: dumps every thread while the hang is still there, closes the open configs so the peers
     * stop, then stops the body. The failure's stack trace is where the body was stuck.
     */
    private static AssertionError timedOut(TimedBody body, String testName, Duration limit)
            throws InterruptedException {
        String goMessage = "test took longer than " + TimeLimit.seconds(limit) + " seconds";
        StackTraceElement[] stuckAt = body.thread().getStackTrace();
        ThreadInfo[] deadlocked = ThreadDump.newlyDeadlocked();
        ThreadInfo[] queueBlocked = ThreadDump.blockedInQueueHoldingLocks();
        StringBuilder report = new StringBuilder()
                .append("--- ").append(testName).append(": ").append(goMessage).append("; all threads:\n")
                .append(ThreadDump.allThreads());
        if (deadlocked.length > 0) {
            report.append("--- Deadlock found between ").append(deadlocked.length).append(" threads:\n")
                    .append(ThreadDump.format(deadlocked));
        } else {
            report.append("--- No new deadlock found by the JVM (a thread blocked on a queue is not counted).\n");
        }
        System.out.print(report);
        System.out.flush();
        AssertionError error = new AssertionError(goMessage + deadlockSummary(deadlocked)
                + queueSummary(queueBlocked));
        error.setStackTrace(stuckAt);
        ActiveConfigs.current().forEach(c -> c.timeline().timedOut(queueBlocked, deadlocked));
        closeOpenConfigs(error);
        body.abandon();
        return error;
    }

    /**
     * Closes every open config, which kills its peers and checks their threads; the run is sequential, so they
     * all belong to this test (or to an earlier one that was abandoned). What closing finds is kept as suppressed
     * failures of the timeout.
     */
    private static void closeOpenConfigs(AssertionError timeout) {
        for (Config config : ActiveConfigs.current()) {
            try {
                config.close();
            } catch (RuntimeException | AssertionError e) {
                timeout.addSuppressed(e);
            }
        }
    }

    private static String queueSummary(ThreadInfo[] blocked) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : blocked) {
            StackTraceElement put = ThreadDump.queuePut(info.getStackTrace());
            out.append("\n  blocked: \"").append(info.getThreadName()).append("\" waits in ")
                    .append(put.getClassName().substring(put.getClassName().lastIndexOf('.') + 1)).append('.')
                    .append(put.getMethodName()).append(" while holding ").append(ThreadDump.held(info))
                    .append(" (never put on the apply queue while holding a lock)");
        }
        return out.toString();
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
