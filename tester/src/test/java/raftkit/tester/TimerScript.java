package raftkit.tester;

import static raftkit.tester.Config.RAFT_ELECTION_TIMEOUT;
import static raftkit.tester.Config.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The timer rules of §5.2: a follower that keeps granting votes, or keeps hearing from the leader, must not start an
 * election. The test gives it a reason to wait every {@value Scripts#POKE_MILLIS} ms for two election timeouts of
 * the lab. It fails only if an election's RequestVote arrived less than
 * {@value Scripts#MIN_ELECTION_TIMEOUT_MILLIS} ms after the test sent the last request the peer had handled before
 * that election (the reply's term, older than the election's, shows it was handled before): the peer restarted its
 * timer after that send, so a correct peer's gap is at least its timeout, however slowly the test itself ran.
 */
final class TimerScript {

    /** What the test does to the follower. */
    enum Poke {
        VOTE("granted a vote"), HEARTBEAT("heard from the leader");

        final String done;

        Poke(String done) {
            this.done = done;
        }
    }

    /** A request the test sent: when, and the term of the peer's reply. */
    private record Sent(long nanos, int replyTerm) {
    }

    private TimerScript() {
    }

    static void run(ScriptedCluster c, Poke poke) throws InterruptedException {
        List<Sent> pokes = new ArrayList<>();
        long end = Scripts.deadline(2 * RAFT_ELECTION_TIMEOUT);
        int leaderTerm = 2;
        while (System.nanoTime() < end) {
            int peerTerm = c.state().term();
            long sent = System.nanoTime();
            Message reply;
            if (poke == Poke.VOTE) {
                int term = peerTerm + 1;
                reply = c.requestVote(1 + term % 2, term, 0, 0);
                if (!reply.boolOf("voteGranted") && reply.term() <= term) {
                    fail("expected a vote for candidate " + (1 + term % 2) + " in the new term " + term
                            + ", but the peer replied " + reply);
                }
            } else {
                leaderTerm = Math.max(leaderTerm, peerTerm);
                reply = c.appendEntries(1, leaderTerm, 0, 0, List.of(), 0);
                if (!reply.boolOf("success") && reply.term() <= leaderTerm) {
                    fail("expected the peer to accept a heartbeat of term " + leaderTerm + ", but it replied " + reply);
                }
            }
            pokes.add(new Sent(sent, reply.term()));
            Thread.sleep(Scripts.POKE_MILLIS);
        }
        checkNoEarlyElection(c, pokes, poke);
    }

    private static void checkNoEarlyElection(ScriptedCluster c, List<Sent> pokes, Poke poke) {
        for (int j = 1; j < c.size(); j++) {
            for (IncomingCall call : c.peer(j).calls(Rpc.REQUEST_VOTE)) {
                int electionTerm = call.args().term();
                Sent last = null;
                for (Sent p : pokes) {
                    if (p.replyTerm() < electionTerm && p.nanos() <= call.arrivedNanos()) {
                        last = p; // handled before the election began
                    }
                }
                if (last == null) {
                    continue;
                }
                long gap = TimeUnit.NANOSECONDS.toMillis(call.arrivedNanos() - last.nanos());
                if (gap < Scripts.MIN_ELECTION_TIMEOUT_MILLIS) {
                    fail(String.format("§5.2: the peer started an election (RequestVote of term %d) %d ms after it"
                            + " last %s; a follower that %s waits a whole election timeout (at least %d ms)"
                            + " before it starts one", electionTerm, gap, poke.done, poke.done,
                            Scripts.MIN_ELECTION_TIMEOUT_MILLIS));
                }
            }
        }
    }
}
