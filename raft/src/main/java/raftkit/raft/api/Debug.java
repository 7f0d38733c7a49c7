package raftkit.raft.api;

// Kit-owned file: the grader uses its own copy, so changes here have no effect on grading.

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A peer's debug lines. {@link #log} does two things: with {@code -Draftkit.debug=true} it prints the line to
 * standard error as {@code 004512 LEAD S2 became leader at term 5} (milliseconds since start, topic tag, peer,
 * text), the format {@code grader/grade logs} reads; and always, whether printing is on or not, it hands the
 * event to the tester, which shows it on the peer's lane of the run's timeline page. The hand-off stores the
 * format and the arguments as they are and formats them only when a page is written, so leaving calls in costs
 * little; arguments are therefore best immutable (numbers, strings, records).
 */
public final class Debug {

    /** The system property that turns printing on. */
    public static final String PROPERTY = "raftkit.debug";
    /** The printed line: time, tag, peer, text. */
    public static final String LINE_FORMAT = "%06d %s S%d %s%n";

    private static final boolean PRINT = Boolean.getBoolean(PROPERTY);
    private static final long START = System.nanoTime();
    private static volatile Sink sink;

    /** Where the tester takes debug events; set only by the tester. */
    public interface Sink {
        void event(int peer, Topic topic, String format, Object[] args);
    }

    private Debug() {
    }

    /** One debug line of peer {@code me}: {@code Debug.log(me, Topic.VOTE, "votes for S%d", candidate)}. */
    public static void log(int me, Topic topic, String format, Object... args) {
        Sink s = sink;
        if (s != null) {
            s.event(me, topic, format, args);
        }
        if (PRINT) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - START);
            System.err.printf(Locale.ROOT, LINE_FORMAT, ms, topic.tag(), me, String.format(Locale.ROOT, format, args));
        }
    }

    /** Whether {@code -Draftkit.debug=true} is set. */
    public static boolean printing() {
        return PRINT;
    }

    /** The tester's receiver of events, or null to drop them. */
    public static void setSink(Sink receiver) {
        sink = receiver;
    }
}
