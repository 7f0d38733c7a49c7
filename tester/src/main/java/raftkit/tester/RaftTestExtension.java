package raftkit.tester;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import raftkit.tester.timeline.StuckThread;

/**
 * The rules of a graded test ({@link RaftTest}): the time limit ({@link TimeLimit}, resolved for each test from
 * {@value TimeLimit#PROPERTY}), enforced so that a hung test never holds up the run, and failure messages that
 * name the test and its network seed. After each test it publishes the report entries {@value #SEED} (the seeds
 * of the test's networks), {@value #RPCS} and {@value #BYTES} (their traffic) and {@value #TIMELINE} (its
 * timeline page, if {@link TestTimelines} wrote one), which {@link PartTotalsListener} and the grader read.
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
        TimeLimit limit = TimeLimit.resolve(context.getConfigurationParameter(TimeLimit.PROPERTY));
        String testName = context.getRequiredTestMethod().getName();
        try (TestScope scope = TestScope.open(limit)) {
            context.getStore(NAMESPACE).put(TestScope.class, scope);
            if (limit.duration().isEmpty()) {
                invocation.proceed();
                return;
            }
            TimedBody body = new TimedBody(invocation, testName);
            if (!body.runWithin(limit.duration().get())) {
                throw timedOut(body, testName, scope);
            }
            body.rethrow();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        String testName = context.getRequiredTestMethod().getName();
        List<Long> seeds = scope(context).map(TestScope::seeds).orElse(List.of());
        throw FailureMessages.withSuffix(failure, FailureMessages.suffix(testName, seeds));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<TestScope> scope = scope(context).filter(s -> !s.configs().isEmpty());
        if (scope.isEmpty()) {
            return;
        }
        TestTimelines.write(context, scope.get().configs()).ifPresent(page -> context.publishReportEntry(TIMELINE,
                page));
        context.publishReportEntry(SEED, scope.get().seeds().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        scope.get().rpcs().ifPresent(n -> context.publishReportEntry(RPCS, String.valueOf(n)));
        scope.get().bytes().ifPresent(n -> context.publishReportEntry(BYTES, String.valueOf(n)));
    }

    private static Optional<TestScope> scope(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(TestScope.class, TestScope.class));
    }

    /**
     * Reports a hung test: dumps every thread while the hang is still there, closes the test's configs so the
     * peers stop, then stops the body. The failure's stack trace is where the body was stuck.
     */
    private static TimeLimitExceeded timedOut(TimedBody body, String testName, TestScope scope)
            throws InterruptedException {
        String goMessage = scope.limit().message();
        StackTraceElement[] stuckAt = body.stackTrace();
        HungThreads hung = PeerHost.running().map(host -> HungThreads.here().and(host.hungThreads(),
                "--- The peer host's threads (the student's peers run there):")).orElseGet(HungThreads::here);
        StringBuilder report = new StringBuilder()
                .append("--- ").append(testName).append(": ").append(goMessage).append("; all threads:\n")
                .append(hung.dump());
        if (!hung.deadlocked().isEmpty()) {
            report.append("--- Deadlock found between ").append(hung.deadlocked().size()).append(" threads:\n")
                    .append(hung.deadlockDump());
        } else {
            report.append("--- No new deadlock found by the JVM (a thread blocked on a queue is not counted).\n");
        }
        System.out.print(report);
        System.out.flush();
        TimeLimitExceeded error = new TimeLimitExceeded(goMessage + deadlockSummary(hung.deadlocked())
                + queueSummary(hung.queueBlocked()));
        error.setStackTrace(stuckAt);
        scope.configs().forEach(c -> c.timeline().timedOut(hung.queueBlocked(), hung.deadlocked()));
        scope.closeAll(error);
        body.abandon();
        return error;
    }

    private static String queueSummary(List<StuckThread> blocked) {
        StringBuilder out = new StringBuilder();
        for (StuckThread info : blocked) {
            out.append("\n  blocked: \"").append(info.name()).append("\" waits in ").append(info.waitsIn())
                    .append(" while holding ").append(info.held())
                    .append(" (never put on the apply queue while holding a lock)");
        }
        return out.toString();
    }

    private static String deadlockSummary(List<StuckThread> deadlocked) {
        StringBuilder out = new StringBuilder();
        for (StuckThread info : deadlocked) {
            out.append("\n  deadlock: \"").append(info.name()).append("\" waits for ")
                    .append(info.lockName()).append(" held by \"").append(info.lockOwner()).append('"');
        }
        return out.toString();
    }
}
