package raftkit.tester.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import raftkit.raft.api.Topic;

/** The page built from a fixed recording: its embedded data, golden, and its markup's skeleton. */
class TimelinePageTest {

    private static final long MS = 1_000_000;
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"" + TimelinePage.DATA_ID + "\">(.*?)</script>", Pattern.DOTALL);

    /** Two peers: a check that passes, a partition, a crash, applies, a debug line, traffic, then a failed check. */
    private static Recording fixed() {
        List<Event> events = new ArrayList<>();
        Object[][] rows = {
            {0L, -1, Kind.BEGIN, 0L, null, "Test (3B): basic agreement"},
            {10L, -1, Kind.CHECK_BEGIN, 1L, null, "checkOneLeader()"},
            {500L, 0, Kind.STATE, 1L, null, "leader"},
            {500L, 1, Kind.STATE, 1L, null, "follower"},
            {510L, -1, Kind.CHECK_OK, 1L, null, "returned 0"},
            {600L, 0, Kind.DEBUG, 0L, Topic.LEADER, "became leader at term %d"},
            {700L, 1, Kind.APPLY, 1L, null, "</script><b>101"},
            {750L, 1, Kind.RPCS, 12L, null, null},
            {800L, 1, Kind.DISCONNECT, 0L, null, null},
            {900L, 1, Kind.CRASH, 0L, null, null},
            {1000L, 1, Kind.RESTART, 0L, null, null},
            {1100L, 1, Kind.CONNECT, 0L, null, null},
            {1200L, -1, Kind.UNRELIABLE, 1L, null, null},
            {1300L, -1, Kind.CHECK_BEGIN, 2L, null, "one(102)"},
            {3300L, -1, Kind.CHECK_FAILED, 2L, null, "one(102) failed to reach agreement"},
            {3300L, -1, Kind.FAILURE, 0L, null, "one(102) failed to reach agreement"},
        };
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            Object[] args = r[2] == Kind.DEBUG ? new Object[] {1} : null;
            events.add(new Event(i, (Long) r[0] * MS, (Integer) r[1], (Kind) r[2], (Long) r[3], (Topic) r[4],
                    (String) r[5], args));
        }
        return new Recording("Test (3B): basic agreement", 2, 1_700_000_000_000L, events, 0, 0);
    }

    private static JsonNode data(String page) throws Exception {
        Matcher m = DATA.matcher(page);
        assertTrue(m.find(), "the page embeds its data");
        String json = m.group(1);
        assertFalse(m.find(), "once");
        return new ObjectMapper().readTree(json);
    }

    @Test
    void when_a_recording_is_rendered_then_its_data_is_embedded_exactly() throws Exception {
        AssertionError failure = new AssertionError("one(102) failed to reach agreement (test testBasicAgree3B)\n"
                + "  blocked: \"raft-1-applier\" waits in SynchronousQueue.put while holding a lock");
        JsonNode data = data(TimelinePage.render("testBasicAgree3B", List.of(fixed()), failure));

        assertEquals("testBasicAgree3B", data.get("test").asText());
        assertEquals(failure.getMessage(), data.get("failure").get("message").asText());
        assertEquals("[{\"peer\":1,\"stuck\":true,\"line\":\"blocked: \\\"raft-1-applier\\\" waits in "
                + "SynchronousQueue.put while holding a lock\"}]", data.get("failure").get("peers").toString());
        assertTrue(data.get("failure").get("where").asText().startsWith("at raftkit.tester.timeline.TimelinePageTest"));
        JsonNode run = data.get("runs").get(0);
        assertEquals(2, run.get("peers").asInt());
        assertEquals(0, run.get("droppedMarks").asInt());
        String golden = "[[0,-1,\"begin\",0,\"Test (3B): basic agreement\"],"
                + "[100,-1,\"check\",1,\"checkOneLeader()\"],"
                + "[5000,0,\"state\",1,\"leader\"],"
                + "[5000,1,\"state\",1,\"follower\"],"
                + "[5100,-1,\"ok\",1,\"returned 0\"],"
                + "[6000,0,\"debug\",0,\"became leader at term 1\",\"LEAD\"],"
                + "[7000,1,\"apply\",1,\"</script><b>101\"],"
                + "[7500,1,\"rpcs\",12,null],"
                + "[8000,1,\"disconnect\",0,null],"
                + "[9000,1,\"crash\",0,null],"
                + "[10000,1,\"restart\",0,null],"
                + "[11000,1,\"connect\",0,null],"
                + "[12000,-1,\"unreliable\",1,null],"
                + "[13000,-1,\"check\",2,\"one(102)\"],"
                + "[33000,-1,\"failed\",2,\"one(102) failed to reach agreement\"],"
                + "[33000,-1,\"failure\",0,\"one(102) failed to reach agreement\"]]";
        assertEquals(golden, run.get("events").toString());
    }

    @Test
    void when_a_page_is_written_then_it_is_self_contained_with_the_skeleton_its_script_draws_into() {
        String page = TimelinePage.render("testBasicAgree3B", List.of(fixed()), new AssertionError("x"));

        for (String id : List.of("test", "failure", "summary", "controls", "filters", "zoom-in", "zoom-out",
                "zoom-fit", "lanes", "detail", "error", TimelinePage.DATA_ID)) {
            assertEquals(1, count(page, "id=\"" + id + "\""), "one element #" + id);
        }
        assertTrue(page.contains("<body data-status=\"loading\">"), "the script reports its status on <body>");
        assertTrue(page.contains("<title>testBasicAgree3B - raftkit timeline</title>"));
        assertEquals(2, count(page, "<script"), "the data and the inline script, nothing else");
        assertEquals(0, count(page, " src="), "no external script or image");
        assertEquals(0, count(page, "<link"), "no external style sheet");
        assertEquals(0, count(page, "http"), "no address at all, so nothing is fetched");
        assertEquals(1, count(page, "<style>"));
        assertFalse(page.contains("</script><b>"), "text in the data cannot close the script element");
    }

    @Test
    void when_a_test_passed_then_the_data_has_no_failure() throws Exception {
        JsonNode data = data(TimelinePage.render("testBasicAgree3B", List.of(fixed()), null));
        assertTrue(data.get("failure").isNull());
    }

    @Test
    void when_the_events_exceed_the_page_budget_then_the_oldest_marks_go_and_the_story_stays() throws Exception {
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, 0, -1, Kind.BEGIN, 0, null, "Test (3C): Figure 8 (unreliable)", null));
        int applies = 200_000;
        for (int i = 1; i <= applies; i++) {
            events.add(new Event(i, i * 300_000L, i % 5, Kind.APPLY, i, null, "%s", new Object[] {i * 7919}));
        }
        events.add(new Event(applies + 1, 120_000 * MS, -1, Kind.FAILURE, 0, null, "apply error", null));
        String page = TimelinePage.render("testFigure8Unreliable3C",
                List.of(new Recording("t", 5, 0, events, 0, 0)), new AssertionError("apply error"));

        assertTrue(page.length() < 5_000_000, "a 2-minute test's page of " + page.length() + " bytes");
        JsonNode run = data(page).get("runs").get(0);
        JsonNode kept = run.get("events");
        assertEquals(applies + 2, kept.size() + run.get("droppedMarks").asInt(), "every dropped mark is counted");
        assertEquals("begin", kept.get(0).get(2).asText(), "the tester's story is kept");
        assertEquals("failure", kept.get(kept.size() - 1).get(2).asText());
        assertEquals(applies, kept.get(kept.size() - 2).get(3).asInt(), "the newest marks are kept");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
