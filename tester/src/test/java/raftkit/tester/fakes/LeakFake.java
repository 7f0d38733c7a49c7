package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.LeakyRaft;

/** A test whose peers leave a thread running after kill(). */
@FakeOnly
public class LeakFake {

    @RaftTest
    void leaksThreads() {
        try (Config cfg = new Config(3, false, false, LeakyRaft::new)) {
            cfg.begin("Test (0Z): leaky peers");
        }
    }
}
