package raftkit.tester;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import raftkit.tester.fakes.FakeOnly;

/** One run of a fake test class through the JUnit test kit, with what it printed and how long it took. */
final class FakeRun {

    final EngineExecutionResults results;
    final String output;
    final long millis;

    private FakeRun(EngineExecutionResults results, String output, long millis) {
        this.results = results;
        this.output = output;
        this.millis = millis;
    }

    /** Runs {@code fake} with the extra configuration parameters {@code parameters}, capturing standard output. */
    static FakeRun of(Class<?> fake, Map<String, String> parameters) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long start = System.nanoTime();
        EngineExecutionResults results;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(fake))
                    .configurationParameter(FakeOnly.ENABLE, "true")
                    .configurationParameters(parameters)
                    .execute();
        } finally {
            System.setOut(stdout);
        }
        return new FakeRun(results, captured.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
    }

    /** The failure of test method {@code name}; fails if that test did not fail. */
    Throwable failureOf(String name) {
        Event event = finished(name);
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        if (result.getStatus() != TestExecutionResult.Status.FAILED) {
            throw new AssertionError(name + " should have failed but was " + result.getStatus());
        }
        return result.getThrowable().orElseThrow();
    }

    /** The status of test method {@code name}. */
    TestExecutionResult.Status statusOf(String name) {
        return finished(name).getRequiredPayload(TestExecutionResult.class).getStatus();
    }

    /** Fails, with its failure as the cause, unless test method {@code name} passed. */
    void assertPassed(String name) {
        TestExecutionResult result = finished(name).getRequiredPayload(TestExecutionResult.class);
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            throw new AssertionError(name + " should have passed but was " + result.getStatus() + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("no failure recorded"),
                    result.getThrowable().orElse(null));
        }
    }

    /** The values of report entry {@code key} that test method {@code name} published. */
    List<String> entries(String name, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(e -> methodName(e).equals(Optional.of(name)))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
    }

    private Event finished(String name) {
        return results.testEvents().finished().stream()
                .filter(e -> methodName(e).equals(Optional.of(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test named " + name + " finished"));
    }

    private static Optional<String> methodName(Event event) {
        return event.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName());
    }
}
