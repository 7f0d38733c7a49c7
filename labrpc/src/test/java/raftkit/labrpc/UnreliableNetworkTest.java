package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unreliable network's probabilities and delays, measured over many calls. Every bound is at least four standard
 * deviations from the expected value, and time bounds leave room for a loaded machine, so these tests do not flake.
 */
class UnreliableNetworkTest {

    private Network net;
    private String seed;

    /** Times below include encoding; a cold codec (a first Kryo per thread, JIT) would blur them. */
    @BeforeAll
    static void warmUp() throws Exception {
        try (Network warm = new Network()) {
            warm.addServer("s", Calls.junkServer(new JunkServer()));
            Calls.run(warm, "w", "s", 100, 20);
        }
    }

    @BeforeEach
    void makeNetwork() {
        net = new Network();
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
        List<Calls.Outcome> outcomes = Calls.run(net, "c", "s", 100, n / 100);
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

    /** Go: an unreliable network delays each delivered request by rand%27 ms; a reliable one does not delay. */
    @Test
    void when_unreliable_then_requests_wait_0_to_26_ms() throws Exception {
        List<Calls.Outcome> reliable = Calls.run(net, "r", "s", 4, 100);
        net.setReliable(false);
        List<Calls.Outcome> unreliable = Calls.run(net, "u", "s", 100, 10);
        List<Calls.Outcome> delivered = unreliable.stream().filter(Calls.Outcome::ok).toList();

        assertTrue(median(reliable) <= 10, "reliable calls should not be delayed; median " + median(reliable) + " ms");
        // the delay is uniform on 0..26 ms: about 52% of the calls take 13 ms or more, none much more than 26;
        // a busy machine stretches some times, so the upper check only tells 27 ms from, say, 270 ms
        double atLeast13 = (double) Calls.count(delivered, o -> o.millis() >= 13) / delivered.size();
        double under60 = (double) Calls.count(delivered, o -> o.millis() < 60) / delivered.size();
        assertTrue(atLeast13 >= 0.4, "only " + atLeast13 + " of calls took 13 ms or more" + seed);
        assertTrue(under60 >= 0.6, "only " + under60 + " of calls took under 60 ms" + seed);
    }

    /** Go: a call on a disabled end, or to a missing server, fails after rand%100 ms, and nothing is delivered. */
    @Test
    void when_end_disabled_then_calls_fail_after_0_to_99_ms() throws Exception {
        List<Calls.Outcome> outcomes = new ArrayList<>(Calls.run(net, "d", "s", 100, 1, false));
        outcomes.addAll(Calls.run(net, "x", "nobody", 100, 1)); // enabled, but no such server: the same rule
        assertEquals(0, Calls.count(outcomes, Calls.Outcome::ok), "a call on a disabled end succeeded");
        assertEquals(0, net.getCount("s"), "nothing may be delivered");
        double atLeast50 = (double) Calls.count(outcomes, o -> o.millis() >= 50) / outcomes.size();
        double under200 = (double) Calls.count(outcomes, o -> o.millis() < 200) / outcomes.size();
        // uniform on 0..99 ms: half take 50 ms or more (sd 0.035), none take 200 ms (load aside)
        assertTrue(atLeast50 >= 0.3 && atLeast50 <= 0.8, atLeast50 + " of failures took 50 ms or more" + seed);
        assertTrue(under200 >= 0.6, "only " + under200 + " of failures came within 200 ms" + seed);
    }

    /** Go: with longDelays a call on a disabled end fails after rand%7000 ms; cleanup ends the wait at once. */
    @Test
    void when_long_delays_then_disabled_end_fails_after_up_to_7_s() throws Exception {
        net.setLongDelays(true);
        int n = 200;
        ClientEnd end = net.makeEnd("d");
        net.connect("d", "s");
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(n);
        int threadsBefore = Calls.networkThreads().size();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int arg = i;
            Thread t = new Thread(() -> {
                if (Calls.timed(end, arg).ok()) {
                    throw new AssertionError("a call on a disabled end succeeded");
                }
                finished.incrementAndGet();
                all.countDown();
            });
            callers.add(t);
            t.start();
        }
        Thread.sleep(1400);
        int early = finished.get();
        int threadsMade = Calls.networkThreads().size() - threadsBefore;
        assertTrue(threadsMade <= 1, "200 waiting calls should share the network's timer thread, but "
                + threadsMade + " network threads were made");
        // uniform on 0..6999 ms: a fifth fail within 1400 ms, i.e. 40 of 200 (sd 5.7)
        assertTrue(early >= 12 && early <= 80, early + " of 200 calls failed within 1400 ms" + seed);
        net.cleanup();
        assertTrue(all.await(1, java.util.concurrent.TimeUnit.SECONDS), "cleanup should end the waits at once");
        assertEquals(0, net.getCount("s"));
        for (Thread t : callers) {
            t.join();
        }
    }

    /** Go: with longReordering, 600 of 900 replies wait 200 + rand(1 + rand(2000)) ms (200-2199, mean ~700). */
    @Test
    void when_long_reordering_then_two_thirds_of_replies_wait_200_to_2199_ms() throws Exception {
        net.setLongReordering(true);
        List<Calls.Outcome> outcomes = Calls.run(net, "c", "s", 300, 1);
        assertEquals(300, Calls.count(outcomes, Calls.Outcome::ok), "reordering alone must not lose replies");
        List<Calls.Outcome> late = outcomes.stream().filter(o -> o.millis() >= 200).toList();
        double lateShare = late.size() / 300.0; // mean 0.667, sd 0.027
        assertTrue(lateShare >= 0.55 && lateShare <= 0.85, lateShare + " of replies waited 200 ms or more" + seed);
        double mean = late.stream().mapToLong(Calls.Outcome::millis).average().orElseThrow(); // sd ~31 ms
        long max = late.stream().mapToLong(Calls.Outcome::millis).max().orElseThrow();
        assertTrue(mean >= 550 && mean <= 1200, "late replies waited " + mean + " ms on average" + seed);
        assertTrue(max < 3000, "a reply waited " + max + " ms" + seed);
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

    private static long median(List<Calls.Outcome> outcomes) {
        return outcomes.stream().mapToLong(Calls.Outcome::millis).sorted().skip(outcomes.size() / 2).findFirst()
                .orElseThrow();
    }
}
