package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Part 3B: log replication (the lab's ten 3B tests). */
@Tag("3B")
@TestMethodOrder(GoFileOrder.class)
class Agreement3BTest {

    @RaftTest
    void testBasicAgree3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): basic agreement");

            int iters = 3;
            for (int index = 1; index < iters + 1; index++) {
                if (cfg.nCommitted(index).count() > 0) {
                    fail("some have committed before Start()");
                }

                int xindex = cfg.one(index * 100, servers, false);
                if (xindex != index) {
                    fail(String.format("got index %d but expected %d", xindex, index));
                }
            }

            cfg.end();
        }
    }

    // check, based on counting bytes of RPCs, that
    // each command is sent to each peer just once.
    @RaftTest
    void testRPCBytes3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): RPC byte count");

            cfg.one(99, servers, false);
            long bytes0 = cfg.bytesTotal();

            int iters = 10;
            long sent = 0;
            for (int index = 2; index < iters + 2; index++) {
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
            if (got > expected + 50000) {
                fail(String.format("too many RPC bytes; got %d, expected %d", got, expected));
            }

            cfg.end();
        }
    }

    // test just failure of followers.
    @RaftTest
    void testFollowerFailure3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): test progressive failure of followers");

            cfg.one(101, servers, false);

            // disconnect one follower from the network.
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect((leader1 + 1) % servers);

            // the leader and remaining follower should be
            // able to agree despite the disconnected follower.
            cfg.one(102, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(103, servers - 1, false);

            // disconnect the remaining follower
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect((leader2 + 1) % servers);
            cfg.disconnect((leader2 + 2) % servers);

            // submit a command.
            StartResult r = cfg.raft(leader2).start(104);
            if (!r.isLeader()) {
                fail("leader rejected Start()");
            }
            if (r.index() != 4) {
                fail(String.format("expected index 4, got %d", r.index()));
            }

            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);

            // check that command 104 did not commit.
            int n = cfg.nCommitted(r.index()).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            cfg.end();
        }
    }

    // test just failure of leaders.
    @RaftTest
    void testLeaderFailure3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): test failure of leaders");

            cfg.one(101, servers, false);

            // disconnect the first leader.
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);

            // the remaining followers should elect
            // a new leader.
            cfg.one(102, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(103, servers - 1, false);

            // disconnect the new leader.
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);

            // submit a command to each server.
            for (int i = 0; i < servers; i++) {
                cfg.raft(i).start(104);
            }

            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);

            // check that command 104 did not commit.
            int n = cfg.nCommitted(4).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            cfg.end();
        }
    }

    // test that a follower participates after
    // disconnect and re-connect.
    @RaftTest
    void testFailAgree3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): agreement after follower reconnects");

            cfg.one(101, servers, false);

            // disconnect one follower from the network.
            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 1) % servers);

            // the leader and remaining follower should be
            // able to agree despite the disconnected follower.
            cfg.one(102, servers - 1, false);
            cfg.one(103, servers - 1, false);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(104, servers - 1, false);
            cfg.one(105, servers - 1, false);

            // re-connect
            cfg.connect((leader + 1) % servers);

            // the full set of servers should preserve
            // previous agreements, and be able to agree
            // on new commands.
            cfg.one(106, servers, true);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            cfg.one(107, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testFailNoAgree3B() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): no agreement if too many followers disconnect");

            cfg.one(10, servers, false);

            // 3 of 5 followers disconnect
            int leader = cfg.checkOneLeader();
            cfg.disconnect((leader + 1) % servers);
            cfg.disconnect((leader + 2) % servers);
            cfg.disconnect((leader + 3) % servers);

            StartResult r = cfg.raft(leader).start(20);
            if (!r.isLeader()) {
                fail("leader rejected Start()");
            }
            if (r.index() != 2) {
                fail(String.format("expected index 2, got %d", r.index()));
            }

            Thread.sleep(2 * RAFT_ELECTION_TIMEOUT);

            int n = cfg.nCommitted(r.index()).count();
            if (n > 0) {
                fail(String.format("%d committed but no majority", n));
            }

            // repair
            cfg.connect((leader + 1) % servers);
            cfg.connect((leader + 2) % servers);
            cfg.connect((leader + 3) % servers);

            // the disconnected majority may have chosen a leader from
            // among their own ranks, forgetting index 2.
            int leader2 = cfg.checkOneLeader();
            StartResult r2 = cfg.raft(leader2).start(30);
            if (!r2.isLeader()) {
                fail("leader2 rejected Start()");
            }
            if (r2.index() < 2 || r2.index() > 3) {
                fail(String.format("unexpected index %d", r2.index()));
            }

            cfg.one(1000, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testConcurrentStarts3B() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): concurrent Start()s");

            boolean success = false;
            loop:
            for (int attempt = 0; attempt < 5; attempt++) {
                if (attempt > 0) {
                    // give solution some time to settle
                    Thread.sleep(3000);
                }

                int leader = cfg.checkOneLeader();
                RaftPeer rf = cfg.raft(leader);
                StartResult first = rf.start(1);
                if (!first.isLeader()) {
                    // leader moved on really quickly
                    continue;
                }
                int term = first.term();

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
                        // term changed -- can't expect low RPC counts
                        continue loop;
                    }
                }

                List<Integer> cmds = new ArrayList<>();
                for (int index : indexes) {
                    Object cmd = cfg.waitFor(index, servers, term);
                    if (!(cmd instanceof Integer ix)) {
                        fail(String.format("value %s is not an int", cmd));
                        return;
                    }
                    if (ix == -1) {
                        // peers have moved on to later terms
                        // so we can't expect all Start()s to
                        // have succeeded
                        continue loop;
                    }
                    cmds.add(ix);
                }

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
    void testRejoin3B() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): rejoin of partitioned leader");

            cfg.one(101, servers, true);

            // leader network failure
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect(leader1);

            // make old leader try to agree on some entries
            cfg.raft(leader1).start(102);
            cfg.raft(leader1).start(103);
            cfg.raft(leader1).start(104);

            // new leader commits, also for index=2
            cfg.one(103, 2, true);

            // new leader network failure
            int leader2 = cfg.checkOneLeader();
            cfg.disconnect(leader2);

            // old leader connected again
            cfg.connect(leader1);

            cfg.one(104, 2, true);

            // all together now
            cfg.connect(leader2);

            cfg.one(105, servers, true);

            cfg.end();
        }
    }

    @RaftTest
    void testBackup3B() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3B): leader backs up quickly over incorrect follower logs");

            cfg.one(cfg.randInt(), servers, true);

            // put leader and one follower in a partition
            int leader1 = cfg.checkOneLeader();
            cfg.disconnect((leader1 + 2) % servers);
            cfg.disconnect((leader1 + 3) % servers);
            cfg.disconnect((leader1 + 4) % servers);

            // submit lots of commands that won't commit
            for (int i = 0; i < 50; i++) {
                cfg.raft(leader1).start(cfg.randInt());
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT / 2);

            cfg.disconnect((leader1 + 0) % servers);
            cfg.disconnect((leader1 + 1) % servers);

            // allow other partition to recover
            cfg.connect((leader1 + 2) % servers);
            cfg.connect((leader1 + 3) % servers);
            cfg.connect((leader1 + 4) % servers);

            // lots of successful commands to new group.
            for (int i = 0; i < 50; i++) {
                cfg.one(cfg.randInt(), 3, true);
            }

            // now another partitioned leader and one follower
            int leader2 = cfg.checkOneLeader();
            int other = (leader1 + 2) % servers;
            if (leader2 == other) {
                other = (leader2 + 1) % servers;
            }
            cfg.disconnect(other);

            // lots more commands that won't commit
            for (int i = 0; i < 50; i++) {
                cfg.raft(leader2).start(cfg.randInt());
            }

            Thread.sleep(RAFT_ELECTION_TIMEOUT / 2);

            // bring original leader back to life,
            for (int i = 0; i < servers; i++) {
                cfg.disconnect(i);
            }
            cfg.connect((leader1 + 0) % servers);
            cfg.connect((leader1 + 1) % servers);
            cfg.connect(other);

            // lots of successful commands to new group.
            for (int i = 0; i < 50; i++) {
                cfg.one(cfg.randInt(), 3, true);
            }

            // now everyone
            for (int i = 0; i < servers; i++) {
                cfg.connect(i);
            }
            cfg.one(cfg.randInt(), servers, true);

            cfg.end();
        }
    }

    @RaftTest
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

            int total1 = rpcs.getAsInt();

            if (total1 > 30 || total1 < 1) {
                fail(String.format("too many or few RPCs (%d) to elect initial leader", total1));
            }

            int total2 = 0;
            boolean success = false;
            loop:
            for (int attempt = 0; attempt < 5; attempt++) {
                if (attempt > 0) {
                    // give solution some time to settle
                    Thread.sleep(3000);
                }

                leader = cfg.checkOneLeader();
                total1 = rpcs.getAsInt();

                int iters = 10;
                StartResult first = cfg.raft(leader).start(1);
                if (!first.isLeader()) {
                    // leader moved on really quickly
                    continue;
                }
                int starti = first.index();
                int term = first.term();
                List<Integer> cmds = new ArrayList<>();
                for (int i = 1; i < iters + 2; i++) {
                    int x = cfg.randInt();
                    cmds.add(x);
                    StartResult r = cfg.raft(leader).start(x);
                    if (r.term() != term) {
                        // Term changed while starting
                        continue loop;
                    }
                    if (!r.isLeader()) {
                        // No longer the leader, so term has changed
                        continue loop;
                    }
                    if (starti + i != r.index()) {
                        fail("Start() failed");
                    }
                }

                for (int i = 1; i < iters + 1; i++) {
                    Object cmd = cfg.waitFor(starti + i, servers, term);
                    if (!cmds.get(i - 1).equals(cmd)) {
                        if (Integer.valueOf(-1).equals(cmd)) {
                            // term changed -- try again
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
                        // term changed -- can't expect low RPC counts
                        // need to keep going to update total2
                        failed = true;
                    }
                    total2 += cfg.rpcCount(j);
                }

                if (failed) {
                    continue loop;
                }

                if (total2 - total1 > (iters + 1 + 3) * 3) {
                    fail(String.format("too many RPCs (%d) for %d entries", total2 - total1, iters));
                }

                success = true;
                break;
            }

            if (!success) {
                fail("term changed too often");
            }

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
