package raftkit.grader.engine;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the results file a child JVM writes (JSON, one event per line). The parent reads these instead of
 * the child's console, so a test's printing can never fake a result.
 *
 * <ul>
 *   <li>{@code plan}: discovery finished; {@code tests} is how many tests were selected;</li>
 *   <li>{@code started}: a test began ({@code className}, {@code method});</li>
 *   <li>{@code finished}: a test ended; {@code result} is SUCCESSFUL, FAILED, ABORTED or SKIPPED, with
 *       {@code seconds}, {@code message} and the {@code seed}/{@code log} the test reported;</li>
 *   <li>{@code timeout}: the child's watchdog stopped a test at its limit; {@code message} says why;</li>
 *   <li>{@code done}: every selected test has been reported and the file is complete.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultEvent(String event, String className, String method, String result, Double seconds,
                          String message, String seed, String log, Integer tests) {

    public static final String PLAN = "plan";
    public static final String STARTED = "started";
    public static final String FINISHED = "finished";
    public static final String TIMEOUT = "timeout";
    public static final String DONE = "done";

    static ResultEvent plan(int tests) {
        return new ResultEvent(PLAN, null, null, null, null, null, null, null, tests);
    }

    static ResultEvent started(String className, String method) {
        return new ResultEvent(STARTED, className, method, null, null, null, null, null, null);
    }

    static ResultEvent finished(String className, String method, String result, double seconds, String message,
                                String seed, String log) {
        return new ResultEvent(FINISHED, className, method, result, seconds, message, seed, log, null);
    }

    static ResultEvent timeout(String className, String method, double seconds, String message) {
        return new ResultEvent(TIMEOUT, className, method, null, seconds, message, null, null, null);
    }

    static ResultEvent done() {
        return new ResultEvent(DONE, null, null, null, null, null, null, null, null);
    }
}
