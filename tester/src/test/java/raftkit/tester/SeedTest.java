package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import raftkit.tester.fakes.ReplayFake;
import raftkit.tester.fakes.TwoLeadersFake;

/** A failure names its test and seed once, publishes the seed, and the seed replays the run's random choices. */
class SeedTest {

    private static final Pattern REPLAY = Pattern.compile("replay with -Draftkit\\.seed=(-?\\d+)\\)");

    @Test
    void when_a_test_fails_then_its_message_names_the_test_and_seed_once() {
        FakeRun run = FakeRun.of(TwoLeadersFake.class, Map.of());

        long seed = TwoLeadersFake.seed;
        String message = run.failureOf("claimsTwoLeaders").getMessage();
        assertEquals("term 1 has 3 (>1) leaders (test claimsTwoLeaders, seed " + seed
                + "; replay with -Draftkit.seed=" + seed + ")", message);
    }

    @Test
    void when_a_test_ends_then_its_seed_and_traffic_are_published_as_report_entries() {
        FakeRun run = FakeRun.of(TwoLeadersFake.class, Map.of());

        assertEquals(List.of(String.valueOf(TwoLeadersFake.seed)),
                run.entries("claimsTwoLeaders", RaftTestExtension.SEED));
        assertEquals(1, run.entries("claimsTwoLeaders", RaftTestExtension.RPCS).size());
        assertEquals(1, run.entries("claimsTwoLeaders", RaftTestExtension.BYTES).size());
    }

    @Test
    void when_the_seed_of_a_failure_is_given_back_then_the_tester_and_network_choose_the_same() {
        String before = System.getProperty("raftkit.seed");
        try {
            System.clearProperty("raftkit.seed");
            String message = FakeRun.of(ReplayFake.class, Map.of()).failureOf("recordsChoicesThenFails").getMessage();
            Matcher replay = REPLAY.matcher(message);
            assertTrue(replay.find(), message);
            List<Object> choices = ReplayFake.choices;
            List<Integer> deliveries = ReplayFake.deliveries;
            assertTrue(deliveries.stream().anyMatch(d -> d < 2), "the unreliable network lost some calls");

            System.setProperty("raftkit.seed", replay.group(1));
            FakeRun.of(ReplayFake.class, Map.of());
            assertEquals(Long.parseLong(replay.group(1)), ReplayFake.seed);
            assertEquals(choices, ReplayFake.choices);
            assertEquals(deliveries, ReplayFake.deliveries);

            System.clearProperty("raftkit.seed");
            FakeRun.of(ReplayFake.class, Map.of());
            assertNotEquals(Long.parseLong(replay.group(1)), ReplayFake.seed, "without the option, a fresh seed");
            assertNotEquals(choices, ReplayFake.choices);
        } finally {
            if (before == null) {
                System.clearProperty("raftkit.seed");
            } else {
                System.setProperty("raftkit.seed", before);
            }
        }
    }
}
