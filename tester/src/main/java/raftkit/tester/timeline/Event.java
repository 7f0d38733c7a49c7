package raftkit.tester.timeline;

import java.util.Locale;
import raftkit.raft.api.Topic;

/**
 * One recorded moment. Appending stores references only: {@code text} is either a ready string or a format whose
 * {@code args} are turned into text when a page is written, so the hot path never formats.
 *
 * @param seq   the order of appends within its timeline
 * @param nanos nanoseconds since the timeline started
 * @param peer  the peer's lane, or -1 for the tester's and the network's lanes
 * @param topic a student event's topic, else null
 * @param args  the format's arguments, or null when {@code text} is final
 */
public record Event(long seq, long nanos, int peer, Kind kind, long value, Topic topic, String text, Object[] args) {

    /** Longest text of a peer's mark or a check's call on the page; a long command or debug line is cut. */
    static final int MAX_TEXT = 200;
    /** Longest text of the tester's other events (failure messages, stuck threads' frames). */
    static final int MAX_STORY_TEXT = 4000;

    /** The event's text, formatted now if it was kept as a format, and cut to its kind's length. */
    public String render() {
        String out = text == null ? "" : text;
        if (args != null) {
            try {
                out = String.format(Locale.ROOT, text, args);
            } catch (RuntimeException e) {
                // a bad format, or an argument changed under us: show what was asked for
                out = text + " (could not format: " + e.getClass().getSimpleName() + ")";
            }
        }
        int max = kind == Kind.DEBUG || kind == Kind.APPLY || kind == Kind.CHECK_BEGIN ? MAX_TEXT : MAX_STORY_TEXT;
        return out.length() <= max ? out : out.substring(0, max) + "...";
    }
}
