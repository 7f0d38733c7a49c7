package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;

/** The steps and checks part 3X's tests are made of. */
final class Scripts {

    /** The lab expects a leader within 5 seconds; a lone peer's election must start well within that. */
    static final long ELECTION_MILLIS = 5000;
    /** How long a check that something does not happen watches. */
    static final long QUIET_MILLIS = 300;
    /** How long an entry known to be committed may take to be applied. */
    static final long APPLY_MILLIS = 2000;
    /** The paper's lowest election timeout; the lab asks for longer ones. */
    static final long MIN_ELECTION_TIMEOUT_MILLIS = 150;
    /** How often the timer tests give the follower a reason to wait. */
    static final long POKE_MILLIS = 30;
    static final byte[] SNAPSHOT = "part 3X snapshot".getBytes(StandardCharsets.UTF_8);

    private static final long POLL_MILLIS = 10;

    private Scripts() {
    }

    static List<Entry> entries(int term, Object... commands) {
        return Arrays.stream(commands).map(command -> new Entry(term, command)).toList();
    }

    // ---- replies ----

    static void expectSuccess(Message reply, String what) {
        if (!reply.boolOf("success")) {
            fail("expected the peer to accept " + what + ", but it replied " + reply);
        }
    }

    static void expectFailure(Message reply, String what) {
        if (reply.boolOf("success")) {
            fail("expected the peer to reject " + what + ", but it replied " + reply);
        }
    }

    static void expectGranted(Message reply, String what) {
        if (!reply.boolOf("voteGranted")) {
            fail("expected a vote for " + what + ", but the peer replied " + reply);
        }
    }

    static void expectRejected(Message reply, String what) {
        if (reply.boolOf("voteGranted")) {
            fail("§5.4.1: the peer voted for a " + what + ", whose log is less up-to-date than its own: " + reply);
        }
    }

    static void expectTerm(Message reply, int term, String what) {
        if (reply.term() != term) {
            fail(String.format("the reply to %s has term %d, expected %d: %s", what, reply.term(), term, reply));
        }
    }

    /**
     * AppendEntries from a leader after the test has waited (for applies, or a restart): if the peer's own timer
     * moved it to a newer term meanwhile, which a correct peer may do, the same request is sent again as the leader
     * of that term, so the rule under test is still what decides the reply.
     */
    static Message appendAfterWait(ScriptedCluster c, int from, int term, int prevLogIndex, int prevLogTerm,
            List<Entry> entries, int leaderCommit) {
        Message reply = c.appendEntries(from, term, prevLogIndex, prevLogTerm, entries, leaderCommit);
        for (int tries = 0; tries < 3 && !reply.boolOf("success") && reply.term() > term; tries++) {
            term = reply.term();
            reply = c.appendEntries(from, term, prevLogIndex, prevLogTerm, entries, leaderCommit);
        }
        return reply;
    }

    /** A pre-vote (part 3E, thesis §9.6): a vote request whose args have a {@code preVote} component that is true. */
    static boolean isPreVote(IncomingCall call) {
        return call.args().flag("preVote");
    }

    // ---- the student's state ----

    /** Lets the student's peer win its next election: both scripted peers vote for it and accept whatever it sends. */
    static int electStudent(ScriptedCluster c) throws InterruptedException {
        for (int j = 1; j < c.size(); j++) {
            c.peer(j).on(Rpc.REQUEST_VOTE, call -> call.answer("term", call.args().term(), "voteGranted", true))
                    .on(Rpc.APPEND_ENTRIES, call -> call.answer("term", call.args().term(), "success", true))
                    .on(Rpc.INSTALL_SNAPSHOT, call -> call.answer("term", call.args().term()));
        }
        long deadline = deadline(ELECTION_MILLIS);
        while (System.nanoTime() < deadline) {
            PeerState state = c.state();
            if (state.isLeader()) {
                return state.term();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError(String.format("§5.2: the peer did not become leader within %d ms, though every"
                + " other peer granted its vote requests", ELECTION_MILLIS));
    }

    /** Waits for the peer to be a follower of at least {@code term} (a peer that stepped down may start over). */
    static void expectFollowerOf(ScriptedCluster c, int term, String after) throws InterruptedException {
        long deadline = deadline(2 * RAFT_ELECTION_TIMEOUT);
        PeerState state = c.state();
        while (state.term() < term || state.term() == term && state.isLeader()) {
            if (System.nanoTime() > deadline) {
                fail(String.format("§5.1: after %s the peer is at term %d (leader: %s); a request or reply of a"
                        + " higher term makes a peer a follower of that term", after, state.term(), state.isLeader()));
            }
            Thread.sleep(POLL_MILLIS);
            state = c.state();
        }
    }

    static void expectNeverLeader(ScriptedCluster c, String when) throws InterruptedException {
        long deadline = deadline(2 * QUIET_MILLIS);
        while (System.nanoTime() < deadline) {
            PeerState state = c.state();
            if (state.isLeader()) {
                fail(String.format("§5.1: the peer became leader of term %d %s, though no peer granted it a vote in"
                        + " that term: a reply to a request of an older term must be ignored", state.term(), when));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static void awaitTermAbove(ScriptedCluster c, int term) throws InterruptedException {
        long deadline = deadline(ELECTION_MILLIS);
        while (c.state().term() <= term) {
            if (System.nanoTime() > deadline) {
                fail(String.format("§5.2: the candidate of term %d got no votes and started no new election within"
                        + " %d ms", term, ELECTION_MILLIS));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Waits until each scripted peer has answered {@code count} AppendEntries of {@code term}. */
    static void awaitAcks(ScriptedCluster c, int term, int count) throws InterruptedException {
        for (int j = 1; j < c.size(); j++) {
            int peer = j;
            long deadline = deadline(ELECTION_MILLIS);
            while (c.peer(peer).calls(Rpc.APPEND_ENTRIES).stream()
                    .filter(call -> call.args().term() == term && call.isSettled()).count() < count) {
                if (System.nanoTime() > deadline) {
                    fail(String.format("§5.2: the leader of term %d sent peer %d fewer than %d AppendEntries in %d ms",
                            term, peer, count, ELECTION_MILLIS));
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    static void expectLeaderCommitAtMost(ScriptedCluster c, int term, int most) {
        for (int j = 1; j < c.size(); j++) {
            for (IncomingCall call : c.peer(j).calls(Rpc.APPEND_ENTRIES)) {
                int commit = call.args().intOf("leaderCommit");
                if (call.args().term() == term && commit > most) {
                    fail(String.format("§5.4.2: the leader of term %d sent leaderCommit %d, but only an entry of its"
                            + " own term is committed by counting replicas, and it has none on a majority: %s",
                            term, commit, call));
                }
            }
        }
    }

    // ---- applied ----

    /** Waits for the commands applied to be {@code expected}, then watches a while that no more come. */
    static void expectApplied(ScriptedCluster c, List<Object> expected, String when) throws InterruptedException {
        awaitCommands(c, expected.size());
        Thread.sleep(QUIET_MILLIS);
        c.checkBackground();
        List<Object> got = c.appliedCommands();
        if (!got.equals(expected)) {
            fail(String.format("§5.3: applied %s %s; expected %s", got, when, expected));
        }
    }

    private static void awaitCommands(ScriptedCluster c, int count) throws InterruptedException {
        long deadline = deadline(APPLY_MILLIS);
        while (c.appliedCommands().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    static void expectSnapshotApplied(ScriptedCluster c, int index, int term) throws InterruptedException {
        long deadline = deadline(APPLY_MILLIS);
        while (System.nanoTime() < deadline) {
            for (ApplyMsg m : c.applied()) {
                if (m.snapshotValid() && m.snapshotIndex() == index && m.snapshotTerm() == term
                        && Arrays.equals(m.snapshot(), SNAPSHOT)) {
                    return;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        fail(String.format("§7: after InstallSnapshot up to index %d (term %d) the peer passed no such snapshot to"
                + " the service in %d ms (applied: %s)", index, term, APPLY_MILLIS, c.applied()));
    }

    /** Waits for the commands applied after the last snapshot to be {@code expected}. */
    static void expectAppliedAfterSnapshot(ScriptedCluster c, List<Object> expected) throws InterruptedException {
        long deadline = deadline(APPLY_MILLIS);
        List<Object> after = afterSnapshot(c);
        while (after.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            after = afterSnapshot(c);
        }
        c.checkBackground();
        if (!after.equals(expected)) {
            fail(String.format("§7: applied %s after the snapshot, expected %s", after, expected));
        }
    }

    private static List<Object> afterSnapshot(ScriptedCluster c) {
        List<Object> after = new ArrayList<>();
        for (ApplyMsg m : c.applied()) {
            if (m.snapshotValid()) {
                after.clear();
            } else if (m.commandValid()) {
                after.add(m.command());
            }
        }
        return after;
    }

    static void expectPersistedSnapshot(ScriptedCluster c) {
        if (!Arrays.equals(c.persister().readSnapshot(), SNAPSHOT)) {
            fail("§7: the installed snapshot was not saved with the persister (persister.save(state, snapshot))");
        }
    }

    static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
