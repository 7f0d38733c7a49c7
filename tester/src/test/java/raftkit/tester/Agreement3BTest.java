package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Part 3B: log replication (the lab's ten 3B tests). */
@Tag("3B")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Agreement3BTest {

    @RaftTest
    @Order(1)
    void testBasicAgree3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): basic agreement");

            int iters = 3;
            for (int index = 1; index < iters + 1; index++) {
                // no peer may commit an index before a command was proposed for it
                if (cfg.nCommitted(index).count() > 0) {
                    fail("some have committed before Start()");
                }

                // the leader gets the command committed on all three, at the next index (§5.3)
                int xindex = cfg.one(index * 100, servers, false);
                if (xindex != index) {
                    fail(String.format("got index %d but expected %d", xindex, index));
                }
            }

            cfg.end();
        }
    }

    // Counts the bytes on the network while ten 5000-byte commands commit: a leader that sends each entry to a
    // follower once, rather than again with every heartbeat, stays close to one copy per peer.
    @RaftTest
    @Order(2)
    void testRPCBytes3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): RPC byte count");

            // a first entry, so that the election's traffic is not counted
            cfg.one(99, servers, false);
            long bytes0 = cfg.bytesTotal();

            int iters = 10;
            long sent = 0;
            for (int index = 2; index < iters + 2; index++) {
                // a large random command, committed at the next index
                String cmd = cfg.randString(5000);
                int xindex = cfg.one(cmd, servers, false);
                if (xindex != index) {
                    fail(String.format("got index %d but expected %d", xindex, index));
                }
                sent += cmd.length();
            }

            long bytes1 = cfg.bytesTotal();
            long got = bytes1 - bytes0;
            long expected = servers * sent;
            // one copy of every command per peer, plus 50000 bytes of slack for the rest of the traffic
            if (got > expected + 50000) {
                fail(String.format("too many RPC bytes; got %d, expected %d", got, expected));
            }

            cfg.end();
        }
    }

    // Followers drop out one by one: the leader keeps committing while it has a majority and stops once it has
    // none (§5.3).
    @RaftTest
    @Order(3)
    void testFollowerFailure3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): test progressive failure of followers");

            cfg.one(101, servers, false);

            // cut off one follower
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect((leader1 + 1) % servers);

            // two of three are still a majority, so entries keep committing, also after an election timeout
            cfg.one(102, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(103, servers - 1, false);

            // cut off both followers of the current leader, leaving it alone
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect((leader2 + 1) % servers);
            cfg.disconnect((leader2 + 2) % servers);

            // the lone leader still accepts a command, at index 4
            StartResult r = cfg.raft(leader2).start(104);
            if (!r.isLeader()) {
                fail("leader rejected Start()");
            }
            if (r.index() != 4) {
                fail(String.format("expected index 4, got %d", r.index()));
            }

            // two election timeouts later it is still uncommitted everywhere: one peer of three is no majority
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);
            int n = cfg.nCommitted(r.index()).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            cfg.end();
        }
    }

    // Leaders drop out one after another: the rest elect a successor each time, until too few are left to commit
    // (§5.2, §5.3).
    @RaftTest
    @Order(4)
    void testLeaderFailure3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): test failure of leaders");

            cfg.one(101, servers, false);

            // cut off the first leader
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);

            // the two followers elect one of themselves and go on committing
            cfg.one(102, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(103, servers - 1, false);

            // cut off the second leader as well: now every peer is on its own
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);

            // offer command 104 to every peer, whatever it thinks it is
            for (int i = 0; i < servers; i++) {
                cfg.raft(i).start(104);
            }

            // two election timeouts later no peer has committed index 4, since none has a majority
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);
            int n = cfg.nCommitted(4).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            cfg.end();
        }
    }

    // A returning follower must be brought up to date before the three can commit together again (§5.3).
    @RaftTest
    @Order(5)
    void testFailAgree3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): agreement after follower reconnects");

            cfg.one(101, servers, false);

            // cut off one follower
            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 1) % servers);

            // without it, the other two commit four entries, across an election timeout
            cfg.one(102, servers - 1, false);
            cfg.one(103, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(104, servers - 1, false);
            cfg.one(105, servers - 1, false);

            // the follower returns
            cfg.connect((leader + 1) % servers);

            // new commands commit on all three, which needs the returned follower to hold the four it missed (§5.3)
            cfg.one(106, servers, true);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(107, servers, true);

            cfg.end();
        }
    }

    // A leader left with one follower of four must not commit; once the others return, all five agree again.
    @RaftTest
    @Order(6)
    void testFailNoAgree3B() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): no agreement if too many followers disconnect");

            cfg.one(10, servers, false);

            // cut off three of the leader's four followers
            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 1) % servers);
            cfg.disconnect((leader + 2) % servers);
            cfg.disconnect((leader + 3) % servers);

            // the leader still accepts a command, at index 2
            StartResult r = cfg.raft(leader).start(20);
            if (!r.isLeader()) {
                fail("leader rejected Start()");
            }
            if (r.index() != 2) {
                fail(String.format("expected index 2, got %d", r.index()));
            }

            // two of five are no majority: after two election timeouts nobody has committed it
            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);
            int n = cfg.nCommitted(r.index()).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            // reconnect the three
            cfg.connect((leader + 1) % servers);
            cfg.connect((leader + 2) % servers);
            cfg.connect((leader + 3) % servers);

            // while apart, the three may have held an election; a winner from their side lacks index 2, so the next
            // index is 2 or 3
            int leader2 = cfg.checkOneLeader();
            StartResult r2 = cfg.raft(leader2).start(30);
            if (!r2.isLeader()) {
                fail("leader2 rejected Start()");
            }
            if (r2.index() < 2 || r2.index() > 3) {
                fail(String.format("unexpected index %d", r2.index()));
            }

            // and all five commit one more command
            cfg.one(1000, servers, true);

            cfg.end();
        }
    }

    // Five start()s at once on one leader must all commit; an attempt whose term changes proves nothing, so it is
    // retried (five attempts at most).
    @RaftTest
    @Order(7)
    void testConcurrentStarts3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): concurrent Start()s");

            boolean success = false;
            loop:
            for (int attempt = 0; attempt < 5; attempt++) {
                if (attempt > 0) {
                    // before a retry, let the peers finish whatever election disturbed the last attempt
                    Thread.sleep(3000);
                }

                int leader = cfg.checkOneLeader();
                RaftPeer rf = cfg.raft(leader);
                StartResult first = rf.start(1);
                if (!first.isLeader()) {
                    // it lost leadership between the check and start(); try again
                    continue;
                }
                int term = first.term();

                // five threads call start() together; keep the index of each one accepted in that same term
                int iters = 5;
                List<Future<Integer>> is = new ArrayList<>();
                for (int ii = 0; ii < iters; ii++) {
                    int i = ii;
                    is.add(cfg.go(() -> {
                        StartResult r = rf.start(100 + i);
                        if (r.term() != term || !r.isLeader()) {
                            return null;
                        }
                        return r.index();
                    }));
                }
                List<Integer> indexes = new ArrayList<>();
                for (Future<Integer> f : is) {
                    Integer index = Config.await(f);
                    if (index != null) {
                        indexes.add(index);
                    }
                }

                for (int j = 0; j < servers; j++) {
                    if (cfg.raft(j).getState().term() != term) {
                        // a peer has moved to a new term, so lost start()s would be no fault: try again
                        continue loop;
                    }
                }

                // wait for each accepted index to commit on all three
                List<Integer> cmds = new ArrayList<>();
                for (int index : indexes) {
                    Object cmd = cfg.waitFor(index, servers, term);
                    if (!(cmd instanceof Integer ix)) {
                        fail(String.format("value %s is not an int", cmd));
                        return;
                    }
                    if (ix == -1) {
                        // a later term began before the index committed, and it may rightly be lost: try again
                        continue loop;
                    }
                    cmds.add(ix);
                }

                // all five commands are among the committed ones, none lost in the crowd
                for (int ii = 0; ii < iters; ii++) {
                    int x = 100 + ii;
                    if (!cmds.contains(x)) {
                        fail(String.format("cmd %d missing in %s", x, cmds));
                    }
                }

                success = true;
                break;
            }

            if (!success) {
                fail("term changed too often");
            }

            cfg.end();
        }
    }

    @RaftTest
    @Order(8)
    void testRejoin3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): rejoin of partitioned leader");

            cfg.one(101, servers, true);

            // cut off the leader
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);

            // alone, it accepts three entries it can never commit
            cfg.raft(leader1).start(102);
            cfg.raft(leader1).start(103);
            cfg.raft(leader1).start(104);

            // the other two elect a new leader and commit 103 at index 2, where the old leader holds 102
            cfg.one(103, 2, true);

            // cut off the new leader
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);

            // the old leader returns to the one peer left; its stale log cannot win an election (§5.4.1), so the
            // other peer leads, replaces the old leader's uncommitted entries with its own and commits 104 (§5.3)
            cfg.connect(leader1);

            cfg.one(104, 2, true);

            // with all three connected again, they agree on one more
            cfg.connect(leader2);

            cfg.one(105, servers, true);

            cfg.end();
        }
    }

    // A leader must bring followers whose logs end in many conflicting entries back in line quickly, not one entry
    // per round trip (§5.3).
    @RaftTest
    @Order(9)
    void testBackup3B() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): leader backs up quickly over incorrect follower logs");

            cfg.one(cfg.randInt(), servers, true);

            // leave the leader with just one follower: two of five
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect((leader1 + 2) % servers);
            cfg.disconnect((leader1 + 3) % servers);
            cfg.disconnect((leader1 + 4) % servers);

            // fifty commands go into the pair's logs, uncommittable without a majority
            for (int i = 0; i < 50; i++) {
                cfg.raft(leader1).start(cfg.randInt());
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT / 2);

            // swap sides: cut off the pair ...
            cfg.disconnect((leader1 + 0) % servers);
            cfg.disconnect((leader1 + 1) % servers);

            // ... and reconnect the other three, a majority
            cfg.connect((leader1 + 2) % servers);
            cfg.connect((leader1 + 3) % servers);
            cfg.connect((leader1 + 4) % servers);

            // the three elect a leader and commit fifty commands of their own
            for (int i = 0; i < 50; i++) {
                cfg.one(cfg.randInt(), 3, true);
            }

            // cut off one of the three, not their leader, leaving it with one follower
            int leader2 = cfg.checkOneLeader();
            int other = (leader1 + 2) % servers;
            if (leader2 == other) {
                other = (leader2 + 1) % servers;
            }
            cfg.disconnect(other);

            // again fifty commands that get no further than this pair's logs
            for (int i = 0; i < 50; i++) {
                cfg.raft(leader2).start(cfg.randInt());
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT / 2);

            // connect only the first pair and the peer just cut off, which alone holds the fifty committed entries
            for (int i = 0; i < servers; i++) {
                cfg.disconnect(i);
            }
            cfg.connect((leader1 + 0) % servers);
            cfg.connect((leader1 + 1) % servers);
            cfg.connect(other);

            // that peer must win (§5.4.1) and skip quickly over the pair's fifty stale entries to commit fifty more
            for (int i = 0; i < 50; i++) {
                cfg.one(cfg.randInt(), 3, true);
            }

            // reconnect all five, which then agree on one more command
            for (int i = 0; i < servers; i++) {
                cfg.connect(i);
            }
            cfg.one(cfg.randInt(), servers, true);

            cfg.end();
        }
    }

    // Agreement should be cheap in RPCs: a few to elect a leader, about one round per command, and only heartbeats
    // while idle.
    @RaftTest
    @Order(10)
    void testCount3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): RPC counts aren't too high");

            IntSupplier rpcs = () -> {
                int n = 0;
                for (int j = 0; j < servers; j++) {
                    n += cfg.rpcCount(j);
                }
                return n;
            };

            int leader = cfg.checkOneLeader();

            // electing the first leader takes at least one RPC and at most 30
            int total1 = rpcs.getAsInt();

            if (total1 > 30 || total1 < 1) {
                fail(String.format("too many or few RPCs (%d) to elect initial leader", total1));
            }

            int total2 = 0;
            boolean success = false;
            loop:
            for (int attempt = 0; attempt < 5; attempt++) {
                if (attempt > 0) {
                    // before a retry, let the peers finish whatever election disturbed the last attempt
                    Thread.sleep(3000);
                }

                leader = cfg.checkOneLeader();
                total1 = rpcs.getAsInt();

                int iters = 10;
                StartResult first = cfg.raft(leader).start(1);
                if (!first.isLeader()) {
                    // it lost leadership between the check and start(); try again
                    continue;
                }
                // eleven more commands, started back to back in this term, take consecutive indexes
                int starti = first.index();
                int term = first.term();
                List<Integer> cmds = new ArrayList<>();
                for (int i = 1; i < iters + 2; i++) {
                    int x = cfg.randInt();
                    cmds.add(x);
                    StartResult r = cfg.raft(leader).start(x);
                    if (r.term() != term) {
                        // a new term began in the middle of the batch; try again
                        continue loop;
                    }
                    if (!r.isLeader()) {
                        // start() refused: the peer is no longer leader, so this attempt is void
                        continue loop;
                    }
                    if (starti + i != r.index()) {
                        fail("Start() failed");
                    }
                }

                // each index commits on all three with the command started for it
                for (int i = 1; i < iters + 1; i++) {
                    Object cmd = cfg.waitFor(starti + i, servers, term);
                    if (!cmds.get(i - 1).equals(cmd)) {
                        if (Integer.valueOf(-1).equals(cmd)) {
                            // a later term began before it committed; try again
                            continue loop;
                        }
                        fail(String.format("wrong value %s committed for index %d; expected %s",
                                cmd, starti + i, cmds));
                    }
                }

                boolean failed = false;
                total2 = 0;
                for (int j = 0; j < servers; j++) {
                    if (cfg.raft(j).getState().term() != term) {
                        // an election ran meanwhile, so its RPCs would be blamed on the batch; total2 is summed in
                        // full all the same
                        failed = true;
                    }
                    total2 += cfg.rpcCount(j);
                }

                if (failed) {
                    continue loop;
                }

                // replicating the batch costs a few RPCs per command at most, not a stream of retries
                if (total2 - total1 > (iters + 1 + 3) * 3) {
                    fail(String.format("too many RPCs (%d) for %d entries", total2 - total1, iters));
                }

                success = true;
                break;
            }

            if (!success) {
                fail("term changed too often");
            }

            // a second of idleness costs heartbeats only, no more than 60 RPCs in all
            Thread.sleep(RAFT_ELECTION_TIMEOUT);

            int total3 = 0;
            for (int j = 0; j < servers; j++) {
                total3 += cfg.rpcCount(j);
            }

            if (total3 - total2 > 3 * 20) {
                fail(String.format("too many RPCs (%d) for 1 second of idleness", total3 - total2));
            }

            cfg.end();
        }
    }
}
