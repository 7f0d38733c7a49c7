package raftkit.grader.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What one child JVM reported.
 *
 * @param results    one result per test that was selected (or expected and lost to a crash)
 * @param missing    tests that were asked for by name but do not exist (the child found no such test)
 * @param notStarted tests asked for that never started because the JVM died first; each also has a
 *                   {@link Status#CRASHED} result, and a caller may rather run them again in a fresh JVM
 * @param outcome    how the JVM ended
 * @param log        its captured output (each result's own log is the output of that test alone when known)
 */
public record RunReport(List<RunResult> results, List<String> missing, List<String> notStarted,
                        ChildOutcome outcome, Path log) {

    public RunReport {
        results = List.copyOf(results);
        missing = List.copyOf(missing);
        notStarted = List.copyOf(notStarted);
    }

    /** No test ran and none was lost: the selection matched nothing. */
    public boolean noTestsFound() {
        return results.isEmpty();
    }
}
