package raftkit.tester.timeline;

import java.util.List;

/**
 * A finished (or paused) timeline: the events kept in append order, and how many each ring dropped.
 *
 * @param startMillis wall-clock start, for the page's header
 */
public record Recording(String title, int peers, long startMillis, List<Event> events, long droppedStory,
                        long droppedMarks) {

    public Recording {
        events = List.copyOf(events);
    }

    /** Whether some events were pushed out by newer ones. */
    public boolean truncated() {
        return droppedStory > 0 || droppedMarks > 0;
    }
}
