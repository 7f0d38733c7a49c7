package raftkit.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a child's results file and exit into one {@link RunResult} per test. The file is the only source of
 * truth: a finished test's status is its recorded result (the tester's time limit is the result
 * {@value ResultEvent#TIMED_OUT}), a test that started but never finished was cut short (timed out if the parent's
 * backstop killed the JVM, crashed otherwise), and a test asked for that never started is lost to the crash before
 * it.
 */
final class Reconciler {

    private Reconciler() {
    }

    /** The events of a results file; a missing file is empty and a torn last line (the JVM died mid-write) is dropped. */
    static List<ResultEvent> read(Path file) throws IOException {
        List<ResultEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                events.add(ResultEvent.fromJson(line));
            } catch (IOException torn) {
                break;
            }
        }
        return events;
    }

    static RunReport reconcile(List<ResultEvent> events, List<String> asked, ChildOutcome outcome, Path log,
                               long outputCap) {
        Map<String, RunResult> results = new LinkedHashMap<>();
        Set<String> started = new LinkedHashSet<>();
        boolean done = false;
        for (ResultEvent e : events) {
            switch (e.event()) {
                case ResultEvent.STARTED -> started.add(e.method());
                case ResultEvent.FINISHED -> results.put(e.method(), finished(e, testLog(log, e.method())));
                case ResultEvent.DONE -> done = true;
                default -> { }
            }
        }
        for (String method : started) {
            if (!results.containsKey(method)) {
                results.put(method, cutShort(method, outcome, testLog(log, method)));
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (String test : asked) {
            String method = TestNames.methodName(test);
            if (results.containsKey(method)) {
                continue;
            }
            if (done) {
                missing.add(TestNames.goName(test));
            } else {
                notStarted.add(TestNames.goName(test));
                results.put(method, new RunResult(TestNames.goName(test), Status.CRASHED, outcome.seconds(),
                        "did not run: " + jvmEnd(outcome) + " before it started", "", log));
            }
        }
        List<RunResult> all = new ArrayList<>(results.values());
        if (outcome.outputCut()) {
            all.replaceAll(r -> r.withNote("output past " + outputCap + " characters cut"));
        }
        return new RunReport(all, missing, notStarted, outcome, log);
    }

    /** The test's own output file the child wrote beside the shared log, when there is one. */
    private static Path testLog(Path log, String method) {
        Path own = log.resolveSibling(method + ".log");
        return Files.exists(own) ? own : log;
    }

    private static RunResult finished(ResultEvent e, Path log) {
        String note = e.message() == null ? "" : e.message();
        Status status = switch (String.valueOf(e.result())) {
            case "SUCCESSFUL" -> Status.PASSED;
            case ResultEvent.TIMED_OUT -> Status.TIMED_OUT;
            case ResultEvent.PEERS_CRASHED -> Status.CRASHED;
            default -> Status.FAILED;
        };
        if ("ABORTED".equals(e.result())) {
            note = "aborted (not a pass): " + note;
        }
        double seconds = e.seconds() == null ? 0 : e.seconds();
        Path timeline = e.timeline() == null ? null : Path.of(e.timeline());
        return new RunResult(TestNames.goName(e.method()), status, seconds, note, e.seed(), log, timeline);
    }

    private static RunResult cutShort(String method, ChildOutcome outcome, Path log) {
        String test = TestNames.goName(method);
        if (outcome.timedOut()) {
            return new RunResult(test, Status.TIMED_OUT, outcome.seconds(),
                    String.format("killed at the wall-clock cap (%.0f s)", outcome.seconds()), "", log);
        }
        return new RunResult(test, Status.CRASHED, outcome.seconds(), jvmEnd(outcome) + " during the test", "", log);
    }

    private static String jvmEnd(ChildOutcome outcome) {
        if (outcome.timedOut()) {
            return "the JVM was killed at its wall-clock cap";
        }
        int code = outcome.exitCode();
        if (code == ChildMain.EXIT_OUT_OF_MEMORY) {
            return "the JVM ran out of heap (OutOfMemoryError)";
        }
        if (code > 128 && code < 160) {
            return "the JVM was killed by signal " + (code - 128);
        }
        return "the JVM exited with code " + code + (code == 0 ? "" : " (System.exit or a JVM error; see the log)");
    }
}
