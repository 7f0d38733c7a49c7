package raftkit.tester.fakes;

import java.util.ArrayList;
import java.util.List;
import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.ChattyRaft;

/**
 * A test on an unreliable network that records the tester's random choices and which of its RPCs the network
 * delivered, then fails, so its message carries the seed that should replay both.
 */
@FakeOnly
public class ReplayFake {

    /** The last run's seed. */
    public static volatile long seed;
    /** The last run's tester choices: ints as Go's rand.Int(), then a 20-character string. */
    public static volatile List<Object> choices = List.of();
    /** The last run's deliveries: for each start() on peer 0, how many of its two pings got a reply. */
    public static volatile List<Integer> deliveries = List.of();

    @RaftTest
    void recordsChoicesThenFails() {
        try (Config cfg = new Config(3, true, false, ChattyRaft::new)) {
            seed = cfg.seed();
            List<Object> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(cfg.randInt());
            }
            made.add(cfg.randString(20));
            choices = made;
            List<Integer> delivered = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                delivered.add(cfg.raft(0).start(i).index());
            }
            deliveries = delivered;
            Config.fail("expected one leader, got none");
        }
    }
}
