package raftkit.tester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** The checks of the lab's {@code config.go} on leaders, terms and agreement; {@link Config} exposes them. */
final class Checks {

    private final int n;
    private final Peers peers;
    private final AppliedLogs logs;
    private final Random random;
    private final Runnable background;
    private final BooleanSupplier finished;

    /**
     * {@code background} fails the test with a failure found off the test thread; {@code finished} tells whether
     * the config is closing, which stops {@link #one}.
     */
    Checks(int n, Peers peers, AppliedLogs logs, Random random, Runnable background, BooleanSupplier finished) {
        this.n = n;
        this.peers = peers;
        this.logs = logs;
        this.random = random;
        this.background = background;
        this.finished = finished;
    }

    /**
     * Polls the connected peers for up to ten rounds, each after a pause of about half a second, until some term has
     * a leader; fails at once if a term shows two leaders, and after the last round if none showed. Returns the
     * leader of the newest term seen.
     */
    int checkOneLeader() {
        for (int iters = 0; iters < 10; iters++) {
            Config.pause(450 + random.nextInt(100));
            background.run();
            Map<Integer, List<Integer>> leaders = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                RaftPeer rf = peers.connectedRaft(i);
                if (rf != null) {
                    PeerState state = rf.getState();
                    if (state.isLeader()) {
                        leaders.computeIfAbsent(state.term(), t -> new ArrayList<>()).add(i);
                    }
                }
            }
            int lastTermWithLeader = -1;
            for (Map.Entry<Integer, List<Integer>> e : leaders.entrySet()) {
                if (e.getValue().size() > 1) {
                    Config.fail(String.format("term %d has %d (>1) leaders", e.getKey(), e.getValue().size()));
                }
                lastTermWithLeader = Math.max(lastTermWithLeader, e.getKey());
            }
            if (!leaders.isEmpty()) {
                return leaders.get(lastTermWithLeader).get(0);
            }
        }
        Config.fail("expected one leader, got none");
        return -1;
    }

    /** Checks that every connected peer reports the same term and returns it (-1 if none is connected). */
    int checkTerms() {
        int term = -1;
        for (int i = 0; i < n; i++) {
            RaftPeer rf = peers.connectedRaft(i);
            if (rf != null) {
                int xterm = rf.getState().term();
                if (term == -1) {
                    term = xterm;
                } else if (term != xterm) {
                    Config.fail("servers disagree on term");
                }
            }
        }
        return term;
    }

    /** Checks that no connected peer thinks it is the leader. */
    void checkNoLeader() {
        for (int i = 0; i < n; i++) {
            RaftPeer rf = peers.connectedRaft(i);
            if (rf != null && rf.getState().isLeader()) {
                Config.fail(String.format("expected no leader among connected servers, but %d claims to be leader", i));
            }
        }
    }

    /** How many peers (crashed ones included: their applied logs survive) have applied {@code index}. */
    Committed nCommitted(int index) {
        background.run();
        int count = 0;
        Object cmd = null;
        for (int i = 0; i < n; i++) {
            Object cmd1 = logs.lookup(i, index);
            if (cmd1 != AppliedLogs.ABSENT) {
                if (count > 0 && !Objects.equals(cmd, cmd1)) {
                    Config.fail(String.format("committed values do not match: index %d, %s, %s", index, cmd, cmd1));
                }
                count++;
                cmd = cmd1;
            }
        }
        return new Committed(count, cmd);
    }

    /**
     * Waits for at least n peers to apply {@code index}, but not forever. Returns the command, or -1 if
     * {@code startTerm > -1} and some peer has moved past that term (then the outcome cannot be promised).
     */
    Object waitFor(int index, int n, int startTerm) {
        long to = 10;
        for (int iters = 0; iters < 30; iters++) {
            if (nCommitted(index).count() >= n) {
                break;
            }
            Config.pause(to);
            if (to < 1000) {
                to *= 2;
            }
            if (startTerm > -1 && someoneMovedPast(startTerm)) {
                return -1;
            }
        }
        Committed c = nCommitted(index);
        if (c.count() < n) {
            Config.fail(String.format("only %d decided for index %d; wanted %d", c.count(), index, n));
        }
        return c.command();
    }

    /**
     * A complete agreement on {@code cmd}: offers it to each connected peer in turn until one accepts, then waits
     * for {@code expectedServers} peers to apply it. If {@code retry}, offers it again after 2 s without
     * agreement; gives up after about 10 s. Returns the index, or -1 once the config is closed.
     */
    int one(Object cmd, int expectedServers, boolean retry) {
        long t0 = System.nanoTime();
        int starts = 0;
        while (elapsedMillis(t0) < 10_000 && !finished.getAsBoolean()) {
            // offer cmd to each connected peer in turn, starting after the last one asked, until one accepts
            int index = -1;
            for (int si = 0; si < n; si++) {
                starts = (starts + 1) % n;
                RaftPeer rf = peers.connectedRaft(starts);
                if (rf != null) {
                    StartResult r = rf.start(cmd);
                    if (r.isLeader()) {
                        index = r.index();
                        break;
                    }
                }
            }
            if (index != -1) {
                // a peer took cmd as leader: give the cluster 2 s to apply it on enough peers
                long t1 = System.nanoTime();
                while (elapsedMillis(t1) < 2000) {
                    Committed c = nCommitted(index);
                    if (c.count() > 0 && c.count() >= expectedServers && Objects.equals(c.command(), cmd)) {
                        return index;
                    }
                    Config.pause(20);
                }
                if (!retry) {
                    Config.fail(String.format("one(%s) failed to reach agreement", cmd));
                }
            } else {
                Config.pause(50);
            }
        }
        if (!finished.getAsBoolean()) {
            Config.fail(String.format("one(%s) failed to reach agreement", cmd));
        }
        return -1;
    }

    private boolean someoneMovedPast(int startTerm) {
        for (int i = 0; i < n; i++) {
            RaftPeer rf = peers.raft(i);
            if (rf != null && rf.getState().term() > startTerm) {
                return true;
            }
        }
        return false;
    }

    private static long elapsedMillis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}
