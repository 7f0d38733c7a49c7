package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftkit.tester.fakes.NoLeaderFake;
import raftkit.tester.fakes.QueueUnderLockFake;
import raftkit.tester.timeline.Timelines;

/**
 * The timeline page of a failing run, loaded in a real headless browser: its script runs without an error, it draws
 * one lane per peer, and it marks what failed. Skipped where Chromium is not installed ({@code apt-get install
 * chromium}); set {@code -Draftkit.screenshots=DIR} to keep a screenshot of each page.
 */
class TimelineBrowserTest {

    private static final Pattern BODY = Pattern.compile("<body([^>]*)>");

    @TempDir
    static Path dir;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void findBrowserAndKeepPagesHere() {
        chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium); "
                + "the timeline page is checked without a browser only");
        System.setProperty(Timelines.DIR_PROPERTY, dir.toString());
    }

    @AfterAll
    static void forgetTheFolder() {
        System.clearProperty(Timelines.DIR_PROPERTY);
    }

    @Test
    void when_no_leader_is_elected_then_the_page_loads_with_a_lane_per_peer_and_the_check_marked_failed()
            throws Exception {
        String dom = load(FakeRun.of(NoLeaderFake.class, Map.of()), "electsNoLeader");

        assertEquals("ok", attribute(dom, "data-status"), "the page's script ran to the end");
        assertEquals("3", attribute(dom, "data-lanes"), "one lane per peer");
        assertEquals("1", attribute(dom, "data-failed-checks"), "the failed checkOneLeader() window is marked");
        assertTrue(dom.contains("checkOneLeader() FAILED"), "the failed window is labelled");
        assertTrue(dom.contains("Leaders the peers reported in that window: none"), "the summary says no leader was seen");
    }

    @Test
    void when_a_peer_puts_on_the_apply_queue_under_its_lock_then_its_lane_shows_it_stuck() throws Exception {
        String dom = load(FakeRun.of(QueueUnderLockFake.class, Map.of(TimeLimit.PROPERTY, "3")), "hangsOnApplyQueue");

        assertEquals("ok", attribute(dom, "data-status"), "the page's script ran to the end");
        assertEquals("3", attribute(dom, "data-lanes"), "one lane per peer");
        String lane0 = lane(dom, 0);
        assertTrue(lane0.contains("class=\"stuck\""), "peer 0's lane has a stuck span: " + lane0);
        assertTrue(lane0.contains("raft-0-applier&quot; waits to put on the apply queue while holding a lock"), lane0);
        assertTrue(lane0.contains("QueueUnderLockRaft.applyAll(QueueUnderLockRaft.java:"), "and where: " + lane0);
        assertTrue(!lane(dom, 1).contains("class=\"stuck\""), "peer 1 is not stuck");
        assertTrue(dom.contains("S0 is stuck"), "the summary names the stuck peer");
    }

    private static String load(FakeRun run, String test) throws Exception {
        List<String> pages = run.entries(test, RaftTestExtension.TIMELINE);
        assertEquals(1, pages.size(), "the failing test published its page: " + run.output);
        Path page = Path.of(pages.get(0));
        assertTrue(Files.size(page) < 5_000_000, "a page stays under 5 MB");
        String shots = System.getProperty("raftkit.screenshots");
        if (shots != null) {
            chromium.screenshot(page, Path.of(shots).resolve(test + ".png"), 1400, 900, dir);
        }
        return chromium.dumpDom(page, dir);
    }

    /** The markup of peer {@code peer}'s lane: from its start to the next lane's. */
    private static String lane(String dom, int peer) {
        int start = dom.indexOf("data-peer=\"" + peer + "\"");
        assertTrue(start >= 0, "a lane for peer " + peer);
        int end = dom.indexOf("class=\"lane", start);
        return dom.substring(start, end < 0 ? dom.length() : end);
    }

    private static String attribute(String dom, String name) {
        Matcher body = BODY.matcher(dom);
        assertTrue(body.find(), "a body element");
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(body.group(1));
        return value.find() ? value.group(1) : null;
    }
}
