package raftkit.grader.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftkit.grader.engine.RunResult;

/** What {@code repeat} tallies per test: runs, failures and the spread of run times. */
public final class RepeatStats {

    private final Map<String, List<RunResult>> byTest = new LinkedHashMap<>();

    /** Fixes the table's row order before any run finishes. */
    public void expect(String test) {
        byTest.putIfAbsent(test, new ArrayList<>());
    }

    public synchronized void add(RunResult result) {
        byTest.computeIfAbsent(result.test(), t -> new ArrayList<>()).add(result);
    }

    public synchronized int failures() {
        return (int) byTest.values().stream().flatMap(List::stream).filter(r -> !r.passed()).count();
    }

    /** The mean and sample standard deviation of {@code seconds}; the deviation of one value is 0. */
    static double[] meanAndSd(List<Double> seconds) {
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (seconds.size() < 2) {
            return new double[] {mean, 0};
        }
        double squares = seconds.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        return new double[] {mean, Math.sqrt(squares / (seconds.size() - 1))};
    }

    public synchronized void print(PrintWriter out) {
        int width = Math.max(4, byTest.keySet().stream().mapToInt(String::length).max().orElse(4));
        String row = "%-" + width + "s  %12s  %s%n";
        out.printf(row, "test", "failed/total", "time (mean ± sd)");
        for (Map.Entry<String, List<RunResult>> test : byTest.entrySet()) {
            List<RunResult> runs = test.getValue();
            long failed = runs.stream().filter(r -> !r.passed()).count();
            double[] time = meanAndSd(runs.stream().map(RunResult::seconds).toList());
            out.printf(row, test.getKey(), failed + "/" + runs.size(), String.format("%.2f ± %.2f s", time[0],
                    time[1]));
        }
        out.flush();
    }
}
