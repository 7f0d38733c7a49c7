package raftkit.grader.engine;

import java.nio.file.Path;
import java.util.List;
import raftkit.tester.TestClasses;

/**
 * One child JVM's worth of tests and its caps.
 *
 * @param classes      where the tests live ({@link TestClasses#GRADED} for the graded tests)
 * @param tags         JUnit tags to include (e.g. {@code 3A}); empty for any
 * @param tests        test names in either spelling; empty for every test the tags select
 * @param limitSeconds each test's time limit, passed to the tester as {@code raftkit.timeout}; the parent's
 *                     backstop kills a JVM silent for longer than the limit and a fixed grace
 * @param heap         the child's {@code -Xmx} value, e.g. {@code 512m}
 * @param outputCap    characters of output kept in the log
 * @param dir          where the child's {@code results.jsonl} and {@code output.log} go (created if missing)
 */
public record RunSpec(TestClasses classes, List<String> tags, List<String> tests, double limitSeconds, String heap,
                      long outputCap, Path dir) {

    public RunSpec {
        tags = List.copyOf(tags);
        tests = List.copyOf(tests);
    }
}
