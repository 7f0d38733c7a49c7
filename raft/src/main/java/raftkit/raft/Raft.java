package raftkit.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
// BEGIN SOLUTION
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;
import java.util.function.Supplier;
import raftkit.labrpc.Codec;
// END SOLUTION
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.Debug;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;
import raftkit.raft.api.Topic;

/**
 * One Raft peer: the class you write in this lab. The tester (and, in later labs, a service built on Raft) drives
 * a peer through these calls, each described at its method:
 * <ul>
 *   <li>{@link #make} builds peer {@code me} of a cluster and starts its threads;</li>
 *   <li>{@link #start} proposes a command for the replicated log and answers at once with (index, term, isLeader);</li>
 *   <li>{@link #getState} reports the peer's term and whether it takes itself to be the leader;</li>
 *   <li>{@link #snapshot} (3D) says the service has saved everything up to an index, so the log can shrink;</li>
 *   <li>{@link #kill} stops the peer for good, when the tester crashes it or a test ends.</li>
 * </ul>
 * Results flow back on the apply queue, {@code applyCh}: once the peer knows an entry is committed it puts that
 * entry there as an {@link ApplyMsg}, one message per index and in index order (§5.3). In 3D a snapshot that came
 * from the leader goes on the same queue, ahead of the entries that follow it.
 *
 * <p>Part 3E, a bonus part, adds two rules to Figure 2 (Ongaro's thesis §9.6 and §6.2): a peer whose election timer
 * fires first asks for pre-votes, which change nothing at the receiver, and starts an election only if a majority
 * would vote for it; and a leader that has not heard from a majority within an election timeout steps down.
 *
 * <p>Rules the tester relies on:
 * <ul>
 *   <li><b>RPCs.</b> A handler is a public method taking one args record and returning a reply record; the
 *       service name is {@code Raft}, so {@code requestVote} is called as {@code "Raft.requestVote"}. The network
 *       deep-copies args and replies on every hop, so put only data in them (numbers, strings, byte arrays, lists
 *       and records of those) and never expect a handler to see the caller's objects.</li>
 *   <li><b>Locking.</b> The network runs handlers concurrently, on its own threads, while your threads run too.
 *       Guard every shared field with {@code mu}, and never hold {@code mu} while you wait for an RPC or sleep.</li>
 *   <li><b>The apply queue.</b> The tester's queue is a {@code SynchronousQueue}: {@code put} blocks until the
 *       tester takes, and the tester calls {@link #snapshot} from the thread that takes. Never put on the apply
 *       queue while holding {@code mu}, or the two threads wait for each other forever.</li>
 *   <li><b>Threads.</b> The tester waits for {@link #make}, so it must neither block nor loop: work that goes on
 *       runs on threads started with {@link #startThread}. {@link #kill} must stop every thread this peer started,
 *       soon: after killing a peer the tester fails the test if any of its threads is still running.</li>
 * </ul>
 */
public final class Raft implements RaftPeer {

    // BEGIN SOLUTION
    /**
     * The Raft state machine's roles (§5.1), and PRE_CANDIDATE: a peer asking for pre-votes before it starts an
     * election (part 3E; Ongaro's thesis §9.6). A pre-candidate keeps its term and its vote.
     */
    private enum Role { FOLLOWER, PRE_CANDIDATE, CANDIDATE, LEADER }

    /**
     * Test-only: {@code -Draftkit.raft.plain=true} switches PreVote and CheckQuorum (part 3E) off and leaves the
     * plain Raft of Figure 2. Only the tester's own test of part 3E sets it, to show that each 3E test fails on a
     * plain Raft; graded runs never do. Each peer reads it once, when make() creates it.
     */
    private static final String PLAIN_PROPERTY = "raftkit.raft.plain";

    /**
     * Election timeouts are random in [min, max): longer than the paper's 150-300 ms because heartbeats are at most
     * 10 per second, with room for a busy machine that pauses threads for a few hundred ms, and short enough that
     * a new leader is chosen well within the tester's 5 seconds.
     */
    private static final long ELECTION_TIMEOUT_MIN_MS = 400;
    private static final long ELECTION_TIMEOUT_MAX_MS = 800;
    /** At most 10 heartbeats per second (the tester counts RPCs during idleness). */
    private static final long HEARTBEAT_MS = 100;
    /**
     * CheckQuorum (thesis §6.2): a leader steps down when fewer than a majority have answered it within this long,
     * the longest election timeout; by then a follower that lost it has started to look for a new leader.
     */
    private static final long CHECK_QUORUM_MS = ELECTION_TIMEOUT_MAX_MS;
    /** Calls in flight to one peer at most; a call to an unreachable peer can take seconds to fail. */
    private static final int MAX_CALLS_IN_FLIGHT = 16;
    /** votedFor when this peer has voted for no one in the current term. */
    private static final int NO_VOTE = -1;

    // END SOLUTION
    private final ReentrantLock mu = new ReentrantLock(); // guards every field more than one thread touches
    private final ClientEnd[] peers;                       // peers[i] sends RPCs to peer i
    private final Persister persister;                     // where persist() saves and a restart finds the state
    private final int me;                                  // which entry of peers[] is this peer
    private final AtomicBoolean dead = new AtomicBoolean(); // true once kill() ran; read it with killed()
    private final BlockingQueue<ApplyMsg> applyCh;         // where committed entries (and snapshots) go
    private final ThreadGroup threadGroup = Thread.currentThread().getThreadGroup(); // the tester's, for its checks
    private final List<Thread> threads = new ArrayList<>(); // every thread startThread() started

    // Your data here (3A, 3B, 3C, 3E).
    // Declare the fields of the "State" box in Figure 2 of the paper
    // (persistent, volatile, and the leader's own), all guarded by mu.
    // BEGIN SOLUTION
    private final Condition tickerWake = mu.newCondition();  // becomeLeader() wakes the ticker to send heartbeats
    private final Condition applierWake = mu.newCondition(); // commitIndex or the snapshot advanced
    private final ExecutorService callers;                   // runs outgoing RPCs, which block

    // Persistent state on all servers (Figure 2), plus the snapshot that replaced the log's prefix.
    private int currentTerm;
    private int votedFor = NO_VOTE;
    private final RaftLog log = new RaftLog();
    private byte[] snapshot; // null until the service (or a leader) gives us one

    // Volatile state on all servers.
    private Role role = Role.FOLLOWER;
    private int commitIndex;
    private int lastApplied;
    private long electionDeadline; // System.nanoTime() after which a follower or candidate starts an election

    // Volatile state on candidates and leaders, reset by becomeCandidate() and becomeLeader().
    private int votes;
    private final int[] nextIndex;
    private final int[] matchIndex;
    private long heartbeatDue;

    // Outgoing calls per peer, so an unreachable peer cannot pile up blocked threads.
    private final int[] callsInFlight;
    private final boolean[] replicateWhenFree;

    // PreVote and CheckQuorum (part 3E; thesis §9.6 and §6.2).
    private final boolean preVoteAndCheckQuorum; // false only in the tester's own test of a plain Raft
    private long leaderContact; // System.nanoTime() of the last AppendEntries or InstallSnapshot of a current leader
    private final boolean[] preVoted; // pre-candidate: the peers that granted us a pre-vote in this round
    private final long[] lastReply; // leader: System.nanoTime() of each peer's latest reply in this term
    // END SOLUTION

    private Raft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        this.peers = peers;
        this.me = me;
        this.persister = persister;
        this.applyCh = applyCh;
        // BEGIN SOLUTION
        this.nextIndex = new int[peers.length];
        this.matchIndex = new int[peers.length];
        this.callsInFlight = new int[peers.length];
        this.replicateWhenFree = new boolean[peers.length];
        this.preVoteAndCheckQuorum = !Boolean.getBoolean(PLAIN_PROPERTY);
        this.lastReply = new long[peers.length];
        this.preVoted = new boolean[peers.length];
        // as if a leader was last heard a minimum election timeout ago: a new peer may grant pre-votes at once
        this.leaderContact = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(ELECTION_TIMEOUT_MIN_MS);
        AtomicInteger callerCount = new AtomicInteger();
        this.callers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> newThread("caller-" + callerCount.getAndIncrement(), task));
        // END SOLUTION
    }

    // BEGIN SOLUTION
    /** One log entry: the command and the term in which a leader received it (Figure 2). */
    public record LogEntry(int term, Object command) {
    }

    /**
     * The log after the snapshot. Index {@code startIndex} holds a sentinel entry with the term of the last entry
     * the snapshot covers (0 and 0 before any snapshot), so the consistency check needs no special case there.
     *
     * <p>The log also keeps its entries encoded, one after another, as persist() saves them. A peer persists after
     * every change to its log, and the log only grows between snapshots (in 3C it never shrinks), so encoding the
     * whole log each time would cost time quadratic in its length; this way an entry is encoded once, when it
     * enters the log, and persist() copies bytes.
     */
    static final class RaftLog {
        private int startIndex;
        private final List<LogEntry> entries = new ArrayList<>();
        private final EntryBytes bytes = new EntryBytes();
        /** {@code ends[i]}: where the bytes of {@code entries.get(i)} end in {@code bytes}. */
        private int[] ends = new int[64];

        RaftLog() {
            restore(0, List.of(new LogEntry(0, null)));
        }

        int startIndex() {
            return startIndex;
        }

        int startTerm() {
            return entries.get(0).term();
        }

        int lastIndex() {
            return startIndex + entries.size() - 1;
        }

        int lastTerm() {
            return entries.get(entries.size() - 1).term();
        }

        /** The term of the entry at {@code index}, which must lie in [startIndex, lastIndex]. */
        int term(int index) {
            return entries.get(index - startIndex).term();
        }

        Object command(int index) {
            return entries.get(index - startIndex).command();
        }

        /** A copy of the entries from {@code index} (> startIndex) to the end, ready to send. */
        List<LogEntry> from(int index) {
            return new ArrayList<>(entries.subList(index - startIndex, entries.size()));
        }

        void append(LogEntry entry) {
            bytes.write(entry);
            if (entries.size() == ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            ends[entries.size()] = bytes.size();
            entries.add(entry);
        }

        /** Deletes the entry at {@code index} (> startIndex) and all that follow it. */
        void truncateFrom(int index) {
            int first = index - startIndex;
            entries.subList(first, entries.size()).clear();
            bytes.truncate(ends[first - 1]);
        }

        /** The first index of {@code term}'s run of entries that ends at {@code index}. */
        int firstIndexOfTerm(int term, int index) {
            while (index > startIndex && term(index - 1) == term) {
                index--;
            }
            return index;
        }

        /** The last index holding {@code term}, or -1 if this log (after the snapshot) has none. */
        int lastIndexOfTerm(int term) {
            for (int i = lastIndex(); i >= startIndex && term(i) >= term; i--) {
                if (term(i) == term) {
                    return i;
                }
            }
            return -1;
        }

        /** A snapshot now covers everything up to {@code index}: keep what follows it, if it matches (§7). */
        void compact(int index, int term) {
            List<LogEntry> kept = new ArrayList<>(List.of(new LogEntry(term, null)));
            if (index <= lastIndex() && term(index) == term) {
                kept.addAll(entries.subList(index - startIndex + 1, entries.size()));
            }
            restore(index, kept);
        }

        /** Replaces the whole log with {@code log}, whose first entry is the sentinel at {@code startIndex}. */
        void restore(int startIndex, List<LogEntry> log) {
            this.startIndex = startIndex;
            entries.clear();
            bytes.truncate(0);
            log.forEach(this::append);
        }

        /** The entries, sentinel first, as {@link #decode} reads them back. */
        byte[] encoded() {
            return bytes.toByteArray();
        }

        static List<LogEntry> decode(byte[] encoded) {
            return EntryBytes.read(encoded);
        }
    }

    /**
     * Log entries as bytes: each one its term and its command's length as unsigned varints, then the command as
     * Codec encodes it. Codec is not used for the entry itself, since an entry encoded on its own would carry its
     * class's full name; the command is an Integer in the tests, two bytes.
     */
    static final class EntryBytes extends ByteArrayOutputStream {

        void write(LogEntry entry) {
            byte[] command = Codec.encode(entry.command());
            writeVarint(entry.term());
            writeVarint(command.length);
            write(command, 0, command.length);
        }

        /** Forgets every byte from {@code size} on. */
        void truncate(int size) {
            count = size;
        }

        private void writeVarint(int value) {
            while ((value & ~0x7F) != 0) {
                write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write(value);
        }

        static List<LogEntry> read(byte[] bytes) {
            List<LogEntry> entries = new ArrayList<>();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.hasRemaining()) {
                int term = readVarint(in);
                byte[] command = new byte[readVarint(in)];
                in.get(command);
                entries.add(new LogEntry(term, Codec.decode(command, Object.class)));
            }
            return entries;
        }

        private static int readVarint(ByteBuffer in) {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in.get();
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }
    }

    // END SOLUTION
    /**
     * Reports (term, isLeader): the term this peer is in, and whether it acts as leader in that term. A deposed
     * leader keeps saying yes until it hears of a newer term (§5.1), so the tester asks every peer and checks that
     * one term has one leader.
     */
    @Override
    public PeerState getState() {
        int term = 0;
        boolean isLeader = false;
        // Your code here (3A).
        // BEGIN SOLUTION
        mu.lock();
        try {
            term = currentTerm;
            isLeader = role == Role.LEADER;
        } finally {
            mu.unlock();
        }
        // END SOLUTION
        return new PeerState(term, isLeader);
    }

    // BEGIN SOLUTION
    /** Called first with the term of every request and reply: a newer term makes us a follower (§5.1). */
    private boolean observeTerm(int term) {
        if (term <= currentTerm) {
            return false;
        }
        becomeFollower(term);
        return true;
    }

    private void becomeFollower(int term) {
        Role was = role;
        role = Role.FOLLOWER;
        if (term > currentTerm) {
            currentTerm = term;
            votedFor = NO_VOTE;
            persist();
        }
        if (was == Role.LEADER) {
            resetElectionTimer(); // a leader's old deadline is long past
        }
        debug(Topic.TERM, "became follower at term %d", currentTerm);
    }

    private void becomeCandidate() {
        role = Role.CANDIDATE;
        currentTerm++;
        votedFor = me;
        votes = 1;
        persist();
        resetElectionTimer();
        debug(Topic.VOTE, "became candidate at term %d", currentTerm);
    }

    /** A new round of pre-votes (thesis §9.6): our own yes, and a fresh timeout in case the round fails. */
    private void becomePreCandidate() {
        role = Role.PRE_CANDIDATE;
        Arrays.fill(preVoted, false);
        preVoted[me] = true;
        votes = 1;
        resetElectionTimer();
        debug(Topic.VOTE, "became pre-candidate for term %d", currentTerm + 1);
    }

    private void becomeLeader() {
        role = Role.LEADER;
        long now = System.nanoTime();
        for (int i = 0; i < peers.length; i++) {
            nextIndex[i] = log.lastIndex() + 1;
            matchIndex[i] = 0;
            replicateWhenFree[i] = false;
            lastReply[i] = now; // CheckQuorum gives the new leader one window to hear from a majority
        }
        matchIndex[me] = log.lastIndex();
        debug(Topic.LEADER, "became leader at term %d", currentTerm);
        heartbeatDue = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
        replicateToAll(); // announce ourselves at once (§5.2)
        tickerWake.signal();
    }

    private void resetElectionTimer() {
        long ms = ThreadLocalRandom.current().nextLong(ELECTION_TIMEOUT_MIN_MS, ELECTION_TIMEOUT_MAX_MS);
        electionDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    /** Persistent state as saved: Figure 2's three fields, with the log's snapshot offset; the log as RaftLog encodes it. */
    public record PersistentState(int currentTerm, int votedFor, int logStartIndex, byte[] log) {
    }

    // END SOLUTION
    /**
     * Writes to the persister the state that must survive a crash, the fields Figure 2 marks persistent. Call it
     * after each change to them and before this peer lets anyone see the change (a reply to an RPC, a message it
     * sends): a peer that forgot a vote or an entry it had acknowledged can break safety when it restarts. The
     * persister keeps the encoded state and the snapshot together; pass null as the snapshot until you reach 3D,
     * then this peer's latest snapshot (still null while it has none). make() loads the result with readPersist().
     */
    private void persist() {
        // Your code here (3C).
        // Example, with a record of your own and raftkit.labrpc.Codec (the encoder the network uses):
        // byte[] raftState = Codec.encode(new PersistentState(currentTerm, votedFor, ...));
        // persister.save(raftState, null);
        // BEGIN SOLUTION
        byte[] raftState = Codec.encode(new PersistentState(currentTerm, votedFor, log.startIndex(), log.encoded()));
        persister.save(raftState, snapshot);
        // END SOLUTION
    }

    /** Loads what persist() saved, so a restarted peer resumes with its term, vote and log (3C). */
    private void readPersist(byte[] data) {
        if (data == null || data.length < 1) { // a first start: nothing was saved yet
            return;
        }
        // Your code here (3C).
        // Example, with the record persist() encodes:
        // PersistentState state = Codec.decode(data, PersistentState.class);
        // currentTerm = state.currentTerm();
        // ...
        // BEGIN SOLUTION
        PersistentState state = Codec.decode(data, PersistentState.class);
        currentTerm = state.currentTerm();
        votedFor = state.votedFor();
        log.restore(state.logStartIndex(), RaftLog.decode(state.log()));
        byte[] saved = persister.readSnapshot();
        snapshot = saved.length > 0 ? saved : null;
        commitIndex = log.startIndex(); // the snapshot holds only committed entries, and the service has it
        lastApplied = log.startIndex();
        // END SOLUTION
    }

    /**
     * The service has saved a snapshot of its state with the entries through {@code index} applied, so this peer may
     * forget those entries (§7). Drop them from the log, keep the snapshot so that persist() saves it with the state
     * and a lagging follower can be sent it, and remember the index and term of the last entry it covers: the
     * consistency check of the next AppendEntries needs them. The tester calls this from the thread that takes from
     * the apply queue, so it must return without waiting on that queue.
     */
    @Override
    public void snapshot(int index, byte[] snapshot) {
        // Your code here (3D).
        // BEGIN SOLUTION
        mu.lock();
        try {
            if (index <= log.startIndex() || index > lastApplied) {
                return; // older than the snapshot we have, or not applied yet
            }
            log.compact(index, log.term(index));
            this.snapshot = snapshot;
            persist();
            debug(Topic.SNAPSHOT, "snapshot up to %d", index);
        } finally {
            mu.unlock();
        }
        // END SOLUTION
    }

    /** What a candidate sends when it asks for a vote (Figure 2, RequestVote RPC). List the components here. */
    public record RequestVoteArgs(
            // Your data here (3A, 3B, 3E).
            // BEGIN SOLUTION
            int term, int candidateId, int lastLogIndex, int lastLogTerm,
            boolean preVote // (3E) a pre-vote asks about term without changing the receiver's state
            // END SOLUTION
    ) {
    }

    /** A peer's answer to a vote request (Figure 2). List the components here. */
    public record RequestVoteReply(
            // Your data here (3A).
            // BEGIN SOLUTION
            int term, boolean voteGranted
            // END SOLUTION
    ) {
    }

    /**
     * Decides whether to vote for the candidate in {@code args} (§5.2, §5.4.1). The network calls it on a thread of
     * its own, possibly while other handlers and this peer's threads run.
     */
    public RequestVoteReply requestVote(RequestVoteArgs args) {
        // Your code here (3A, 3B, 3E).
        // BEGIN SOLUTION
        // RequestVote RPC, receiver implementation (Figure 2; §5.2, §5.4.1).
        mu.lock();
        try {
            if (args.preVote()) {
                return answerPreVote(args);
            }
            observeTerm(args.term());
            boolean grant = args.term() == currentTerm                                 // (§5.1)
                    && (votedFor == NO_VOTE || votedFor == args.candidateId())         // (§5.2)
                    && candidateUpToDate(args);                                        // (§5.4.1)
            if (grant) {
                votedFor = args.candidateId();
                persist();
                resetElectionTimer(); // (§5.2) granting a vote counts as hearing from a candidate
                if (role == Role.PRE_CANDIDATE) {
                    becomeFollower(currentTerm); // a candidate of our term is under way: stop asking for ours
                }
                debug(Topic.VOTE, "votes for S%d at term %d", args.candidateId(), currentTerm);
            }
            return new RequestVoteReply(currentTerm, grant);
        } finally {
            mu.unlock();
        }
        // STUB
        // return new RequestVoteReply();
        // END SOLUTION
    }

    /**
     * Asks peer {@code server} (its index in peers[]) for a vote and waits for the answer; send your other RPCs the
     * same way. The result is the peer's reply, or empty when none arrived.
     *
     * <p>The tester's network is unreliable on purpose: it may lose the request or the reply, hold either back, or
     * cut a peer off. Empty tells you nothing about the cause (a crashed peer, a partition, a dropped request and a
     * dropped reply all look the same), so treat it as "no answer" and carry on. Before it gives up, the network
     * may keep the caller waiting for seconds, so call from a thread that can afford to block, and never while
     * holding mu.
     *
     * <p>The network bounds that wait by itself, so timeouts of your own around a call add nothing; only a handler
     * that never returns can keep a caller waiting for good. The package documentation of raftkit.labrpc describes
     * every fault.
     */
    private Optional<RequestVoteReply> sendRequestVote(int server, RequestVoteArgs args) {
        return peers[server].call("Raft.requestVote", args, RequestVoteReply.class);
    }

    // BEGIN SOLUTION
    /** (§5.4.1) The candidate's log ends in a later term than ours, or in the same term and is at least as long. */
    private boolean candidateUpToDate(RequestVoteArgs args) {
        return args.lastLogTerm() > log.lastTerm()
                || args.lastLogTerm() == log.lastTerm() && args.lastLogIndex() >= log.lastIndex();
    }

    /**
     * PreVote, the receiver's side (thesis §9.6): would a real election at {@code args.term} get our vote? Answers
     * with our term and changes nothing: not the term, not votedFor, not the election timer, and nothing persists.
     */
    private RequestVoteReply answerPreVote(RequestVoteArgs args) {
        boolean grant = args.term() > currentTerm  // an election at that term could still get our vote (§5.1)
                && candidateUpToDate(args)         // (§5.4.1)
                && !heardFromLeaderRecently();     // leader stickiness: we still have a leader, keep it
        debug(Topic.VOTE, "pre-vote for S%d at term %d: %s", args.candidateId(), args.term(), grant ? "yes" : "no");
        return new RequestVoteReply(currentTerm, grant);
    }

    /** We lead, or a current leader reached us within the minimum election timeout (thesis §9.6). */
    private boolean heardFromLeaderRecently() {
        long sinceLeader = System.nanoTime() - leaderContact;
        return role == Role.LEADER || sinceLeader < TimeUnit.MILLISECONDS.toNanos(ELECTION_TIMEOUT_MIN_MS);
    }

    /**
     * PreVote (thesis §9.6): asks every peer whether an election at the next term could win, without raising any
     * term, ours included. A majority of yeses starts the real election; otherwise the timer tries again.
     */
    private void startPreVote() {
        becomePreCandidate();
        if (votes * 2 > peers.length) {
            startElection(); // a cluster of one
            return;
        }
        RequestVoteArgs args = new RequestVoteArgs(currentTerm + 1, me, log.lastIndex(), log.lastTerm(), true);
        for (int peer = 0; peer < peers.length; peer++) {
            if (peer != me) {
                int server = peer;
                callAsync(server, () -> sendRequestVote(server, args),
                        reply -> handlePreVoteReply(server, args, reply));
            }
        }
    }

    /**
     * Counts a pre-vote. A yes that comes back after our timer started another round still counts, once per peer,
     * as long as we still ask for the same term: it answers the question this round asks again, and dropping it
     * would make a slow network need a round trip shorter than a timeout, with a new round of RPCs each time.
     */
    private void handlePreVoteReply(int server, RequestVoteArgs args, RequestVoteReply reply) {
        // a yes may carry the term we asked about instead of the granter's own (etcd's raft answers so): that term
        // is ours to start, not a newer one to follow
        boolean yes = reply.voteGranted() && reply.term() <= args.term();
        if (!yes && observeTerm(reply.term()) || role != Role.PRE_CANDIDATE || args.term() != currentTerm + 1) {
            return; // stale: a newer term, a leader heard from, or an election already under way
        }
        if (yes && !preVoted[server]) {
            preVoted[server] = true;
            votes++;
            if (votes * 2 > peers.length) {
                startElection();
            }
        }
    }

    /** Starts an election (§5.2): a new term, a vote for ourselves, and a vote request to every other peer. */
    private void startElection() {
        becomeCandidate();
        if (votes * 2 > peers.length) {
            becomeLeader(); // a cluster of one
            return;
        }
        RequestVoteArgs args = new RequestVoteArgs(currentTerm, me, log.lastIndex(), log.lastTerm(), false);
        for (int peer = 0; peer < peers.length; peer++) {
            if (peer != me) {
                int server = peer;
                callAsync(server, () -> sendRequestVote(server, args), reply -> handleRequestVoteReply(args, reply));
            }
        }
    }

    private void handleRequestVoteReply(RequestVoteArgs args, RequestVoteReply reply) {
        if (observeTerm(reply.term()) || role != Role.CANDIDATE || currentTerm != args.term()) {
            return; // stale: we have moved on from that election
        }
        if (reply.voteGranted()) {
            votes++;
            if (votes * 2 > peers.length) { // (§5.2) votes from a majority
                becomeLeader();
            }
        }
    }

    /**
     * AppendEntries RPC arguments (Figure 2). The x fields of the reply speed up the leader's search for where
     * a follower's log matches (the lab's hint on §5.3's optimization): xTerm is the term of the follower's
     * conflicting entry and xIndex the first index it holds for that term (both -1 if the follower's log is too
     * short), and xLen is the length of the follower's log (its last index + 1).
     */
    public record AppendEntriesArgs(
            int term, int leaderId, int prevLogIndex, int prevLogTerm, List<LogEntry> entries, int leaderCommit) {
    }

    /** AppendEntries RPC reply (Figure 2), with the fast backup fields described at the args. */
    public record AppendEntriesReply(int term, boolean success, int xTerm, int xIndex, int xLen) {

        static AppendEntriesReply success(int term) {
            return new AppendEntriesReply(term, true, -1, -1, -1);
        }
    }

    /** AppendEntries RPC handler: receiver implementation of Figure 2 (§5.3), a heartbeat when entries is empty. */
    public AppendEntriesReply appendEntries(AppendEntriesArgs args) {
        mu.lock();
        try {
            observeTerm(args.term());
            if (args.term() < currentTerm) {
                return new AppendEntriesReply(currentTerm, false, -1, -1, -1); // (§5.1) a stale leader
            }
            if (role == Role.CANDIDATE || role == Role.PRE_CANDIDATE) {
                becomeFollower(currentTerm); // (§5.2) another peer won this term's election
            }
            resetElectionTimer();
            leaderContact = System.nanoTime(); // (thesis §9.6) we have a leader: refuse pre-votes for a while
            int prevIndex = args.prevLogIndex();
            int prevTerm = args.prevLogTerm();
            List<LogEntry> entries = args.entries();
            if (prevIndex < log.startIndex()) { // the snapshot already holds these: committed, so they match
                int covered = log.startIndex() - prevIndex;
                if (covered >= entries.size()) {
                    return AppendEntriesReply.success(currentTerm);
                }
                entries = entries.subList(covered, entries.size());
                prevIndex = log.startIndex();
                prevTerm = log.startTerm();
            }
            if (prevIndex > log.lastIndex()) { // (§5.3) no entry at prevLogIndex
                return new AppendEntriesReply(currentTerm, false, -1, -1, log.lastIndex() + 1);
            }
            if (log.term(prevIndex) != prevTerm) { // (§5.3) the entry at prevLogIndex has another term
                int xTerm = log.term(prevIndex);
                return new AppendEntriesReply(currentTerm, false, xTerm, log.firstIndexOfTerm(xTerm, prevIndex),
                        log.lastIndex() + 1);
            }
            boolean changed = false;
            int index = prevIndex;
            for (LogEntry entry : entries) {
                index++;
                if (index <= log.lastIndex()) {
                    if (log.term(index) == entry.term()) {
                        continue; // already there: a delayed or repeated request must not truncate the log
                    }
                    log.truncateFrom(index); // (§5.3) a conflict: delete the entry and all that follow it
                }
                log.append(entry); // (§5.3) append any new entries not already in the log
                changed = true;
            }
            if (changed) {
                persist();
            }
            int lastNewIndex = prevIndex + entries.size();
            int newCommit = Math.min(args.leaderCommit(), lastNewIndex); // (§5.3) rule 5 of Figure 2
            if (newCommit > commitIndex) {
                commitIndex = newCommit;
                applierWake.signal();
            }
            return AppendEntriesReply.success(currentTerm);
        } finally {
            mu.unlock();
        }
    }

    private Optional<AppendEntriesReply> sendAppendEntries(int server, AppendEntriesArgs args) {
        return peers[server].call("Raft.appendEntries", args, AppendEntriesReply.class);
    }

    /** Sends {@code peer} what it lacks: the entries from its nextIndex, or our snapshot if those are gone. */
    private void replicateTo(int peer) {
        if (callsInFlight[peer] >= MAX_CALLS_IN_FLIGHT) {
            replicateWhenFree[peer] = true;
            return;
        }
        replicateWhenFree[peer] = false; // this call carries everything
        if (nextIndex[peer] <= log.startIndex()) {
            InstallSnapshotArgs args = new InstallSnapshotArgs(currentTerm, me, log.startIndex(), log.startTerm(),
                    snapshot);
            callAsync(peer, () -> sendInstallSnapshot(peer, args), reply -> handleInstallSnapshotReply(peer, args, reply));
            return;
        }
        int prevIndex = nextIndex[peer] - 1;
        AppendEntriesArgs args = new AppendEntriesArgs(currentTerm, me, prevIndex, log.term(prevIndex),
                log.from(prevIndex + 1), commitIndex);
        callAsync(peer, () -> sendAppendEntries(peer, args), reply -> handleAppendEntriesReply(peer, args, reply));
    }

    /** Replicates to {@code peer} now, or when its call in flight returns: a burst of start()s costs one call. */
    private void replicateSoon(int peer) {
        if (callsInFlight[peer] > 0) {
            replicateWhenFree[peer] = true;
        } else {
            replicateTo(peer);
        }
    }

    private void replicateToAll() {
        for (int peer = 0; peer < peers.length; peer++) {
            if (peer != me) {
                replicateTo(peer);
            }
        }
    }

    private void handleAppendEntriesReply(int peer, AppendEntriesArgs args, AppendEntriesReply reply) {
        if (observeTerm(reply.term()) || role != Role.LEADER || currentTerm != args.term()) {
            return; // stale: sent in an earlier term, or we are no longer leader
        }
        lastReply[peer] = System.nanoTime(); // (thesis §6.2) the peer still takes us as its leader
        if (reply.success()) {
            int match = args.prevLogIndex() + args.entries().size();
            nextIndex[peer] = Math.max(nextIndex[peer], match + 1);
            if (match > matchIndex[peer]) {
                matchIndex[peer] = match;
                advanceCommitIndex();
            }
            return;
        }
        if (nextIndex[peer] != args.prevLogIndex() + 1) {
            return; // a newer reply has already moved nextIndex
        }
        // (§5.3) back up past the conflicting term in one step, never below what the peer is known to hold
        int next;
        if (reply.xTerm() == -1) {
            next = reply.xLen();
        } else {
            int lastOfTerm = log.lastIndexOfTerm(reply.xTerm());
            next = lastOfTerm >= 0 ? lastOfTerm + 1 : reply.xIndex();
        }
        nextIndex[peer] = Math.max(matchIndex[peer] + 1, Math.min(next, log.lastIndex() + 1));
        replicateTo(peer);
    }

    /** Commits the highest index stored on a majority, if it is of the current term (§5.3, §5.4.2). */
    private void advanceCommitIndex() {
        for (int n = log.lastIndex(); n > commitIndex && log.term(n) == currentTerm; n--) {
            int replicas = 1;
            for (int peer = 0; peer < peers.length; peer++) {
                if (peer != me && matchIndex[peer] >= n) {
                    replicas++;
                }
            }
            if (replicas * 2 > peers.length) {
                commitIndex = n;
                applierWake.signal();
                return;
            }
        }
    }

    /** InstallSnapshot RPC arguments (Figure 13), sent whole rather than in chunks. */
    public record InstallSnapshotArgs(int term, int leaderId, int lastIncludedIndex, int lastIncludedTerm, byte[] data) {
    }

    /** InstallSnapshot RPC reply (Figure 13). */
    public record InstallSnapshotReply(int term) {
    }

    /** InstallSnapshot RPC handler: receiver implementation of Figure 13 (§7). */
    public InstallSnapshotReply installSnapshot(InstallSnapshotArgs args) {
        mu.lock();
        try {
            observeTerm(args.term());
            if (args.term() < currentTerm) {
                return new InstallSnapshotReply(currentTerm); // (§7) reply immediately if term < currentTerm
            }
            if (role == Role.CANDIDATE || role == Role.PRE_CANDIDATE) {
                becomeFollower(currentTerm); // (§5.2) another peer won this term's election
            }
            resetElectionTimer();
            leaderContact = System.nanoTime(); // (thesis §9.6) we have a leader: refuse pre-votes for a while
            if (args.lastIncludedIndex() <= commitIndex) {
                return new InstallSnapshotReply(currentTerm); // we have all of it already, and will apply it
            }
            // (§7) keep the entries after the snapshot if ours match it there, else discard the whole log
            log.compact(args.lastIncludedIndex(), args.lastIncludedTerm());
            snapshot = args.data();
            commitIndex = args.lastIncludedIndex();
            persist();
            applierWake.signal(); // lastApplied < startIndex now: the applier hands the snapshot to the service
            debug(Topic.SNAPSHOT, "installed snapshot up to %d from S%d", args.lastIncludedIndex(), args.leaderId());
            return new InstallSnapshotReply(currentTerm);
        } finally {
            mu.unlock();
        }
    }

    private Optional<InstallSnapshotReply> sendInstallSnapshot(int server, InstallSnapshotArgs args) {
        return peers[server].call("Raft.installSnapshot", args, InstallSnapshotReply.class);
    }

    private void handleInstallSnapshotReply(int peer, InstallSnapshotArgs args, InstallSnapshotReply reply) {
        if (observeTerm(reply.term()) || role != Role.LEADER || currentTerm != args.term()) {
            return;
        }
        lastReply[peer] = System.nanoTime(); // (thesis §6.2)
        matchIndex[peer] = Math.max(matchIndex[peer], args.lastIncludedIndex());
        nextIndex[peer] = Math.max(nextIndex[peer], args.lastIncludedIndex() + 1);
        if (nextIndex[peer] <= log.lastIndex()) {
            replicateTo(peer); // the entries after the snapshot, without waiting for the next heartbeat
        }
    }

    /**
     * Runs one outgoing call on a caller thread, then handles its reply under the lock. Caller holds mu. A
     * peer with too many calls in flight gets none; replicateWhenFree makes up for a skipped replication.
     */
    private <R> void callAsync(int peer, Supplier<Optional<R>> call, Consumer<R> onReply) {
        if (callsInFlight[peer] >= MAX_CALLS_IN_FLIGHT || killed()) {
            return;
        }
        callsInFlight[peer]++;
        try {
            callers.execute(() -> {
                Optional<R> reply = killed() ? Optional.empty() : call.get();
                if (killed()) {
                    return; // end at once, without waiting for the lock
                }
                mu.lock();
                try {
                    callsInFlight[peer]--;
                    reply.ifPresent(onReply);
                    if (replicateWhenFree[peer] && role == Role.LEADER) {
                        replicateWhenFree[peer] = false;
                        replicateTo(peer);
                    }
                } finally {
                    mu.unlock();
                }
            });
        } catch (RejectedExecutionException e) {
            callsInFlight[peer]--; // killed: the callers are shut down
        }
    }

    // END SOLUTION
    /**
     * Proposes {@code command} for the replicated log (§5.3). A leader appends it to its own log, sets its
     * replication going and returns without waiting for the followers; a peer that is not the leader adds nothing
     * and answers with {@code isLeader} false, so the caller tries another peer. Even a leader promises nothing: it
     * may crash or be deposed before the entry is committed, and a later leader may then overwrite it (§5.4).
     * The method must return promptly in every case, also after kill().
     *
     * <p>The result gives the log index where the command will sit should it commit, the peer's current term, and
     * whether it acts as leader; the tester then watches the apply queues for that index.
     */
    @Override
    public StartResult start(Object command) {
        int index = -1;
        int term = -1;
        boolean isLeader = true;
        // Your code here (3B).
        // BEGIN SOLUTION
        mu.lock();
        try {
            term = currentTerm;
            isLeader = role == Role.LEADER && !killed();
            if (isLeader) {
                log.append(new LogEntry(currentTerm, command)); // (§5.3) append to the local log
                persist();
                index = log.lastIndex();
                matchIndex[me] = index;
                for (int peer = 0; peer < peers.length; peer++) {
                    if (peer != me) {
                        replicateSoon(peer); // not at the next heartbeat
                    }
                }
            }
        } finally {
            mu.unlock();
        }
        // END SOLUTION
        return new StartResult(index, term, isLeader);
    }

    /**
     * Ends this peer for good. The tester calls it when it crashes a peer and when a test is over, then fails the
     * test if kill() takes longer than two seconds or if a thread this peer started is still alive two seconds
     * later. The code below sets the flag killed() reads, which each of your loops should check on every pass,
     * and interrupts each thread started with startThread(), which frees one blocked in a wait, a sleep, a put or a
     * call (an interrupted call returns empty at once). Whatever you add here must not wait for mu.
     */
    @Override
    public void kill() {
        dead.set(true);
        // Your code here, if desired.
        // BEGIN SOLUTION
        callers.shutdownNow(); // interrupts calls in flight: the network fails them at once
        // END SOLUTION
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
    }

    private boolean killed() {
        return dead.get();
    }

    /**
     * Runs on its own thread until kill(): it notices when no leader has been heard from for an election timeout and
     * starts an election (§5.2); a leader can use it to pace its heartbeats.
     */
    private void ticker() {
        // BEGIN SOLUTION
        mu.lock();
        try {
            while (!killed()) {
                long now = System.nanoTime();
                if (role == Role.LEADER && preVoteAndCheckQuorum && !heardFromMajority(now)) {
                    debug(Topic.LEADER, "steps down: no word from a majority at term %d", currentTerm);
                    becomeFollower(currentTerm); // CheckQuorum (thesis §6.2)
                } else if (role == Role.LEADER) {
                    if (now - heartbeatDue >= 0) { // (§5.2) heartbeats keep followers from starting elections
                        heartbeatDue = now + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
                        replicateToAll();
                    }
                    tickerWake.awaitNanos(heartbeatDue - now);
                } else if (now - electionDeadline >= 0) {
                    // (§5.2) no word from a leader or a candidate we voted for; with PreVote (thesis §9.6), first
                    // ask whether an election could win. A peer still at term 0 need not ask: every leader has a
                    // term of at least 1, so an election at term 1 deposes no one, and a new cluster's first
                    // election costs one round of RPCs instead of two
                    if (preVoteAndCheckQuorum && currentTerm > 0) {
                        startPreVote();
                    } else {
                        startElection();
                    }
                } else {
                    tickerWake.awaitNanos(electionDeadline - now);
                }
            }
        } catch (InterruptedException e) {
            // kill() interrupts us
        } finally {
            mu.unlock();
        }
        // STUB
        // while (!killed()) {
        //
        //     // Your code here (3A)
        //     // Start an election if no leader or candidate has been heard from for an election timeout.
        //
        //     // Your code here (3E)
        //     // Ask for pre-votes before starting an election; as leader, step down if a majority has not
        //     // answered within an election timeout.
        //
        //
        //     // Staggered wake-ups, 50 to 350 ms apart at random, keep peers from checking in step.
        //     long ms = 50 + ThreadLocalRandom.current().nextLong(300);
        //     try {
        //         Thread.sleep(ms);
        //     } catch (InterruptedException e) {
        //         return; // kill() interrupts us
        //     }
        // }
        // END SOLUTION
    }

    // BEGIN SOLUTION
    /** CheckQuorum (thesis §6.2): a majority, ourselves included, answered within {@link #CHECK_QUORUM_MS}. */
    private boolean heardFromMajority(long now) {
        int heard = 1;
        for (int peer = 0; peer < peers.length; peer++) {
            if (peer != me && now - lastReply[peer] < TimeUnit.MILLISECONDS.toNanos(CHECK_QUORUM_MS)) {
                heard++;
            }
        }
        return heard * 2 > peers.length;
    }

    /**
     * Hands committed entries to the service in index order, and a snapshot from a leader (§7) before the entries
     * that follow it. Takes them under the lock and puts them after releasing it: the service may call
     * snapshot() before it takes the next message.
     */
    private void applier() {
        try {
            while (true) {
                List<ApplyMsg> batch = new ArrayList<>();
                mu.lock();
                try {
                    while (!killed() && lastApplied >= commitIndex) {
                        applierWake.await();
                    }
                    if (killed()) {
                        return;
                    }
                    if (lastApplied < log.startIndex()) {
                        batch.add(ApplyMsg.snapshot(snapshot, log.startTerm(), log.startIndex()));
                        lastApplied = log.startIndex();
                    }
                    for (int i = lastApplied + 1; i <= commitIndex; i++) { // (§5.3) apply in log order
                        batch.add(ApplyMsg.command(log.command(i), i));
                    }
                    lastApplied = commitIndex;
                } finally {
                    mu.unlock();
                }
                for (ApplyMsg msg : batch) {
                    applyCh.put(msg);
                }
            }
        } catch (InterruptedException e) {
            // kill() interrupts us
        }
    }

    // END SOLUTION
    /** Starts a thread of this peer, named raft-(me)-(job); kill() interrupts it. */
    private void startThread(String job, Runnable body) {
        Thread thread = newThread(job, body);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    /** A daemon thread in the tester's thread group, named raft-(me)-(job), not yet started. */
    private Thread newThread(String job, Runnable body) {
        Thread thread = new Thread(threadGroup, body, "raft-" + me + "-" + job);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * A debug line about {@code topic}: on this peer's lane of the timeline page of a failed test, and printed
     * ("004512 LEAD S2 became leader at term 5") when the tests run with -Draftkit.debug=true.
     */
    private void debug(Topic topic, String format, Object... args) {
        Debug.log(me, topic, format, args);
    }

    /**
     * Builds peer {@code me} of a cluster. Index i means the same peer in every peer's array, so {@code peers[i]}
     * reaches peer i from anywhere; {@code peers[me]} is this peer itself. {@code persister} is this peer's stable
     * storage: empty on a first start, and after a crash holding the last save of the previous run, which
     * readPersist() loads.
     * {@code applyCh} is the apply queue for committed entries and snapshots (see the class comment). Do no
     * long-running work here: start a thread for it with startThread() and return at once.
     */
    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        Raft rf = new Raft(peers, me, persister, applyCh); // keeps the four arguments in their fields

        // Your initialization code here (3A, 3B, 3C).
        // BEGIN SOLUTION
        rf.resetElectionTimer();
        // END SOLUTION

        // a restarted peer picks up what it had saved before it crashed
        rf.readPersist(persister.readRaftState());

        // the ticker's thread decides when to hold an election (3A)
        rf.startThread("ticker", rf::ticker);
        // BEGIN SOLUTION
        rf.startThread("applier", rf::applier);
        // END SOLUTION

        return rf;
    }
}
