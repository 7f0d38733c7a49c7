package raftkit.tester;

import static raftkit.tester.ApplierKind.APPLIER;
import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import raftkit.raft.api.RaftPeer;

/** Part 3C: persistence (the lab's eight 3C tests). */
@Tag("3C")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Persistence3CTest {

    // Peers restarted from their persisters, all at once or one at a time, still know their term, vote and log.
    @RaftTest
    @Order(1)
    void testPersist13C() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): basic persistence");

            // a first entry on all three
            cfg.one(11, servers, true);

            // restart every peer from its saved state (start1 kills the running one first), then reconnect them all
            for (int i = 0; i < servers; i++) {
                cfg.start1(i, APPLIER);
            }
            for (int i = 0; i < servers; i++) {
                cfg.disconnect(i);
                cfg.connect(i);
            }

            // back from the restart, the three agree on a second entry
            cfg.one(12, servers, true);

            // restart the leader on its own, then let it back in
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);
            cfg.start1(leader1, APPLIER);
            cfg.connect(leader1);

            // the restarted peer takes part in the next entry
            cfg.one(13, servers, true);

            // cut off the next leader, commit an entry without it, then restart and reconnect it
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);
            cfg.one(14, servers - 1, true);
            cfg.start1(leader2, APPLIER);
            cfg.connect(leader2);

            // first let the restarted peer apply index 4; only then is the next one taken down
            cfg.waitFor(4, servers, -1);

            // the same with a follower: cut off, an entry committed without it, restarted, reconnected
            int i3 = (cfg.checkOneLeader() + 1) % servers;
            cfg.disconnect(i3);
            cfg.one(15, servers - 1, true);
            cfg.start1(i3, APPLIER);
            cfg.connect(i3);

            // and all three commit a last entry
            cfg.one(16, servers, true);

            cfg.end();
        }
    }

    // Five rounds in which the only peers that hold the newest entry must remember it across a restart, because a
    // new leader can only be one of them (§5.4.1).
    @RaftTest
    @Order(2)
    void testPersist23C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): more persistence");

            int index = 1;
            for (int iters = 0; iters < 5; iters++) {
                // each round starts with an entry on all five
                cfg.one(10 + index, servers, true);
                index++;

                int leader1 = cfg.checkOneLeader();

                // cut off two followers; the leader and the other two commit an entry without them
                cfg.disconnect((leader1 + 1) % servers);
                cfg.disconnect((leader1 + 2) % servers);

                cfg.one(10 + index, servers - 2, true);
                index++;

                // now cut off those three instead, and restart the two that missed the entry
                cfg.disconnect((leader1 + 0) % servers);
                cfg.disconnect((leader1 + 3) % servers);
                cfg.disconnect((leader1 + 4) % servers);

                cfg.start1((leader1 + 1) % servers, APPLIER);
                cfg.start1((leader1 + 2) % servers, APPLIER);
                cfg.connect((leader1 + 1) % servers);
                cfg.connect((leader1 + 2) % servers);

                // the two are no majority: for an election timeout they try, and fail, to elect a leader
                Thread.sleep(RAFT_ELECTION_TIMEOUT);

                // restart one that holds the entry and connect it: it alone can win the three's election (§5.4.1)
                cfg.start1((leader1 + 3) % servers, APPLIER);
                cfg.connect((leader1 + 3) % servers);

                cfg.one(10 + index, servers - 2, true);
                index++;

                // reconnect the last two for the next round
                cfg.connect((leader1 + 4) % servers);
                cfg.connect((leader1 + 0) % servers);
            }

            // all five agree on a final entry
            cfg.one(1000, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    @Order(3)
    void testPersist33C() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): partitioned leader and one follower crash, leader restarts");

            // a first entry on all three
            cfg.one(101, 3, true);

            // cut off one follower; the leader and the other follower commit 102
            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 2) % servers);

            cfg.one(102, 2, true);

            // crash both peers that hold 102, reconnect the one that lacks it, and restart the old leader
            cfg.crash1((leader + 0) % servers);
            cfg.crash1((leader + 1) % servers);
            cfg.connect((leader + 2) % servers);
            cfg.start1((leader + 0) % servers, APPLIER);
            cfg.connect((leader + 0) % servers);

            // the restarted leader's saved log holds 102, so the follower that lacks it cannot win (§5.4.1)
            cfg.one(103, 2, true);

            // restart the other crashed peer, and all three commit 104
            cfg.start1((leader + 1) % servers, APPLIER);
            cfg.connect((leader + 1) % servers);

            cfg.one(104, servers, true);

            cfg.end();
        }
    }

    // Figure 8 of the extended paper, played over and over: in each of 1000 rounds every live peer is offered a
    // command, and the leader that takes it is crashed soon after, usually within a few milliseconds and so before
    // the entry commits, now and then only after a long pause. Below three live peers, a random crashed one may be
    // restarted. New leaders keep finding older terms' entries in their logs, and must not count one committed just
    // because a majority stores it (§5.4.2).
    @RaftTest
    @Order(4)
    void testFigure83C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3C): Figure 8");

            // a first entry, applied by at least one peer
            cfg.one(cfg.randInt(), 1, true);

            int nup = servers;
            for (int iters = 0; iters < 1000; iters++) {
                // offer a command to every live peer and remember which one took it as leader
                int leader = -1;
                for (int i = 0; i < servers; i++) {
                    RaftPeer rf = cfg.raft(i);
                    if (rf != null && rf.start(cfg.randInt()).isLeader()) {
                        leader = i;
                    }
                }

                // give it a short moment (now and then a long one), then crash it
                sleepLikeFigure8(cfg);

                if (leader != -1) {
                    cfg.crash1(leader);
                    nup -= 1;
                }

                // fewer than three live peers are no majority: restart a randomly drawn peer if it is down
                if (nup < 3) {
                    int s = cfg.randInt(servers);
                    if (cfg.raft(s) == null) {
                        cfg.start1(s, APPLIER);
                        cfg.connect(s);
                        nup += 1;
                    }
                }
            }

            // restart every peer still down; all five must then agree on a last command
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

    // Agreement on a network that drops and delays messages, with many commands in flight at once.
    @RaftTest
    @Order(5)
    void testUnreliableAgree3C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, true, false)) {
            cfg.begin("Test (3C): unreliable agreement");

            List<Future<Integer>> wg = new ArrayList<>();

            // 49 rounds of four concurrent commands and one more in sequence, each applied by at least one peer
            for (int iters = 1; iters < 50; iters++) {
                for (int j = 0; j < 4; j++) {
                    int cmd = (100 * iters) + j;
                    wg.add(cfg.go(() -> cfg.one(cmd, 1, true)));
                }
                cfg.one(iters, 1, true);
            }

            // with the network reliable again, every concurrent command finishes, and all five agree on one more
            cfg.setUnreliable(false);

            for (Future<Integer> f : wg) {
                Config.await(f);
            }

            cfg.one(100, servers, true);

            cfg.end();
        }
    }

    // Figure 8 again, on a network that drops and delays messages and, after 200 rounds, also delivers replies very
    // late and out of order. Leaders are cut off rather than crashed, half of the time.
    @RaftTest
    @Order(6)
    void testFigure8Unreliable3C() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, true, false)) {
            cfg.begin("Test (3C): Figure 8 (unreliable)");

            // a first entry, applied by at least one peer
            cfg.one(cfg.randInt(10000), 1, true);

            int nup = servers;
            for (int iters = 0; iters < 1000; iters++) {
                // from round 200 on, replies may arrive long after later ones
                if (iters == 200) {
                    cfg.setLongReordering(true);
                }
                // offer a command to every peer; a connected peer that accepts it is the leader of this round
                int leader = -1;
                for (int i = 0; i < servers; i++) {
                    boolean ok = cfg.raft(i).start(cfg.randInt(10000)).isLeader();
                    if (ok && cfg.isConnected(i)) {
                        leader = i;
                    }
                }

                // after a short moment (now and then a long one), cut the leader off half of the time
                sleepLikeFigure8(cfg);

                if (leader != -1 && cfg.randInt(1000) < RAFT_ELECTION_TIMEOUT / 2) {
                    cfg.disconnect(leader);
                    nup -= 1;
                }

                // fewer than three connected peers are no majority: reconnect a randomly drawn peer if it is cut off
                if (nup < 3) {
                    int s = cfg.randInt(servers);
                    if (!cfg.isConnected(s)) {
                        cfg.connect(s);
                        nup += 1;
                    }
                }
            }

            // reconnect everyone; all five must then agree on a last command
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
    @Order(7)
    void testReliableChurn3C() throws InterruptedException {
        internalChurn(false);
    }

    @RaftTest
    @Order(8)
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

    // Churn: three clients keep proposing commands while peers are cut off, reconnected, crashed and restarted at
    // random. Whatever a client saw committed must be in the final log, the same on every peer.
    private static void internalChurn(boolean unreliable) throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, unreliable, false)) {
            if (unreliable) {
                cfg.begin("Test (3C): unreliable churn");
            } else {
                cfg.begin("Test (3C): churn");
            }

            AtomicBoolean stop = new AtomicBoolean();

            // three clients propose commands until told to stop
            int ncli = 3;
            List<Future<List<Integer>>> cha = new ArrayList<>();
            for (int i = 0; i < ncli; i++) {
                cha.add(cfg.go(churnClient(cfg, i, servers, stop)));
            }

            for (int iters = 0; iters < 20; iters++) {
                // in each of 20 rounds: cut off a random peer (one time in five) ...
                if (cfg.randInt(1000) < 200) {
                    int i = cfg.randInt(servers);
                    cfg.disconnect(i);
                }

                // ... connect a random peer, restarting it first if it is down (one time in two) ...
                if (cfg.randInt(1000) < 500) {
                    int i = cfg.randInt(servers);
                    if (cfg.raft(i) == null) {
                        cfg.start1(i, APPLIER);
                    }
                    cfg.connect(i);
                }

                // ... and crash a random peer (one time in five)
                if (cfg.randInt(1000) < 200) {
                    int i = cfg.randInt(servers);
                    if (cfg.raft(i) != null) {
                        cfg.crash1(i);
                    }
                }

                // rounds 0.7 election timeouts apart keep the cluster in motion: peers sometimes catch up between
                // changes, yet it never settles
                Thread.sleep((RAFT_ELECTION_TIMEOUT * 7) / 10);
            }

            // a quiet election timeout, then a reliable network with every peer up and connected
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.setUnreliable(false);
            for (int i = 0; i < servers; i++) {
                if (cfg.raft(i) == null) {
                    cfg.start1(i, APPLIER);
                }
                cfg.connect(i);
            }

            // stop the clients and gather the values each one saw committed
            stop.set(true);

            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < ncli; i++) {
                List<Integer> vv = clientValues(cha.get(i));
                if (vv == null) {
                    fail("client failed");
                }
                values.addAll(vv);
            }

            // once the cluster has settled, one more command on all five marks the end of the log
            Thread.sleep(RAFT_ELECTION_TIMEOUT);

            int lastIndex = cfg.one(cfg.randInt(), servers, true);

            // read the final log, every index of which all five must have applied
            List<Integer> really = new ArrayList<>(Collections.nCopies(lastIndex + 1, 0));
            for (int index = 1; index <= lastIndex; index++) {
                Object v = cfg.waitFor(index, servers, -1);
                if (v instanceof Integer vi) {
                    really.add(vi);
                } else {
                    fail("not an int");
                }
            }

            // no value a client saw committed may be missing from it (looked up in a set: the log can hold thousands)
            Set<Integer> inLog = new HashSet<>(really);
            for (int v1 : values) {
                if (!inLog.contains(v1)) {
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
                    // offer x to each live peer; whichever accepts as leader gives the index to watch
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
                    // the entry may never commit: look at its index a few times over 380 ms, and keep x only if it
                    // is what got committed there
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
                    // no leader at the moment: wait a little, each client for a different time
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
