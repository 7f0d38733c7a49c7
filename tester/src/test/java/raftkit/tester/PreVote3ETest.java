package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.function.IntConsumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import raftkit.raft.api.PeerState;

/**
 * Part 3E: pre-vote and check-quorum (Ongaro's thesis §9.6 and §6.2), a part the Go lab does not have. A peer that
 * comes back from a partition must not depose a healthy leader, and a leader that has lost its majority must stop
 * acting as one. Every bound below is derived from the lab's own timing rules: an election finishes within
 * {@code RAFT_ELECTION_TIMEOUT} (1 s), a new leader appears within 5 s of a failure, and a leader sends at most ten
 * heartbeats a second; each is doubled or more so that a loaded machine does not fail a correct Raft.
 */
@Tag("3E")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreVote3ETest {

    /**
     * How long a peer stays cut off: five election timeouts. A plain Raft's election timer (at most about
     * RAFT_ELECTION_TIMEOUT, or its elections would not finish in time) fires several times in that while.
     */
    private static final long PARTITION_TIME = 5 * RAFT_ELECTION_TIMEOUT;
    /**
     * How soon a leader cut off from its majority must stop claiming to lead: it notices within an election
     * timeout (at most RAFT_ELECTION_TIMEOUT) plus a heartbeat interval (at most 100 ms); three times
     * RAFT_ELECTION_TIMEOUT leaves room for a busy machine.
     */
    private static final long STEP_DOWN_BOUND = 3 * RAFT_ELECTION_TIMEOUT;
    /** How long a leader without a majority is then watched: two election timeouts, time enough to try twice. */
    private static final long WATCH_TIME = 2 * RAFT_ELECTION_TIMEOUT;
    /** How often the tests look at a peer's state while they watch it. */
    private static final long POLL_MS = 20;
    /** How many times the flapping test cuts and restores its follower's link. */
    private static final int FLAPS = 10;
    /** After a cut, time for replies already delivered to be handled before the tests look: a tenth of RET. */
    private static final long SETTLE_MS = RAFT_ELECTION_TIMEOUT / 10;
    /** How many times a test starts again when an election began just before its cut (as the lab's count test). */
    private static final int TRIES = 3;

    // the messages of this part's checks; the tester's own test of a plain Raft matches them.
    static final String TERM_ROSE = "server %d raised its term from %d to %d";
    static final String LEADER_LOST = "server %d is no longer leader of term %d";
    static final String NO_STEP_DOWN = "server %d still claims to be leader %d ms after losing its majority";
    static final String LEADER_WITHOUT_MAJORITY = "server %d claims to be leader without a majority";

    // A follower alone for several election timeouts comes back without deposing the leader or raising a term
    // (thesis §9.6).
    @RaftTest
    @Order(1)
    void testRejoinNoDisruption3E() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a partitioned follower rejoins without disrupting the leader");

            cfg.one(101, servers, true);

            // cut a follower off for five election timeouts; the other two are a majority and go on agreeing
            Steady start = steadyStart(cfg, servers, l -> cfg.disconnect((l + 1) % servers),
                    l -> cfg.connect((l + 1) % servers));
            int leader1 = start.leader();
            int term1 = start.term();
            int follower = (leader1 + 1) % servers;
            cfg.one(102, servers - 1, true);
            Thread.sleep(PARTITION_TIME);
            cfg.one(103, servers - 1, true);

            // alone it never wins a pre-vote, so it never starts a real election and its term stays put (§9.6)
            checkTermStays(cfg, term1, follower);

            // back in, it follows the leader it finds: the same leader in the same term, and all three agree
            cfg.connect(follower);
            cfg.one(104, servers, true);
            Thread.sleep(RAFT_ELECTION_TIMEOUT);
            checkLeaderKept(cfg, servers, leader1, term1);
            cfg.one(105, servers, true);

            cfg.end();
        }
    }

    // A follower whose link fails and returns ten times never costs the leader its place, and the log grows
    // throughout (thesis §9.6).
    @RaftTest
    @Order(2)
    void testFlappingFollower3E() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a flapping link to a follower does not change the leader");

            cfg.one(cfg.randInt(), servers, true);
            int leader1 = cfg.checkOneLeader();
            int term1 = cfg.checkTerms();
            int follower = (leader1 + 1) % servers;

            for (int i = 0; i < FLAPS; i++) {
                // the follower drops out for 0.5-1.5 s, mostly longer than an election timeout; the majority agrees
                cfg.disconnect(follower);
                cfg.one(cfg.randInt(), servers - 1, true);
                Thread.sleep(RAFT_ELECTION_TIMEOUT / 2 + cfg.randInt((int) RAFT_ELECTION_TIMEOUT));

                // it comes back and catches up, and the leader and the term are the ones of the start
                cfg.connect(follower);
                cfg.one(cfg.randInt(), servers, true);
                Thread.sleep(cfg.randInt((int) RAFT_ELECTION_TIMEOUT / 2));
                checkLeaderKept(cfg, servers, leader1, term1);
            }

            cfg.end();
        }
    }

    // A leader left with one follower out of five steps down within about an election timeout and stays down, while
    // the other three elect a leader (thesis §6.2).
    @RaftTest
    @Order(3)
    void testCheckQuorum3E() throws InterruptedException {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a leader cut off from the majority steps down");

            cfg.one(101, servers, true);
            int leader1 = cfg.checkOneLeader();

            // split the leader and one follower from the other three: the leader still hears from one peer of four
            int[] minority = {leader1, (leader1 + 1) % servers};
            int[] majority = {(leader1 + 2) % servers, (leader1 + 3) % servers, (leader1 + 4) % servers};
            partition(cfg, minority, majority, false);

            // the old leader stops claiming to lead within STEP_DOWN_BOUND (§6.2)
            long t0 = System.nanoTime();
            while (cfg.raft(leader1).getState().isLeader()) {
                long waited = (System.nanoTime() - t0) / 1_000_000;
                if (waited > STEP_DOWN_BOUND) {
                    fail(String.format(NO_STEP_DOWN, leader1, waited));
                }
                Thread.sleep(POLL_MS);
            }

            // the three elect a leader and agree, and neither peer of the two claims to lead meanwhile (§5.2)
            cfg.checkOneLeader();
            cfg.one(102, majority.length, true);
            checkNoLeaderFor(cfg, WATCH_TIME, minority);

            // healed, all five agree again
            partition(cfg, minority, majority, true);
            cfg.one(103, servers, true);

            cfg.end();
        }
    }

    // A restarted peer whose log misses entries asks for pre-votes and is refused for its log alone, so no term
    // rises (thesis §9.6, with the election restriction of §5.4.1).
    @RaftTest
    @Order(4)
    void testPreVoteStaleLog3E() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a restarted peer with a stale log cannot win a pre-vote");

            cfg.one(101, servers, true);
            int leader = cfg.checkOneLeader();
            int stale = (leader + 1) % servers;
            int other = (leader + 2) % servers;

            // the stale peer misses two entries
            cfg.disconnect(stale);
            cfg.one(102, servers - 1, true);
            cfg.one(103, servers - 1, true);
            int term1 = cfg.raft(other).getState().term();

            // the leader goes away and the stale peer restarts. other, which has the newer log, cannot call the
            // stale peer, so only the stale peer can ask for votes; no leader talks to other any more, so the stale
            // log is the one reason left to refuse them
            cfg.disconnect(leader);
            cfg.start1(stale, ApplierKind.APPLIER);
            cfg.connect(stale);
            cfg.disconnectLink(other, stale);
            Thread.sleep(PARTITION_TIME);

            // no pre-vote succeeds, so no term rises and no one leads (§9.6)
            checkTermStays(cfg, term1, stale, other);
            cfg.checkNoLeader();

            // with the network whole again, a leader is elected and all three agree
            cfg.connectLink(other, stale);
            cfg.connect(leader);
            cfg.one(104, servers, true);

            cfg.end();
        }
    }

    // A follower that lost only its link to the leader asks a peer that still hears from the leader, and that peer
    // refuses: leader stickiness (thesis §9.6).
    @RaftTest
    @Order(5)
    void testLeaderStickiness3E() throws InterruptedException {
        int servers = 3;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a peer that hears from a leader refuses pre-votes");

            cfg.one(101, servers, true);

            // cut only the link between the leader and one follower. nothing is committed meanwhile, so the cut
            // follower's log stays as up to date as the others' and the third peer's one reason to refuse its
            // pre-votes is that it hears from the leader
            Steady start = steadyStart(cfg, servers, l -> cutBothWays(cfg, l, (l + 1) % servers, false),
                    l -> cutBothWays(cfg, l, (l + 1) % servers, true));
            int leader1 = start.leader();
            int term1 = start.term();
            int cut = (leader1 + 1) % servers;
            Thread.sleep(PARTITION_TIME);
            checkLeaderKept(cfg, servers, leader1, term1);

            // restored, the follower catches up with the same leader
            cutBothWays(cfg, leader1, cut, true);
            cfg.one(102, servers, true);
            checkLeaderKept(cfg, servers, leader1, term1);

            cfg.end();
        }
    }

    // Pre-votes must not hold back the elections that should happen: each time the leader crashes, the others elect
    // a new one within the lab's five seconds (checkOneLeader's bound), on a reliable network, then an unreliable one.
    @RaftTest
    @Order(6)
    void testElectionAfterFailure3E() {
        int servers = 5;
        try (Config cfg = new Config(servers, false, false)) {
            cfg.begin("Test (3E): a failed leader is still replaced");

            cfg.one(cfg.randInt(), servers, true);

            // three leader crashes on each network; the crashed peer restarts and catches up each time (§5.2)
            for (boolean unreliable : new boolean[] {false, true}) {
                cfg.setUnreliable(unreliable);
                for (int i = 0; i < 3; i++) {
                    int leader = cfg.checkOneLeader();
                    cfg.crash1(leader);
                    cfg.checkOneLeader();
                    cfg.one(cfg.randInt(), servers - 1, true);
                    cfg.start1(leader, ApplierKind.APPLIER);
                    cfg.connect(leader);
                    cfg.one(cfg.randInt(), servers, true);
                }
            }

            cfg.end();
        }
    }

    /** A leader and its term, read when a test's fault began. */
    private record Steady(int leader, int term) {
    }

    /**
     * Reads the leader and its term, applies {@code cut} (given the leader) and checks that both still hold once it
     * took effect. A busy machine can stall the test between reading and cutting, and an election that began
     * before the cut says nothing about the rule under test: then {@code heal} undoes the cut and the start is
     * tried again, at most {@link #TRIES} times, as the lab's count test does.
     */
    private static Steady steadyStart(Config cfg, int servers, IntConsumer cut, IntConsumer heal)
            throws InterruptedException {
        for (int tries = 0; tries < TRIES; tries++) {
            int leader = cfg.checkOneLeader();
            int term = cfg.checkTerms();
            cut.accept(leader);
            Thread.sleep(SETTLE_MS);
            if (isSteady(cfg, servers, leader, term)) {
                return new Steady(leader, term);
            }
            heal.accept(leader);
        }
        fail("term changed too often");
        return null;
    }

    private static boolean isSteady(Config cfg, int servers, int leader, int term) {
        PeerState state = cfg.raft(leader).getState();
        boolean steady = state.isLeader() && state.term() == term;
        for (int s = 0; s < servers; s++) {
            steady &= cfg.raft(s).getState().term() == term;
        }
        return steady;
    }

    /** Fails if any of {@code servers} reports a term other than {@code term}. */
    private static void checkTermStays(Config cfg, int term, int... servers) {
        for (int s : servers) {
            int now = cfg.raft(s).getState().term();
            if (now != term) {
                fail(String.format(TERM_ROSE, s, term, now));
            }
        }
    }

    /** Fails unless {@code leader} still leads {@code term} and none of the peers has moved to another term. */
    private static void checkLeaderKept(Config cfg, int servers, int leader, int term) {
        PeerState state = cfg.raft(leader).getState();
        if (!state.isLeader() || state.term() != term) {
            fail(String.format(LEADER_LOST, leader, term));
        }
        for (int s = 0; s < servers; s++) {
            checkTermStays(cfg, term, s);
        }
    }

    /** Watches {@code servers} for {@code millis} and fails if one of them claims to be leader. */
    private static void checkNoLeaderFor(Config cfg, long millis, int... servers) throws InterruptedException {
        long t0 = System.nanoTime();
        while ((System.nanoTime() - t0) / 1_000_000 < millis) {
            for (int s : servers) {
                if (cfg.raft(s).getState().isLeader()) {
                    fail(String.format(LEADER_WITHOUT_MAJORITY, s));
                }
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** Cuts ({@code heal} false) or restores the link between peers {@code x} and {@code y}, both ways. */
    private static void cutBothWays(Config cfg, int x, int y, boolean heal) {
        partition(cfg, new int[] {x}, new int[] {y}, heal);
    }

    /** Cuts ({@code heal} false) or restores every link between a peer of {@code a} and a peer of {@code b}. */
    private static void partition(Config cfg, int[] a, int[] b, boolean heal) {
        for (int x : a) {
            for (int y : b) {
                if (heal) {
                    cfg.connectLink(x, y);
                    cfg.connectLink(y, x);
                } else {
                    cfg.disconnectLink(x, y);
                    cfg.disconnectLink(y, x);
                }
            }
        }
    }
}
