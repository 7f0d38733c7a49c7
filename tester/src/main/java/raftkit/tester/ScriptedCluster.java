package raftkit.tester;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Network;
import raftkit.labrpc.Persister;
import raftkit.labrpc.Server;
import raftkit.labrpc.Service;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftFactory;
import raftkit.raft.api.RaftPeer;

/**
 * Part 3X's harness: one student peer (index {@value #STUDENT}) on a reliable network, every other peer played by
 * the test. The test calls the student's handlers with messages it chooses, answers (or holds, or loses) the
 * student's own calls through each {@link ScriptedPeer}, crashes and restarts the student from its
 * {@link Persister}, and reads what it applied. Use it in try-with-resources.
 */
public final class ScriptedCluster implements AutoCloseable {

    /** The student's peer index. */
    public static final int STUDENT = 0;
    /**
     * How long the student's handler may take to answer the test. It needs only its lock, but the first call of a
     * test JVM also loads the codec, which on a busy machine has taken seconds.
     */
    static final long ANSWER_MILLIS = 10_000;

    private final int n;
    private final PeerLauncher factory;
    private final Network net = new Network();
    private final BackgroundFailure failure = new BackgroundFailure();
    private final PeerThreads threads;
    private final StudentApplies applies = new StudentApplies(failure);
    private final InvariantWatch invariants = new InvariantWatch(1 + STUDENT, failure);
    private final ScriptedPeer[] scripted;
    private final ClientEnd[] toStudent;
    private final ExecutorService callers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tester-3x-caller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile StudentMessages messages;
    private Persister saved = new Persister();
    private RaftPeer student;
    private int incarnation;
    private long t0;
    private String title = "";

    /** n peers, the student's {@code Raft} among them, in this JVM or a peer host as {@link PeerMode} says. */
    public ScriptedCluster(int n) {
        this(n, null);
    }

    /** As above with the student's peer made by {@code factory} in this JVM (null: the student's Raft). */
    public ScriptedCluster(int n, RaftFactory factory) {
        this.n = n;
        this.factory = PeerLauncher.of(factory, failure);
        this.threads = new PeerThreads(n, failure);
        this.scripted = new ScriptedPeer[n];
        this.toStudent = new ClientEnd[n];
        net.setReliable(true);
        net.setLongDelays(false); // a lost call fails within 100 ms
        for (int j = 0; j < n; j++) {
            if (j != STUDENT) {
                scripted[j] = new ScriptedPeer(j, this);
                net.addServer(j, serverOf(scripted[j]));
                String name = "3x-" + j + "-to-" + STUDENT;
                toStudent[j] = net.makeEnd(name);
                net.connect(name, STUDENT);
                net.enable(name, true);
            }
        }
        try {
            start();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    public int size() {
        return n;
    }

    /** Scripted peer j (any index but {@value #STUDENT}). */
    public ScriptedPeer peer(int j) {
        if (scripted[j] == null) {
            throw new IllegalArgumentException("peer " + j + " is the student's");
        }
        return scripted[j];
    }

    /** The student's peer now running. */
    public synchronized RaftPeer student() {
        return student;
    }

    public PeerState state() {
        return student().getState();
    }

    /** The student's persister (the one its running incarnation writes). */
    public synchronized Persister persister() {
        return saved;
    }

    // ---- the student's peer: crash and restart ----

    /** Kills the student's peer; keeps a copy of what it persisted, as {@code Config.crash1} does. */
    public void crash() {
        RaftPeer rf;
        synchronized (this) {
            rf = student;
            student = null;
        }
        net.deleteServer(STUDENT);
        applies.detach();
        if (rf != null) {
            failIfSet(threads.kill(STUDENT, rf));
        }
        synchronized (this) {
            Persister fresh = new Persister();
            fresh.save(saved.readRaftState(), saved.readSnapshot());
            saved = fresh;
        }
    }

    /** Crashes the student's peer if it runs, then starts a new incarnation from its persister. */
    public void restart() {
        crash();
        start();
    }

    private void start() {
        ClientEnd[] ends = new ClientEnd[n];
        int inc;
        Persister persister;
        synchronized (this) {
            inc = ++incarnation;
            saved = saved.copy();
            persister = saved;
        }
        for (int j = 0; j < n; j++) {
            String name = "3x-" + STUDENT + "-to-" + j + "-" + inc;
            ends[j] = net.makeEnd(name);
            net.connect(name, j);
            net.enable(name, true);
        }
        SynchronousQueue<ApplyMsg> applyCh = new SynchronousQueue<>();
        applies.attach(applyCh, persister.snapshotSize() > 0 ? -1 : 0);
        RaftPeer made = threads.make(STUDENT, () -> factory.make(ends, STUDENT, persister, applyCh));
        RaftPeer rf = invariants.watch(STUDENT, made);
        if (messages == null) {
            messages = factory.messagesOf(made);
            messages.check(Rpc.REQUEST_VOTE);
            messages.check(Rpc.APPEND_ENTRIES);
        }
        Server server = new Server();
        server.addService(factory.serviceOf(made));
        net.addServer(STUDENT, server);
        synchronized (this) {
            student = rf;
        }
    }

    StudentMessages messages() {
        return messages;
    }

    /** Fails the calls in flight to scripted peer j (labrpc sees its server replaced); new calls reach it. */
    void loseCallsTo(int j) {
        net.addServer(j, serverOf(scripted[j]));
    }

    private static Server serverOf(ScriptedPeer peer) {
        Server server = new Server();
        // named Raft, as the student's service is; the scripted peer reads each call where the student's classes are
        server.addService(Service.forwarding("Raft", peer::serve));
        return server;
    }

    // ---- calls to the student's peer ----

    /**
     * Sends the student's peer an RPC from scripted peer {@code from}, built from Figure 2 names and values
     * ({@code "term", 3, "candidateId", 1, ...}); returns the reply. Fails if the handler does not answer in time.
     */
    public Message call(int from, Rpc rpc, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(rpc == Rpc.REQUEST_VOTE ? "candidateId" : "leaderId", from);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        byte[] args = messages.build(rpc, false, values);
        Future<byte[]> reply = callers.submit(() -> toStudent[from].callEncoded(rpc.serviceMethod(), args));
        try {
            byte[] got = reply.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
            if (got == null) {
                throw new AssertionError(String.format("the student's peer gave no reply to %s %s (did its handler"
                        + " throw? see the output above)", rpc.paperName(), messages.read(rpc, false, args)));
            }
            return messages.read(rpc, true, got);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new AssertionError(String.format("the student's peer did not answer %s %s within %d ms (a handler"
                    + " should wait for nothing but its lock)", rpc.paperName(), messages.read(rpc, false, args),
                    ANSWER_MILLIS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Message requestVote(int from, int term, int lastLogIndex, int lastLogTerm) {
        return call(from, Rpc.REQUEST_VOTE, "term", term, "lastLogIndex", lastLogIndex, "lastLogTerm", lastLogTerm);
    }

    public Message appendEntries(int from, int term, int prevLogIndex, int prevLogTerm, List<Entry> entries,
            int leaderCommit) {
        return call(from, Rpc.APPEND_ENTRIES, "term", term, "prevLogIndex", prevLogIndex, "prevLogTerm", prevLogTerm,
                "entries", entries, "leaderCommit", leaderCommit);
    }

    public Message installSnapshot(int from, int term, int lastIncludedIndex, int lastIncludedTerm, byte[] data) {
        messages.check(Rpc.INSTALL_SNAPSHOT);
        return call(from, Rpc.INSTALL_SNAPSHOT, "term", term, "lastIncludedIndex", lastIncludedIndex,
                "lastIncludedTerm", lastIncludedTerm, "data", data);
    }

    // ---- what the student applied ----

    /** Every message applied so far, by every incarnation. */
    public List<ApplyMsg> applied() {
        return applies.all();
    }

    /** The commands applied so far, in order. */
    public List<Object> appliedCommands() {
        return applies.commands();
    }

    /** Waits up to {@code millis} until at least {@code count} messages have been applied. */
    public boolean awaitApplied(int count, long millis) throws InterruptedException {
        return applies.await(count, millis);
    }

    /** Fails the test with the first error found in the background (e.g. an out-of-order apply), if any. */
    public void checkBackground() {
        factory.checkAlive();
        failIfSet(failure.takeMessage());
    }

    // ---- begin, end, close ----

    public void begin(String description) {
        title = description;
        System.out.printf("%s ...%n", description);
        t0 = System.nanoTime();
    }

    public void end() {
        checkBackground();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.print("  ... Passed --");
        System.out.printf(Locale.ROOT, "  %4.1f  %d %4d %7d %4d%n", seconds, n, net.getTotalCount(),
                net.getTotalBytes(), appliedCommands().size());
    }

    public String title() {
        return title;
    }

    /** Kills the student's peer, releases held calls, stops the network, and checks the peer's threads ended. */
    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        RaftPeer rf;
        synchronized (this) {
            rf = student;
            student = null;
        }
        if (rf != null) {
            String hung = threads.kill(STUDENT, rf);
            if (hung != null) {
                problems.add(hung);
            }
        }
        for (ScriptedPeer peer : scripted) {
            if (peer != null) {
                peer.loseHeld();
            }
        }
        net.cleanup();
        callers.shutdownNow();
        applies.detach();
        problems.addAll(threads.leaks());
        problems.addAll(factory.remoteLeaks());
        String background = failure.takeUnreported();
        if (background != null) {
            problems.add(0, background);
        }
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError(problems.get(0));
            problems.stream().skip(1).map(AssertionError::new).forEach(error::addSuppressed);
            throw error;
        }
    }

    private static void failIfSet(String message) {
        if (message != null) {
            throw new AssertionError(message);
        }
    }
}
