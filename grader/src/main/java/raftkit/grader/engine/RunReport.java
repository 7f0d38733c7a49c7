package raftkit.grader.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What one child JVM reported.
 *
 * @param results    one result per test that was selected (or expected and lost to a crash)
 * @param missing    tests that were asked for by name but do not exist (the child found no such test)
 * @param outcome    how the JVM ended
 * @param log        its captured output
 */
public record RunReport(List<RunResult> results, List<String> missing, ChildOutcome outcome, Path log) {

    public RunReport {
        results = List.copyOf(results);
        missing = List.copyOf(missing);
    }

    /** No test ran and none was lost: the selection matched nothing. */
    public boolean noTestsFound() {
        return results.isEmpty();
    }
}
