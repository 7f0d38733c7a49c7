package raftkit.grader.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import raftkit.tester.RaftTestExtension;
import raftkit.tester.PeerHostCrashed;
import raftkit.tester.TimeLimitExceeded;

/**
 * Inside the child: turns the launcher's events into result lines. A failed container fails every test under it
 * that has not reported, and a skipped test is recorded as such (the parent counts neither as a pass). A test the
 * tester stopped at its time limit failed with a {@link TimeLimitExceeded}; that type, not the message, makes its
 * result {@value ResultEvent#TIMED_OUT}.
 */
final class ResultsListener implements TestExecutionListener {

    private static final int MAX_MESSAGE = 4000;

    private final ResultsWriter results;
    private final PerTestOutput output;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private TestPlan plan;

    ResultsListener(ResultsWriter results, PerTestOutput output) {
        this.results = results;
        this.output = output;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.write(ResultEvent.plan((int) testPlan.countTestIdentifiers(TestIdentifier::isTest)));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            startNanos.put(id.getUniqueId(), System.nanoTime());
            output.begin(method(id));
            results.write(ResultEvent.started(className(id), method(id)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entries.computeIfAbsent(id.getUniqueId(), k -> new HashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        for (TestIdentifier test : testsUnder(id)) {
            report(test, "SKIPPED", "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String message = result.getThrowable().map(ResultsListener::describe).orElse("");
        if (id.isTest()) {
            output.end();
            report(id, result(result), message);
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            for (TestIdentifier test : testsUnder(id)) {
                report(test, "FAILED", id.getDisplayName() + " failed: " + message);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        results.write(ResultEvent.done());
    }

    /**
     * JUnit's status name, {@value ResultEvent#TIMED_OUT} for a failure at the tester's time limit, or
     * {@value ResultEvent#PEERS_CRASHED} when the peer host ended: the failure's type decides, never its text.
     */
    static String result(TestExecutionResult result) {
        Optional<Throwable> failure = result.getThrowable();
        if (failure.filter(TimeLimitExceeded.class::isInstance).isPresent()) {
            return ResultEvent.TIMED_OUT;
        }
        if (failure.filter(PeerHostCrashed.class::isInstance).isPresent()) {
            return ResultEvent.PEERS_CRASHED;
        }
        return result.getStatus().name();
    }

    private void report(TestIdentifier test, String result, String message) {
        if (!reported.add(test.getUniqueId())) {
            return;
        }
        Long start = startNanos.get(test.getUniqueId());
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        Map<String, String> found = entries.getOrDefault(test.getUniqueId(), Map.of());
        results.write(ResultEvent.finished(className(test), method(test), result, seconds, message,
                found.get(RaftTestExtension.SEED), found.get(RaftTestExtension.TIMELINE)));
    }

    private Set<TestIdentifier> testsUnder(TestIdentifier id) {
        Set<TestIdentifier> tests = new HashSet<>();
        if (id.isTest()) {
            tests.add(id);
        }
        plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(tests::add);
        return tests;
    }

    /** An assertion's message is the story (the Go strings); any other exception also needs its type. */
    private static String describe(Throwable t) {
        String text = t instanceof AssertionError && t.getMessage() != null ? t.getMessage() : t.toString();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " ...";
    }

    private static String className(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getClassName())
                .orElse("");
    }

    private static String method(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(id.getDisplayName());
    }
}
