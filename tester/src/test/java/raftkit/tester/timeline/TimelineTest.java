package raftkit.tester.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.Debug;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;
import raftkit.raft.api.Topic;

class TimelineTest {

    @AfterEach
    void defaultMode() {
        System.clearProperty(Timelines.MODE_PROPERTY);
    }

    @Test
    void when_threads_record_at_once_then_the_recording_keeps_each_threads_order() throws InterruptedException {
        Timeline timeline = new Timeline(4);
        int perThread = 10_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int peer = p;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    timeline.debug(peer, Topic.LOG, "entry %d", new Object[] {i});
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        timeline.close();

        List<Event> events = timeline.recording().events();
        assertEquals(4 * perThread, events.size());
        int[] next = new int[4];
        long lastSeq = -1;
        for (Event e : events) {
            assertTrue(e.seq() > lastSeq, "append order");
            lastSeq = e.seq();
            assertEquals("entry " + next[e.peer()], e.render(), "peer " + e.peer() + "'s events in its order");
            next[e.peer()]++;
        }
    }

    @Test
    void when_a_check_fails_then_its_window_ends_failed_with_the_message() {
        Timeline timeline = new Timeline(3);
        timeline.begin("Test (3A): initial election");
        assertEquals(2, timeline.check("checkOneLeader()", () -> 2));
        AssertionError thrown = assertThrows(AssertionError.class, () -> timeline.check("checkNoLeader()", () -> {
            throw new AssertionError("expected no leader among connected servers, but 2 claims to be leader");
        }));
        timeline.close();

        List<Event> events = timeline.recording().events();
        assertEquals(List.of(Kind.BEGIN, Kind.CHECK_BEGIN, Kind.CHECK_OK, Kind.CHECK_BEGIN, Kind.CHECK_FAILED),
                events.stream().map(Event::kind).toList());
        assertEquals("returned 2", events.get(2).render());
        assertEquals(events.get(3).value(), events.get(4).value(), "begin and end share the window's id");
        assertEquals(thrown.getMessage(), events.get(4).render());
    }

    @Test
    void when_the_tester_asks_a_peer_then_its_answers_and_snapshots_go_on_its_lane() {
        Timeline timeline = new Timeline(3);
        RaftPeer peer = timeline.observe(1, new FixedPeer());
        peer.getState();
        peer.start("x");
        peer.snapshot(9, new byte[0]);
        timeline.applied(1, ApplyMsg.command("x", 5));
        timeline.close();

        List<Event> events = timeline.recording().events();
        assertEquals(List.of(Kind.STATE, Kind.STATE, Kind.SNAPSHOT, Kind.APPLY), events.stream().map(Event::kind).toList());
        assertTrue(events.stream().allMatch(e -> e.peer() == 1));
        assertEquals(4, events.get(0).value());
        assertEquals("leader", events.get(0).render());
        assertEquals(9, events.get(2).value());
        assertEquals("x", events.get(3).render());
        assertEquals(5, events.get(3).value());
    }

    @Test
    void when_a_long_test_makes_more_events_than_kept_then_memory_stays_bounded_and_the_newest_remain() {
        Timeline timeline = new Timeline(5);
        int marks = 3 * Timeline.MARKS_CAPACITY;
        int story = Timeline.STORY_CAPACITY + 1000;
        for (int i = 0; i < marks; i++) {
            timeline.debug(i % 5, Topic.VOTE, "vote %d", new Object[] {i});
        }
        for (int i = 0; i < story; i++) {
            timeline.peer(i % 2 == 0 ? Kind.DISCONNECT : Kind.CONNECT, i % 5);
        }
        timeline.close();

        Recording r = timeline.recording();
        assertEquals(Timeline.MARKS_CAPACITY + Timeline.STORY_CAPACITY, r.events().size(), "both rings are full, no more");
        assertEquals(marks - Timeline.MARKS_CAPACITY, r.droppedMarks());
        assertEquals(story - Timeline.STORY_CAPACITY, r.droppedStory());
        assertTrue(r.truncated());
        assertEquals("vote " + (marks - 1), r.events().stream().filter(e -> e.kind() == Kind.DEBUG)
                .reduce((a, b) -> b).orElseThrow().render(), "the newest mark is kept");
        String page = TimelinePage.render("testLong", List.of(r), null);
        assertTrue(page.length() < 5_000_000, "page of " + page.length() + " bytes");
    }

    @Test
    void when_student_code_logs_then_the_newest_open_timeline_takes_it_on_the_peers_lane() {
        Timeline old = new Timeline(3);
        old.close();
        Timeline current = new Timeline(3);
        Debug.log(2, Topic.LEADER, "became leader at term %d", 5);
        Debug.log(7, Topic.LEADER, "not a peer of this config");
        current.close();
        Debug.log(1, Topic.TERM, "after the test");

        assertEquals(0, old.recording().events().size());
        List<Event> events = current.recording().events();
        assertEquals(1, events.size());
        assertEquals(2, events.get(0).peer());
        assertEquals(Topic.LEADER, events.get(0).topic());
        assertEquals("became leader at term 5", events.get(0).render());
    }

    @Test
    void when_recording_is_off_then_nothing_is_kept_and_peers_are_not_wrapped() {
        System.setProperty(Timelines.MODE_PROPERTY, "off");
        Timeline timeline = new Timeline(3);
        RaftPeer raw = new FixedPeer();
        timeline.begin("Test (3A): initial election");
        timeline.debug(0, Topic.VOTE, "x", new Object[0]);

        assertSame(raw, timeline.observe(0, raw));
        assertEquals(0, timeline.recording().events().size());
        assertTrue(Timelines.afterTest("testX", List.of(timeline), new AssertionError("x")).isEmpty());
    }

    @Test
    void when_an_argument_cannot_be_formatted_then_the_format_is_shown_instead() {
        Event e = new Event(0, 0, 0, Kind.DEBUG, 0, Topic.INFO, "index %d", new Object[] {"not a number"});
        assertTrue(e.render().startsWith("index %d (could not format"), e.render());
    }

    /** A peer that always answers term 4, leader. */
    private static final class FixedPeer implements RaftPeer {
        @Override
        public StartResult start(Object command) {
            return new StartResult(1, 4, true);
        }

        @Override
        public PeerState getState() {
            return new PeerState(4, true);
        }

        @Override
        public void snapshot(int index, byte[] snapshot) {
        }

        @Override
        public void kill() {
        }
    }
}
