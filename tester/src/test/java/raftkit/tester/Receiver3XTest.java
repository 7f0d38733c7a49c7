package raftkit.tester;

import static raftkit.tester.Config.fail;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Part 3X, the receiver rules: Figure 2's RequestVote and AppendEntries receiver implementations and Figure 13's
 * InstallSnapshot, checked on the student's peer (server 0) with messages the test chooses while it plays the
 * other peers (see {@link ScriptedCluster}). Each test is named after its rule and cites the paper's section; none
 * depends on the peer's timers.
 */
@Tag("3X")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Receiver3XTest {

    private static final int A = 101;
    private static final int B = 102;
    private static final int C = 103;
    private static final int D = 104;

    // ---- RequestVote, receiver implementation (Figure 2; §5.1, §5.2, §5.4.1) ----

    @RaftTest
    @Order(1)
    void testRequestVoteRejectsOlderTerm3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): RequestVote of an older term is rejected (§5.1)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, List.of(), 0), "a heartbeat of term 3");
            Message reply = c.requestVote(2, 2, 0, 0);
            if (reply.boolOf("voteGranted")) {
                fail("§5.1: granted a vote to a candidate of term 2 while at term 3: " + reply);
            }
            Scripts.expectTerm(reply, 3, "RequestVote of term 2 at a peer of term 3");
            c.end();
        }
    }

    @RaftTest
    @Order(2)
    void testRequestVoteGrantsOneVotePerTerm3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): at most one vote per term (§5.2)");
            Scripts.expectGranted(c.requestVote(1, 4, 0, 0), "candidate 1, term 4, first request of the term");
            Message second = c.requestVote(2, 4, 0, 0);
            if (second.boolOf("voteGranted")) {
                fail("§5.2: voted for candidate 1 and then for candidate 2 in term 4: " + second);
            }
            Scripts.expectGranted(c.requestVote(1, 4, 0, 0), "candidate 1 asking again in term 4 (a repeated request)");
            Scripts.expectGranted(c.requestVote(2, 5, 0, 0), "candidate 2 in the new term 5");
            c.end();
        }
    }

    @RaftTest
    @Order(3)
    void testRequestVoteRejectsLessUpToDateLog3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): no vote for a candidate whose log is less up-to-date (§5.4.1)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, Scripts.entries(2, A, B, C), 0),
                    "AppendEntries of term 3 carrying 3 entries of term 2");
            // the candidate's last term is older, though its log is longer
            Scripts.expectRejected(c.requestVote(2, 4, 9, 1), "candidate with last entry (index 9, term 1)");
            // same last term, shorter log
            Scripts.expectRejected(c.requestVote(2, 5, 2, 2), "candidate with last entry (index 2, term 2)");
            c.end();
        }
    }

    @RaftTest
    @Order(4)
    void testRequestVoteGrantsUpToDateLog3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a vote for a candidate whose log is at least as up-to-date (§5.4.1)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, Scripts.entries(2, A, B, C), 0),
                    "AppendEntries of term 3 carrying 3 entries of term 2");
            // a newer last term wins, though the log is shorter
            Scripts.expectGranted(c.requestVote(2, 4, 1, 3), "candidate with last entry (index 1, term 3)");
            // same last term and same length
            Scripts.expectGranted(c.requestVote(1, 5, 3, 2), "candidate with last entry (index 3, term 2)");
            c.end();
        }
    }

    @RaftTest
    @Order(5)
    void testVoteAndTermSurviveRestart3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): currentTerm and votedFor survive a restart (Figure 2, §5.2)");
            Scripts.expectGranted(c.requestVote(1, 4, 0, 0), "candidate 1 in term 4");
            c.restart();
            int term = c.state().term();
            if (term < 4) {
                fail(String.format("Figure 2: currentTerm is persistent, but the peer restarted at term %d after"
                        + " voting in term 4", term));
            }
            Message reply = c.requestVote(2, 4, 0, 0);
            if (reply.boolOf("voteGranted")) {
                fail("Figure 2, §5.2: votedFor is persistent, but after a restart the peer voted for candidate 2"
                        + " in term 4, where it had voted for candidate 1: " + reply);
            }
            c.end();
        }
    }

    @RaftTest
    @Order(6)
    void testLogSurvivesRestart3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): the log survives a restart (Figure 2)");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(2, A, B), 0),
                    "AppendEntries of term 2 carrying 2 entries");
            c.restart();
            Scripts.expectRejected(c.requestVote(2, 3, 1, 2), "candidate with last entry (index 1, term 2)");
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 1, 3, 2, 2, List.of(), 0),
                    "after a restart, a heartbeat whose previous entry (index 2, term 2) the peer had stored");
            c.end();
        }
    }

    // ---- AppendEntries, receiver implementation (Figure 2; §5.1, §5.3) ----

    @RaftTest
    @Order(7)
    void testAppendEntriesRejectsOlderTerm3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): AppendEntries of an older term is rejected (§5.1)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, List.of(), 0), "a heartbeat of term 3");
            Message reply = c.appendEntries(2, 2, 0, 0, Scripts.entries(2, A), 1);
            if (reply.boolOf("success")) {
                fail("§5.1: accepted AppendEntries of term 2 while at term 3: " + reply);
            }
            Scripts.expectTerm(reply, 3, "AppendEntries of term 2 at a peer of term 3");
            Scripts.expectFailure(c.appendEntries(1, 3, 1, 2, List.of(), 0),
                    "a heartbeat whose previous entry (index 1, term 2) came only in the rejected request");
            c.end();
        }
    }

    @RaftTest
    @Order(8)
    void testAppendEntriesRejectsMissingPrevEntry3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): AppendEntries is rejected without an entry at prevLogIndex (§5.3)");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(1, A), 0), "one entry of term 1");
            Scripts.expectFailure(c.appendEntries(1, 2, 3, 2, Scripts.entries(2, C), 0),
                    "AppendEntries with prevLogIndex 3 at a peer whose log ends at index 1");
            Scripts.expectFailure(c.appendEntries(1, 2, 2, 1, List.of(), 0),
                    "a heartbeat with prevLogIndex 2: the rejected request must not have stored anything");
            c.end();
        }
    }

    @RaftTest
    @Order(9)
    void testAppendEntriesRejectsMismatchingPrevTerm3X() {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): AppendEntries is rejected if the entry at prevLogIndex has another term (§5.3)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, Scripts.entries(1, A, B), 0), "two entries of term 1");
            Scripts.expectFailure(c.appendEntries(1, 3, 2, 2, Scripts.entries(3, C), 0),
                    "AppendEntries with (prevLogIndex 2, prevLogTerm 2) at a peer holding term 1 at index 2");
            Scripts.expectSuccess(c.appendEntries(1, 3, 2, 1, List.of(), 0),
                    "a heartbeat with (prevLogIndex 2, prevLogTerm 1): the entries must still be there");
            c.end();
        }
    }

    @RaftTest
    @Order(10)
    void testAppendEntriesTruncatesFromFirstConflict3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a conflicting entry and all that follow it are deleted (§5.3)");
            Scripts.expectSuccess(c.appendEntries(1, 1, 0, 0, Scripts.entries(1, A, B, C), 0),
                    "three entries of term 1");
            Scripts.expectSuccess(c.appendEntries(2, 3, 1, 1, Scripts.entries(3, D), 2),
                    "AppendEntries of term 3 replacing index 2, leaderCommit 2");
            Scripts.expectFailure(c.appendEntries(2, 3, 3, 1, List.of(), 2),
                    "a heartbeat with (prevLogIndex 3, prevLogTerm 1): index 3 followed a conflict and is gone");
            Scripts.expectApplied(c, List.of(A, D), "after the conflict at index 2 was resolved, with leaderCommit 2");
            c.end();
        }
    }

    @RaftTest
    @Order(11)
    void testAppendEntriesLateShorterRequestKeepsEntries3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): an old, shorter AppendEntries arriving late deletes nothing (§5.3)");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(2, A, B, C), 0),
                    "three entries of term 2");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(2, A), 0),
                    "the leader's earlier request of its first entry, delivered late");
            Scripts.expectSuccess(c.appendEntries(1, 2, 3, 2, List.of(), 3),
                    "a heartbeat with (prevLogIndex 3, prevLogTerm 2): a late request must not truncate the log");
            Scripts.expectApplied(c, List.of(A, B, C), "with leaderCommit 3");
            c.end();
        }
    }

    @RaftTest
    @Order(12)
    void testAppendEntriesCommitIndexFromLeaderCommit3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): commitIndex = min(leaderCommit, index of last new entry) (§5.3)");
            Scripts.expectSuccess(c.appendEntries(1, 2, 0, 0, Scripts.entries(2, A, B, C), 1),
                    "three entries of term 2 with leaderCommit 1");
            Scripts.expectApplied(c, List.of(A), "with leaderCommit 1");
            // a new leader has committed 3 entries; its heartbeat has checked the log only up to index 1
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 2, 3, 1, 2, List.of(), 3),
                    "a heartbeat of term 3 with (prevLogIndex 1, prevLogTerm 2) and leaderCommit 3");
            Scripts.expectApplied(c, List.of(A), "when the heartbeat had checked the log only up to index 1");
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 2, 3, 1, 2, Scripts.entries(3, C, D), 3),
                    "AppendEntries of term 3 replacing indexes 2 and 3, leaderCommit 3");
            Scripts.expectApplied(c, List.of(A, C, D), "with leaderCommit 3 after the new entries");
            c.end();
        }
    }

    // ---- InstallSnapshot, receiver implementation (Figure 13, §7) ----

    @RaftTest
    @Order(13)
    void testInstallSnapshotRejectsOlderTerm3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): InstallSnapshot of an older term is ignored (§7)");
            Scripts.expectSuccess(c.appendEntries(1, 3, 0, 0, List.of(), 0), "a heartbeat of term 3");
            Scripts.expectTerm(c.installSnapshot(2, 2, 5, 2, Scripts.SNAPSHOT), 3,
                    "InstallSnapshot of term 2 at a peer of term 3");
            Thread.sleep(Scripts.QUIET_MILLIS);
            if (!c.applied().isEmpty()) {
                fail("§7: applied " + c.applied() + " after an InstallSnapshot of an older term");
            }
            Scripts.expectFailure(c.appendEntries(1, 3, 5, 2, List.of(), 0),
                    "a heartbeat with prevLogIndex 5, which only the ignored snapshot covered");
            c.end();
        }
    }

    @RaftTest
    @Order(14)
    void testInstallSnapshotReplacesLog3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): an installed snapshot is applied, persisted and replaces the log (§7)");
            Scripts.expectSuccess(c.appendEntries(1, 1, 0, 0, Scripts.entries(1, A, B), 0), "two entries of term 1");
            Scripts.expectTerm(c.installSnapshot(2, 2, 5, 2, Scripts.SNAPSHOT), 2,
                    "InstallSnapshot of term 2 up to index 5");
            Scripts.expectSnapshotApplied(c, 5, 2);
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 2, 2, 5, 2, Scripts.entries(2, C), 6),
                    "AppendEntries after the snapshot, (prevLogIndex 5, prevLogTerm 2), leaderCommit 6");
            Scripts.expectAppliedAfterSnapshot(c, List.of(C));
            Scripts.expectPersistedSnapshot(c);
            c.restart();
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 2, 2, 6, 2, List.of(), 6),
                    "after a restart, a heartbeat with (prevLogIndex 6, prevLogTerm 2)");
            c.end();
        }
    }

    @RaftTest
    @Order(15)
    void testInstallSnapshotKeepsFollowingEntries3X() throws InterruptedException {
        try (ScriptedCluster c = new ScriptedCluster(3)) {
            c.begin("Test (3X): a snapshot of a prefix of the log keeps the entries after it (§7)");
            Scripts.expectSuccess(c.appendEntries(1, 1, 0, 0, Scripts.entries(1, A, B, C, D), 0),
                    "four entries of term 1");
            Scripts.expectTerm(c.installSnapshot(1, 1, 2, 1, Scripts.SNAPSHOT), 1,
                    "InstallSnapshot of term 1 up to index 2");
            Scripts.expectSnapshotApplied(c, 2, 1);
            Scripts.expectSuccess(Scripts.appendAfterWait(c, 1, 1, 4, 1, List.of(), 4),
                    "a heartbeat with (prevLogIndex 4, prevLogTerm 1): the entries after the snapshot must stay");
            Scripts.expectAppliedAfterSnapshot(c, List.of(C, D));
            c.end();
        }
    }
}
