package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/** Part 3A: leader election (the lab's TestInitialElection3A, TestReElection3A, TestManyElections3A). */
@Tag("3A")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Election3ATest {

    @RaftTest
    @Order(1)
    void testInitialElection3A() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): initial election");

            // three connected peers elect exactly one leader (§5.2)
            cfg.checkOneLeader();

            // 50 ms on, the followers know the winner: all three report one term, and it is at least 1
            Thread.sleep(50);
            int term1 = cfg.checkTerms();
            if (term1 < 1) {
                fail(String.format("term is %d, but should be at least 1", term1));
            }

            // with no faults, heartbeats keep followers from timing out, so the term holds (§5.2; only a warning)
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);
            int term2 = cfg.checkTerms();
            if (term1 != term2) {
                System.out.print("warning: term changed even though there were no failures");
            }

            // and one leader is still in charge
            cfg.checkOneLeader();

            cfg.end();
        }
    }

    @RaftTest
    @Order(2)
    void testReElection3A() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): election after network failure");

            // a first leader
            int leader1 = cfg.checkOneLeader();

            // cut the leader off: the other two are a majority and elect a successor (§5.2)
            cfg.disconnect(leader1);
            cfg.checkOneLeader();

            // the old leader returns: the newer term it meets turns it into a follower, and one leader remains (§5.1)
            cfg.connect(leader1);
            int leader2 = cfg.checkOneLeader();

            // cut off the leader and one more peer, leaving a single connected peer with no majority to win
            cfg.disconnect(leader2);
            cfg.disconnect((leader2 + 1) % servers);
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);

            // alone it cannot have won an election, so no connected peer may claim to lead (§5.2)
            cfg.checkNoLeader();

            // reconnect one of the two: two of three can elect again
            cfg.connect((leader2 + 1) % servers);
            cfg.checkOneLeader();

            // reconnect the last peer; the three settle on one leader again
            cfg.connect(leader2);
            cfg.checkOneLeader();

            cfg.end();
        }
    }

    @RaftTest
    @Order(3)
    void testManyElections3A() {
        int servers = 7;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3A): multiple elections");

            // seven peers settle on a first leader
            cfg.checkOneLeader();

            int iters = 10;
            for (int ii = 1; ii < iters; ii++) {
                // each round cuts off three random peers (a peer may be drawn twice), so four or more stay connected
                int i1 = cfg.randInt(servers);
                int i2 = cfg.randInt(servers);
                int i3 = cfg.randInt(servers);
                cfg.disconnect(i1);
                cfg.disconnect(i2);
                cfg.disconnect(i3);

                // four or more of seven are a majority, so checkOneLeader finds a leader, old or new
                cfg.checkOneLeader();

                // heal the partition before the next round
                cfg.connect(i1);
                cfg.connect(i2);
                cfg.connect(i3);
            }

            // with everyone back, one leader
            cfg.checkOneLeader();

            cfg.end();
        }
    }
}
