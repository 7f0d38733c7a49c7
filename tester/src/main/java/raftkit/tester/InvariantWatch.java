package raftkit.tester;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * Safety properties of the paper's Figure 3 that the tester can see from outside, checked on every
 * {@code getState()} any check or test makes, with the first violation kept as the test's background failure:
 * <ul>
 *   <li>Election Safety: no two peers are ever leader in the same term (the lab's check looks at one moment; this
 *       one remembers every term's leader for the whole test);</li>
 *   <li>a peer's term never goes down while it runs (currentTerm only increases, Figure 2);</li>
 *   <li>a restarted peer's term is not below a term its previous incarnation reported at least
 *       {@value #PERSISTED_AFTER_MILLIS} ms before the crash (currentTerm is persistent; the margin leaves room for
 *       a peer that persists a moment after changing its term).</li>
 * </ul>
 * The persisted bytes are the student's own format, so the tester judges what it can see: terms through
 * {@code getState}, and applied commands (Log Matching and State Machine Safety, kept across crashes, are the apply
 * checks of {@link AppliedLogs}). None of these can fail for a Raft that follows Figure 2.
 */
final class InvariantWatch {

    static final long PERSISTED_AFTER_MILLIS = 1000;
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(PERSISTED_AFTER_MILLIS);

    private final BackgroundFailure failure;
    private final Map<Integer, Integer> leaders = new HashMap<>();
    private final int[] incarnation;
    private final int[] lastTerm;
    private final int[] persistedFloor;
    private final List<ArrayDeque<Sample>> samples = new ArrayList<>();

    private record Sample(int term, long nanos) {
    }

    InvariantWatch(int n, BackgroundFailure failure) {
        this.failure = failure;
        this.incarnation = new int[n];
        this.lastTerm = new int[n];
        this.persistedFloor = new int[n];
        for (int i = 0; i < n; i++) {
            samples.add(new ArrayDeque<>());
        }
    }

    /** Peer i's new incarnation {@code raft}, seen through the watch. */
    synchronized RaftPeer watch(int i, RaftPeer raft) {
        incarnation[i]++;
        lastTerm[i] = 0;
        samples.get(i).clear();
        return new Watched(i, incarnation[i], raft);
    }

    private synchronized void observe(int i, int inc, PeerState state) {
        if (inc != incarnation[i]) {
            return; // a killed incarnation, still asked by someone holding on to it
        }
        if (state.term() < lastTerm[i]) {
            failure.record(String.format("server %d's term went down from %d to %d (currentTerm only increases)",
                    i, lastTerm[i], state.term()));
        }
        if (state.term() < persistedFloor[i]) {
            failure.record(String.format("server %d restarted at term %d, below term %d it reported before it"
                    + " crashed (currentTerm must be persisted)", i, state.term(), persistedFloor[i]));
        }
        lastTerm[i] = Math.max(lastTerm[i], state.term());
        long now = System.nanoTime();
        samples.get(i).addLast(new Sample(state.term(), now));
        prune(samples.get(i), now);
        if (state.isLeader()) {
            Integer other = leaders.putIfAbsent(state.term(), i);
            if (other != null && other != i) {
                failure.record(String.format("term %d has 2 (>1) leaders: servers %d and %d", state.term(), other, i));
            }
        }
    }

    /** Keeps the samples of the last margin and the newest one before it, whose term is the largest before it. */
    private static void prune(ArrayDeque<Sample> kept, long now) {
        while (kept.size() >= 2 && now - secondOf(kept).nanos() >= MARGIN_NANOS) {
            kept.removeFirst();
        }
    }

    private static Sample secondOf(ArrayDeque<Sample> kept) {
        var it = kept.iterator();
        it.next();
        return it.next();
    }

    private synchronized void killed(int i, int inc) {
        if (inc != incarnation[i]) {
            return;
        }
        long now = System.nanoTime();
        ArrayDeque<Sample> kept = samples.get(i);
        prune(kept, now);
        Sample oldest = kept.peekFirst();
        if (oldest != null && now - oldest.nanos() >= MARGIN_NANOS) {
            persistedFloor[i] = Math.max(persistedFloor[i], oldest.term());
        }
    }

    /** A peer whose getState results the watch sees; everything else goes straight through. */
    private final class Watched implements RaftPeer {
        private final int me;
        private final int inc;
        private final RaftPeer raft;

        Watched(int me, int inc, RaftPeer raft) {
            this.me = me;
            this.inc = inc;
            this.raft = raft;
        }

        @Override
        public StartResult start(Object command) {
            return raft.start(command);
        }

        @Override
        public PeerState getState() {
            PeerState state = raft.getState();
            if (state != null) {
                observe(me, inc, state);
            }
            return state;
        }

        @Override
        public void snapshot(int index, byte[] snapshot) {
            raft.snapshot(index, snapshot);
        }

        @Override
        public void kill() {
            killed(me, inc);
            raft.kill();
        }

        @Override
        public String toString() {
            return raft.toString();
        }
    }
}
