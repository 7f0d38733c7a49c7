package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.SlowElectionRaft;

/** A test that fails because its peers' election timeout is too long to elect a leader in time. */
@FakeOnly
public class NoLeaderFake {

    @RaftTest
    void electsNoLeader() {
        try (Config cfg = new Config(3, false, false, SlowElectionRaft::new)) {
            cfg.begin("Test (3A): initial election");
            cfg.checkOneLeader();
            cfg.end();
        }
    }
}
