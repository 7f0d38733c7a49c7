package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Part 3X, the rules for servers: a leader's (§5.1, §5.2, §5.4.2, Figure 8) and the election timer's (§5.2), checked
 * on the student's peer (server 0) while the test plays the other peers (see {@link ScriptedCluster}). The timer
 * rules assume only that an election timeout is at least the paper's 150 ms and that an election starts within the
 * lab's 5 seconds.
 */
@Tag("3X")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Leader3XTest {

    private static final int A = 101;
    private static final int B = 102;

    // ---- Rules for servers and leaders (Figure 2; §5.1, §5.2, §5.4.2) ----

    @RaftTest
    @Order(1)
    void testLeaderSendsHeartbeatsOnElection3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a new leader sends AppendEntries to every peer at once (§5.2)");
            int term = Scripts.electStudent(c);
            for (int j = 1; j < c.size(); j++) {
                if (c.peer(j).awaitCall(Rpc.APPEND_ENTRIES, call -> call.args().term() == term,
                        RAFT_ELECTION_TIMEOUT).isEmpty()) {
                    fail(String.format("§5.2: peer %d heard no AppendEntries within %d ms of the peer's election in"
                            + " term %d", j, RAFT_ELECTION_TIMEOUT, term));
                }
            }
            c.end();
        }
    }

    @RaftTest
    @Order(2)
    void testLeaderStepsDownOnHigherTermRequest3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a leader steps down on a request of a higher term (§5.1)");
            int term = Scripts.electStudent(c);
            Scripts.expectSuccess(c.appendEntries(2, term + 1, 0, 0, List.of(), 0),
                    "a heartbeat of term " + (term + 1) + " at the leader of term " + term);
            Scripts.expectFollowerOf(c, term + 1, "a heartbeat of term " + (term + 1));
            int next = Scripts.electStudent(c);
            c.requestVote(1, next + 1, 0, 0);
            Scripts.expectFollowerOf(c, next + 1, "a RequestVote of term " + (next + 1));
            c.end();
        }
    }

    @RaftTest
    @Order(3)
    void testLeaderStepsDownOnHigherTermReply3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a leader steps down on a reply of a higher term (§5.1)");
            int term = Scripts.electStudent(c);
            int higher = term + 5;
            c.peer(1).on(Rpc.APPEND_ENTRIES, call -> call.answer("term", higher, "success", false));
            Scripts.expectFollowerOf(c, higher, "an AppendEntries reply of term " + higher);
            c.end();
        }
    }

    @RaftTest
    @Order(4)
    void testCandidateIgnoresVotesOfOlderTerm3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a reply to a request of an older term is ignored (§5.1)");
            for (int j = 1; j < c.size(); j++) {
                // hold every vote request; a pre-vote (part 3E) is granted, so that a peer with PreVote still
                // starts its elections
                c.peer(j).on(Rpc.REQUEST_VOTE, call -> {
                    if (Scripts.isPreVote(call)) {
                        call.answer("term", call.args().term(), "voteGranted", true);
                    }
                });
            }
            IncomingCall first = c.peer(1).awaitCall(Rpc.REQUEST_VOTE, call -> !Scripts.isPreVote(call),
                    Scripts.ELECTION_MILLIS)
                    .orElseThrow(() -> new AssertionError("§5.2: the peer started no election in "
                            + Scripts.ELECTION_MILLIS + " ms"));
            int old = first.args().term();
            Scripts.awaitTermAbove(c, old);
            for (int j = 1; j < c.size(); j++) {
                for (IncomingCall call : c.peer(j).calls(Rpc.REQUEST_VOTE)) {
                    if (call.args().term() == old && !Scripts.isPreVote(call)) {
                        call.answer("term", old, "voteGranted", true);
                    }
                }
            }
            Scripts.expectNeverLeader(c, "after votes of its older term " + old + " arrived late");
            c.end();
        }
    }

    @RaftTest
    @Order(5)
    void testLeaderCommitsOnlyCurrentTermByCounting3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a leader commits an older term's entry only through its own (§5.4.2, Figure 8)");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(2, A), 0),
                    "one entry of term 2 from the leader of term 2, not committed");
            int term = Scripts.electStudent(c);
            // both followers hold index 1 and say so; the entry is on all three peers, but of term 2
            Scripts.awaitAcks(c, term, 3);
            if (!c.appliedCommands().isEmpty()) {
                fail(String.format("§5.4.2: the leader of term %d committed index 1 of term 2 by counting replicas"
                        + " (applied %s); only an entry of the leader's own term is committed that way",
                        term, c.appliedCommands()));
            }
            Scripts.expectLeaderCommitAtMost(c, term, 0);
            int index = c.student().start(B).index();
            if (index != 2) {
                fail("start() on the leader returned index " + index + ", expected 2");
            }
            Scripts.expectApplied(c, List.of(A, B), "once index 2 of term " + term + " is on a majority");
            c.end();
        }
    }

    // ---- Timers (§5.2) ----

    @RaftTest
    @Order(6)
    void testFollowerGrantingVotesStartsNoElection3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a follower that grants a vote restarts its election timer (§5.2)");
            TimerScript.run(c, TimerScript.Poke.VOTE);
            c.end();
        }
    }

    @RaftTest
    @Order(7)
    void testFollowerHearingLeaderStartsNoElection3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a follower that hears from the leader starts no election (§5.2)");
            TimerScript.run(c, TimerScript.Poke.HEARTBEAT);
            c.end();
        }
    }
}
