package raftkit.tester.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import raftkit.raft.api.Debug;
import raftkit.raft.api.Topic;

/**
 * The timeline's settings and its link to the outside: which timeline takes the student's {@link Debug} events,
 * whether and where a test's page is written.
 *
 * <ul>
 *   <li>{@value #MODE_PROPERTY}: {@code failures} (the default) writes a page for each failing test, {@code always}
 *       for passing ones too, {@code off} records nothing;</li>
 *   <li>{@value #DIR_PROPERTY}: the folder pages go to; the grader sets it to the folder of the test's log.
 *       Without it, {@code target/timeline} under the working folder (Maven runs tests in the module's folder).</li>
 * </ul>
 */
public final class Timelines {

    public static final String MODE_PROPERTY = "raftkit.timeline";
    public static final String DIR_PROPERTY = "raftkit.timeline.dir";
    /** A page's file name is the test method's name plus this. */
    public static final String SUFFIX = ".timeline.html";

    /** When pages are written. */
    public enum Mode { FAILURES, ALWAYS, OFF }

    private static volatile Timeline current;

    static {
        Debug.setSink(Timelines::debug);
    }

    private Timelines() {
    }

    /** The mode the JVM runs with; an unknown value is reported and read as the default. */
    public static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY, "failures").trim().toUpperCase(Locale.ROOT);
        try {
            return Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            System.out.println("warning: -D" + MODE_PROPERTY + "=" + value.toLowerCase(Locale.ROOT)
                    + " is not one of failures, always, off; using failures");
            return Mode.FAILURES;
        }
    }

    /** The newest timeline takes the student's debug events: tests run one at a time, each with its config. */
    static void opened(Timeline timeline) {
        current = timeline;
    }

    static void closed(Timeline timeline) {
        if (current == timeline) {
            current = null;
        }
    }

    private static void debug(int peer, Topic topic, String format, Object[] args) {
        Timeline t = current;
        if (t != null && peer >= 0 && peer < t.peers() && format != null) {
            t.debug(peer, topic == null ? Topic.INFO : topic, format, args);
        }
    }

    /**
     * After a test: records its failure (if any) and writes its page when the mode asks for one. Returns the page,
     * or empty when none was written; a page that cannot be written is reported and never fails the test.
     */
    public static Optional<Path> afterTest(String testName, List<Timeline> timelines, Throwable failure) {
        Mode mode = mode();
        if (timelines.isEmpty() || mode == Mode.OFF || (failure == null && mode == Mode.FAILURES)) {
            return Optional.empty();
        }
        if (failure != null) {
            timelines.get(timelines.size() - 1).failure(String.valueOf(failure.getMessage()));
        }
        List<Recording> runs = timelines.stream().map(Timeline::recording).toList();
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, Path.of("target", "timeline").toString()));
        Path page = dir.resolve(testName + SUFFIX).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.writeString(page, TimelinePage.render(testName, runs, failure), StandardCharsets.UTF_8);
            return Optional.of(page);
        } catch (IOException | RuntimeException e) {
            System.out.println("warning: could not write the timeline page " + page + ": " + e);
            return Optional.empty();
        }
    }
}
