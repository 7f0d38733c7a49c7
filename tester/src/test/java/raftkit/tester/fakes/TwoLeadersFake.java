package raftkit.tester.fakes;

import java.util.ArrayList;
import java.util.List;
import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.TwoLeadersRaft;

/**
 * A test that fails at once because every peer claims to lead the same term. Before failing it records the seed
 * and the tester's first random choices, so a replay can be compared with the run.
 */
@FakeOnly
public class TwoLeadersFake {

    /** The seed of the last run's config. */
    public static volatile long seed;
    /** The last run's first random choices: ints as Go's rand.Int(), then a 20-character string. */
    public static volatile List<Object> choices = List.of();

    @RaftTest
    void claimsTwoLeaders() {
        try (Config cfg = new Config(3, false, false, TwoLeadersRaft::new)) {
            seed = cfg.seed();
            List<Object> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(cfg.randInt());
            }
            made.add(cfg.randString(20));
            choices = made;
            cfg.checkOneLeader();
        }
    }
}
