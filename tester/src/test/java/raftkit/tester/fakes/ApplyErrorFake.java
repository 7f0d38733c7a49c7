package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.MisapplyingRaft;

/** Tests whose peers apply wrong messages; the appliers' errors must fail them on the test thread. */
@FakeOnly
public class ApplyErrorFake {

    @RaftTest
    void appliesMismatchedCommands() {
        try (Config cfg = new Config(3, false, false, MisapplyingRaft.mismatched())) {
            cfg.checkOneLeader();
            cfg.checkOneLeader();
        }
    }

    @RaftTest
    void appliesOutOfOrder() {
        try (Config cfg = new Config(3, false, false, MisapplyingRaft.outOfOrder())) {
            cfg.checkOneLeader();
            cfg.checkOneLeader();
        }
    }
}
