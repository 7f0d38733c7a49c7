package raftkit.tester;

import static raftkit.tester.ApplierKind.APPLIER;
import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import raftkit.raft.api.RaftPeer;

/** Part 3C: persistence (the lab's eight 3C tests). */
@Tag("3C")
@TestMethodOrder(GoFileOrder.class)
class Persistence3CTest {

    @RaftTest
    void testPersist13C() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): basic persistence");

            cfg.one(11, servers, true);

            // crash and re-start all
            for (int i = 0; i < servers; i++) {
                cfg.start1(i, APPLIER);
            }
            for (int i = 0; i < servers; i++) {
                cfg.disconnect(i);
                cfg.connect(i);
            }

            cfg.one(12, servers, true);

            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);
            cfg.start1(leader1, APPLIER);
            cfg.connect(leader1);

            cfg.one(13, servers, true);

            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);
            cfg.one(14, servers - 1, true);
            cfg.start1(leader2, APPLIER);
            cfg.connect(leader2);

            cfg.waitFor(4, servers, -1); // wait for leader2 to join before killing i3

            int i3 = (cfg.checkOneLeader() + 1) % servers;
            cfg.disconnect(i3);
            cfg.one(15, servers - 1, true);
            cfg.start1(i3, APPLIER);
            cfg.connect(i3);

            cfg.one(16, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testPersist23C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): more persistence");

            int index = 1;
            for (int iters = 0; iters < 5; iters++) {
                cfg.one(10 + index, servers, true);
                index++;

                int leader1 = cfg.checkOneLeader();

                cfg.disconnect((leader1 + 1) % servers);
                cfg.disconnect((leader1 + 2) % servers);

                cfg.one(10 + index, servers - 2, true);
                index++;

                cfg.disconnect((leader1 + 0) % servers);
                cfg.disconnect((leader1 + 3) % servers);
                cfg.disconnect((leader1 + 4) % servers);

                cfg.start1((leader1 + 1) % servers, APPLIER);
                cfg.start1((leader1 + 2) % servers, APPLIER);
                cfg.connect((leader1 + 1) % servers);
                cfg.connect((leader1 + 2) % servers);

                Thread.sleep(RAFT_ELECTION_TIMEOUT);

                cfg.start1((leader1 + 3) % servers, APPLIER);
                cfg.connect((leader1 + 3) % servers);

                cfg.one(10 + index, servers - 2, true);
                index++;

                cfg.connect((leader1 + 4) % servers);
                cfg.connect((leader1 + 0) % servers);
            }

            cfg.one(1000, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testPersist33C() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): partitioned leader and one follower crash, leader restarts");

            cfg.one(101, 3, true);

            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 2) % servers);

            cfg.one(102, 2, true);

            cfg.crash1((leader + 0) % servers);
            cfg.crash1((leader + 1) % servers);
            cfg.connect((leader + 2) % servers);
            cfg.start1((leader + 0) % servers, APPLIER);
            cfg.connect((leader + 0) % servers);

            cfg.one(103, 2, true);

            cfg.start1((leader + 1) % servers, APPLIER);
            cfg.connect((leader + 1) % servers);

            cfg.one(104, servers, true);

            cfg.end();
        }
    }

    // Test the scenarios described in Figure 8 of the extended Raft paper. Each
    // iteration asks a leader, if there is one, to insert a command in the Raft
    // log.  If there is a leader, that leader will fail quickly with a high
    // probability (perhaps without committing the command), or crash after a while
    // with low probability (most likey committing the command).  If the number of
    // alive servers isn't enough to form a majority, perhaps start a new server.
    // The leader in a new term may try to finish replicating log entries that
    // haven't been committed yet.
    @RaftTest
    void testFigure83C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): Figure 8");

            cfg.one(cfg.randInt(), 1, true);

            int nup = servers;
            for (int iters = 0; iters < 1000; iters++) {
                int leader = -1;
                for (int i = 0; i < servers; i++) {
                    RaftPeer rf = cfg.raft(i);
                    if (rf != null && rf.start(cfg.randInt()).isLeader()) {
                        leader = i;
                    }
                }

                sleepLikeFigure8(cfg);

                if (leader != -1) {
                    cfg.crash1(leader);
                    nup -= 1;
                }

                if (nup < 3) {
                    int s = cfg.randInt(servers);
                    if (cfg.raft(s) == null) {
                        cfg.start1(s, APPLIER);
                        cfg.connect(s);
                        nup += 1;
                    }
                }
            }

            for (int i = 0; i < servers; i++) {
                if (cfg.raft(i) == null) {
                    cfg.start1(i, APPLIER);
                    cfg.connect(i);
                }
            }

            cfg.one(cfg.randInt(), servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testUnreliableAgree3C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, true, false)) {
            cfg.begin("Test (3C): unreliable agreement");

            List<Future<Integer>> wg = new ArrayList<>();

            for (int iters = 1; iters < 50; iters++) {
                for (int j = 0; j < 4; j++) {
                    int cmd = (100 * iters) + j;
                    wg.add(cfg.go(() -> cfg.one(cmd, 1, true)));
                }
                cfg.one(iters, 1, true);
            }

            cfg.setUnreliable(false);

            for (Future<Integer> f : wg) {
                Config.await(f);
            }

            cfg.one(100, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testFigure8Unreliable3C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, true, false)) {
            cfg.begin("Test (3C): Figure 8 (unreliable)");

            cfg.one(cfg.randInt(10000), 1, true);

            int nup = servers;
            for (int iters = 0; iters < 1000; iters++) {
                if (iters == 200) {
                    cfg.setLongReordering(true);
                }
                int leader = -1;
                for (int i = 0; i < servers; i++) {
                    boolean ok = cfg.raft(i).start(cfg.randInt(10000)).isLeader();
                    if (ok && cfg.isConnected(i)) {
                        leader = i;
                    }
                }

                sleepLikeFigure8(cfg);

                if (leader != -1 && cfg.randInt(1000) < RAFT_ELECTION_TIMEOUT / 2) {
                    cfg.disconnect(leader);
                    nup -= 1;
                }

                if (nup < 3) {
                    int s = cfg.randInt(servers);
                    if (!cfg.isConnected(s)) {
                        cfg.connect(s);
                        nup += 1;
                    }
                }
            }

            for (int i = 0; i < servers; i++) {
                if (!cfg.isConnected(i)) {
                    cfg.connect(i);
                }
            }

            cfg.one(cfg.randInt(10000), servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testReliableChurn3C() throws InterruptedException {
        internalChurn(false);
    }

    @RaftTest
    void testUnreliableChurn3C() throws InterruptedException {
        internalChurn(true);
    }

    /** Mostly a short pause (0-12 ms), sometimes (10%) a long one (0-499 ms), as both Figure 8 tests do. */
    private static void sleepLikeFigure8(Config cfg) throws InterruptedException {
        if (cfg.randInt(1000) < 100) {
            Thread.sleep(cfg.randInt((int) (RAFT_ELECTION_TIMEOUT / 2)));
        } else {
            Thread.sleep(cfg.randInt(13));
        }
    }

    private static void internalChurn(boolean unreliable) throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, unreliable, false)) {
            if (unreliable) {
                cfg.begin("Test (3C): unreliable churn");
            } else {
                cfg.begin("Test (3C): churn");
            }

            AtomicBoolean stop = new AtomicBoolean();

            // create concurrent clients
            int ncli = 3;
            List<Future<List<Integer>>> cha = new ArrayList<>();
            for (int i = 0; i < ncli; i++) {
                cha.add(cfg.go(churnClient(cfg, i, servers, stop)));
            }

            for (int iters = 0; iters < 20; iters++) {
                if (cfg.randInt(1000) < 200) {
                    int i = cfg.randInt(servers);
                    cfg.disconnect(i);
                }

                if (cfg.randInt(1000) < 500) {
                    int i = cfg.randInt(servers);
                    if (cfg.raft(i) == null) {
                        cfg.start1(i, APPLIER);
                    }
                    cfg.connect(i);
                }

                if (cfg.randInt(1000) < 200) {
                    int i = cfg.randInt(servers);
                    if (cfg.raft(i) != null) {
                        cfg.crash1(i);
                    }
                }

                // Make crash/restart infrequent enough that the peers can often
                // keep up, but not so infrequent that everything has settled
                // down from one change to the next. Pick a value smaller than
                // the election timeout, but not hugely smaller.
                Thread.sleep((RAFT_ELECTION_TIMEOUT * 7) / 10);
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.setUnreliable(false);
            for (int i = 0; i < servers; i++) {
                if (cfg.raft(i) == null) {
                    cfg.start1(i, APPLIER);
                }
                cfg.connect(i);
            }

            stop.set(true);

            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < ncli; i++) {
                List<Integer> vv = clientValues(cha.get(i));
                if (vv == null) {
                    fail("client failed");
                }
                values.addAll(vv);
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT);

            int lastIndex = cfg.one(cfg.randInt(), servers, true);

            List<Integer> really = new ArrayList<>(Collections.nCopies(lastIndex + 1, 0));
            for (int index = 1; index <= lastIndex; index++) {
                Object v = cfg.waitFor(index, servers, -1);
                if (v instanceof Integer vi) {
                    really.add(vi);
                } else {
                    fail("not an int");
                }
            }

            for (int v1 : values) {
                if (!really.contains(v1)) {
                    fail("didn't find a value");
                }
            }

            cfg.end();
        }
    }

    /** One churn client: offers commands to every peer until stopped; returns those it saw committed. */
    private static Callable<List<Integer>> churnClient(Config cfg, int me, int servers, AtomicBoolean stop) {
        return () -> {
            List<Integer> values = new ArrayList<>();
            while (!stop.get()) {
                int x = cfg.randInt();
                int index = -1;
                boolean ok = false;
                for (int i = 0; i < servers; i++) {
                    // try them all, maybe one of them is a leader
                    RaftPeer rf = cfg.raft(i);
                    if (rf != null) {
                        var r = rf.start(x);
                        if (r.isLeader()) {
                            ok = true;
                            index = r.index();
                        }
                    }
                }
                if (ok) {
                    // maybe leader will commit our value, maybe not.
                    // but don't wait forever.
                    for (int to : new int[] {10, 20, 50, 100, 200}) {
                        Committed c = cfg.nCommitted(index);
                        if (c.count() > 0) {
                            if (c.command() instanceof Integer xx) {
                                if (xx == x) {
                                    values.add(x);
                                }
                            } else {
                                fail("wrong command type");
                            }
                            break;
                        }
                        Thread.sleep(to);
                    }
                } else {
                    Thread.sleep(79 + me * 17);
                }
            }
            return values;
        };
    }

    /** A client's values, or null if it failed (its failure is printed, as the lab's log shows it). */
    private static List<Integer> clientValues(Future<List<Integer>> client) throws InterruptedException {
        try {
            return client.get();
        } catch (ExecutionException e) {
            System.out.println(e.getCause());
            return null;
        }
    }
}
