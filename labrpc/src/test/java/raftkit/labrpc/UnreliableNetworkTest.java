package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unreliable network's probabilities and delays, measured over many calls. Counts (drops, deliveries, delayed
 * replies) are load-independent; the chosen waits are read from a {@link PauseLog} and checked against Go's ranges,
 * and the calls' times only against the bound a busy machine cannot break (no call returns before its wait is
 * over). Every statistical bound is at least four standard deviations wide, so these tests do not flake.
 */
class UnreliableNetworkTest {

    private Network net;
    private PauseLog log;
    private String seed;

    @BeforeEach
    void makeNetwork() {
        net = new Network();
        log = new PauseLog();
        net.setPauseListener(log);
        seed = " (seed " + net.seed() + ")";
        net.addServer("s", Calls.junkServer(new JunkServer()));
    }

    @AfterEach
    void cleanup() {
        net.cleanup();
    }

    /** Go: 10% of requests dropped (the handler does not run), then 10% of replies dropped (it did run). */
    @Test
    void when_unreliable_then_a_tenth_of_requests_and_a_tenth_of_replies_are_dropped() throws Exception {
        net.setReliable(false);
        int n = 2000;
        List<Calls.Outcome> outcomes = Calls.run(net, log, "c", "s", 100, n / 100, true);
        long ok = Calls.count(outcomes, Calls.Outcome::ok);
        int delivered = net.getCount("s");

        assertEquals(n, net.getTotalCount(), "every call is counted, dropped or not" + seed);
        // delivered ~ Binomial(2000, 0.9): mean 1800, sd 13.4
        assertTrue(delivered >= 1700 && delivered <= 1900, "requests delivered " + delivered + " of 2000" + seed);
        // successes ~ Binomial(2000, 0.81): mean 1620, sd 17.5
        assertTrue(ok >= 1500 && ok <= 1740, "calls succeeded " + ok + " of 2000" + seed);
        double replyDrops = 1 - (double) ok / delivered; // mean 0.1, sd 0.007
        assertTrue(replyDrops >= 0.05 && replyDrops <= 0.15, "replies dropped " + replyDrops + seed);
    }

    /** Go: an unreliable network delays each request to a live server by rand%27 ms; a reliable one does not. */
    @Test
    void when_unreliable_then_requests_wait_0_to_26_ms() throws Exception {
        Calls.run(net, log, "r", "s", 4, 50, true);
        assertEquals(List.of(), log.of(Network.Pause.SHORT_DELAY), "a reliable network must not delay");
        net.setReliable(false);
        List<Calls.Outcome> outcomes = Calls.run(net, log, "u", "s", 100, 10, true);

        List<Integer> delays = log.of(Network.Pause.SHORT_DELAY);
        assertEquals(1000, delays.size(), "every request to a live server waits once");
        IntSummaryStatistics stats = delays.stream().mapToInt(Integer::intValue).summaryStatistics();
        assertEquals(0, stats.getMin(), "uniform on 0..26 ms: 0 comes up in 1000 draws" + seed);
        assertEquals(26, stats.getMax(), "uniform on 0..26 ms: 26 comes up, nothing above" + seed);
        // mean 13, sd of the mean 0.25
        assertTrue(stats.getAverage() >= 12 && stats.getAverage() <= 14, "mean delay " + stats.getAverage() + seed);
        assertNeverEarly(outcomes);
    }

    /** Go: a call on a disabled end, or to a missing server, fails after rand%100 ms, and nothing is delivered. */
    @Test
    void when_end_disabled_then_calls_fail_after_0_to_99_ms() throws Exception {
        List<Calls.Outcome> outcomes = new ArrayList<>(Calls.run(net, log, "d", "s", 100, 2, false));
        outcomes.addAll(Calls.run(net, log, "x", "nobody", 100, 2, true)); // no such server: the same rule
        assertEquals(0, Calls.count(outcomes, Calls.Outcome::ok), "a call on a disabled end succeeded");
        assertEquals(0, net.getCount("s"), "nothing may be delivered");

        IntSummaryStatistics stats = stats(log.of(Network.Pause.TIMEOUT));
        assertEquals(400, stats.getCount(), "every lost call waits once");
        assertTrue(stats.getMin() >= 0 && stats.getMax() <= 99, "waits outside 0..99 ms: " + stats + seed);
        // mean 49.5, sd of the mean 1.4
        assertTrue(stats.getAverage() >= 43 && stats.getAverage() <= 56, "mean wait " + stats.getAverage() + seed);
        assertTrue(stats.getMax() >= 90, "the longest of 400 waits should be near 99 ms: " + stats + seed);
        assertNeverEarly(outcomes);
    }

    /** Go: with longDelays a call on a disabled end fails after rand%7000 ms; cleanup ends the wait at once. */
    @Test
    void when_long_delays_then_disabled_end_fails_after_up_to_7_s() throws Exception {
        net.setLongDelays(true);
        int n = 200;
        ClientEnd end = net.makeEnd("d");
        net.connect("d", "s");
        List<Calls.Outcome> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(n);
        int threadsBefore = Calls.networkThreads().size();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int arg = i;
            Thread t = new Thread(() -> {
                finished.add(Calls.timed(end, arg, log));
                all.countDown();
            });
            callers.add(t);
            t.start();
        }
        assertTrue(Calls.eventually(30_000, () -> log.of(Network.Pause.TIMEOUT).size() == n),
                "the callers never all started");
        Thread.sleep(1400);
        int threadsMade = Calls.networkThreads().size() - threadsBefore;
        assertTrue(threadsMade <= 1, "200 waiting calls should share the network's timer thread, but "
                + threadsMade + " network threads were made");
        List<Integer> waits = log.of(Network.Pause.TIMEOUT);
        IntSummaryStatistics stats = stats(waits);
        assertTrue(stats.getMin() >= 0 && stats.getMax() <= 6999, "waits outside 0..6999 ms: " + stats + seed);
        // mean 3500, sd of the mean 143
        assertTrue(stats.getAverage() >= 2800 && stats.getAverage() <= 4200, "mean wait " + stats + seed);
        long quick = waits.stream().filter(ms -> ms < 200).count();
        assertTrue(finished.size() >= quick, finished.size() + " calls done after 1400 ms, though " + quick
                + " had waits under 200 ms" + seed);
        assertNeverEarly(new ArrayList<>(finished));

        net.cleanup();
        assertTrue(all.await(3, TimeUnit.SECONDS), "cleanup should end the waits at once, not after up to 7 s");
        assertEquals(0, Calls.count(finished, Calls.Outcome::ok), "a call on a disabled end succeeded");
        assertEquals(0, net.getCount("s"));
        for (Thread t : callers) {
            t.join();
        }
    }

    /** Go: with longReordering, 600 of 900 replies wait 200 + rand(1 + rand(2000)) ms (200-2199, mean ~700). */
    @Test
    void when_long_reordering_then_two_thirds_of_replies_wait_200_to_2199_ms() throws Exception {
        net.setLongReordering(true);
        List<Calls.Outcome> outcomes = Calls.run(net, log, "c", "s", 100, 3, true);
        assertEquals(300, Calls.count(outcomes, Calls.Outcome::ok), "reordering alone must not lose replies");

        IntSummaryStatistics stats = stats(log.of(Network.Pause.REORDER));
        // delayed ~ Binomial(300, 2/3): mean 200, sd 8.2
        assertTrue(stats.getCount() >= 160 && stats.getCount() <= 240, stats.getCount() + " of 300 replies delayed"
                + seed);
        assertTrue(stats.getMin() >= 200 && stats.getMax() <= 2199, "delays outside 200..2199 ms: " + stats + seed);
        // mean 200 + E[rand(1 + rand(2000))] = about 700 ms, sd of the mean about 31 ms
        assertTrue(stats.getAverage() >= 550 && stats.getAverage() <= 850, "mean delay " + stats + seed);
        assertNeverEarly(outcomes);
        assertEquals(300L * (Codec.encode(0).length + Codec.encode("handler2-0").length),
                net.getTotalBytes(), "late replies are counted once delivered");
    }

    /** Every random choice comes from the seed: one caller on the same seed sees the same drops. */
    @Test
    void when_same_seed_then_same_choices() throws Exception {
        List<Boolean> first = sequentialOutcomes(42);
        assertEquals(first, sequentialOutcomes(42), "the same seed made different choices");
        assertNotEquals(first, sequentialOutcomes(43), "different seeds made the same 60 choices");
    }

    private static List<Boolean> sequentialOutcomes(long seed) throws Exception {
        try (Network rn = new Network(seed)) {
            rn.setReliable(false);
            rn.addServer("s", Calls.junkServer(new JunkServer()));
            return Calls.run(rn, "c", "s", 1, 60).stream().map(Calls.Outcome::ok).toList();
        }
    }

    /** A wait may end late on a busy machine, never early. */
    private void assertNeverEarly(List<Calls.Outcome> outcomes) {
        for (Calls.Outcome o : outcomes) {
            assertTrue(o.millis() >= o.pausedMs(), "a call returned after " + o.millis() + " ms, before its "
                    + o.pausedMs() + " ms wait was over" + seed);
        }
    }

    private static IntSummaryStatistics stats(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).summaryStatistics();
    }
}
