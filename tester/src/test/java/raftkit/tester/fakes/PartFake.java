package raftkit.tester.fakes;

import org.junit.jupiter.api.Tag;
import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.ChattyRaft;

/** Two tests of a made-up part 9Z: one makes a known amount of traffic and passes, one fails at once. */
@FakeOnly
@Tag("9Z")
public class PartFake {

    /** Pings each test start()s on peer 0; each makes two RPCs. */
    public static final int STARTS = 5;
    /** The passing test's network totals when it ended. */
    public static volatile long rpcs;
    public static volatile long bytes;

    @RaftTest
    void makesTraffic() {
        try (Config cfg = new Config(3, false, false, ChattyRaft::new)) {
            for (int i = 0; i < STARTS; i++) {
                cfg.raft(0).start(i);
            }
            rpcs = cfg.rpcTotal();
            bytes = cfg.bytesTotal();
        }
    }

    @RaftTest
    void failsAtOnce() {
        Config.fail("expected one leader, got none");
    }
}
