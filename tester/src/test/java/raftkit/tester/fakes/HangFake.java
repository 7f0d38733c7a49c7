package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.DeadlockingRaft;

/** A test that hangs in a peer's lock-order deadlock, followed by one that passes. */
@FakeOnly
public class HangFake {

    @RaftTest
    void hangsInDeadlock() {
        try (Config cfg = new Config(3, false, false, DeadlockingRaft::new)) {
            cfg.checkOneLeader();
        }
    }

    @RaftTest
    void runsAfterTheHang() {
    }
}
