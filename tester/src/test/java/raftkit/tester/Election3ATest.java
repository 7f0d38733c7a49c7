package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/** Part 3A: leader election (the lab's TestInitialElection3A, TestReElection3A, TestManyElections3A). */
@Tag("3A")
@TestMethodOrder(GoFileOrder.class)
class Election3ATest {

    @RaftTest
    void testInitialElection3A() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): initial election");

            // is a leader elected?
            cfg.checkOneLeader();

            // sleep a bit to avoid racing with followers learning of the
            // election, then check that all peers agree on the term.
            Thread.sleep(50);
            int term1 = cfg.checkTerms();
            if (term1 < 1) {
                fail(String.format("term is %d, but should be at least 1", term1));
            }

            // does the leader+term stay the same if there is no network failure?
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);
            int term2 = cfg.checkTerms();
            if (term1 != term2) {
                System.out.print("warning: term changed even though there were no failures");
            }

            // there should still be a leader.
            cfg.checkOneLeader();

            cfg.end();
        }
    }

    @RaftTest
    void testReElection3A() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): election after network failure");

            int leader1 = cfg.checkOneLeader();

            // if the leader disconnects, a new one should be elected.
            cfg.disconnect(leader1);
            cfg.checkOneLeader();

            // if the old leader rejoins, that shouldn't
            // disturb the new leader. and the old leader
            // should switch to follower.
            cfg.connect(leader1);
            int leader2 = cfg.checkOneLeader();

            // if there's no quorum, no new leader should
            // be elected.
            cfg.disconnect(leader2);
            cfg.disconnect((leader2 + 1) % servers);
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);

            // check that the one connected server
            // does not think it is the leader.
            cfg.checkNoLeader();

            // if a quorum arises, it should elect a leader.
            cfg.connect((leader2 + 1) % servers);
            cfg.checkOneLeader();

            // re-join of last node shouldn't prevent leader from existing.
            cfg.connect(leader2);
            cfg.checkOneLeader();

            cfg.end();
        }
    }

    @RaftTest
    void testManyElections3A() {
        int servers = 7;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): multiple elections");

            cfg.checkOneLeader();

            int iters = 10;
            for (int ii = 1; ii < iters; ii++) {
                // disconnect three nodes
                int i1 = cfg.randInt(servers);
                int i2 = cfg.randInt(servers);
                int i3 = cfg.randInt(servers);
                cfg.disconnect(i1);
                cfg.disconnect(i2);
                cfg.disconnect(i3);

                // either the current leader should still be alive,
                // or the remaining four should elect a new one.
                cfg.checkOneLeader();

                cfg.connect(i1);
                cfg.connect(i2);
                cfg.connect(i3);
            }

            cfg.checkOneLeader();

            cfg.end();
        }
    }
}
