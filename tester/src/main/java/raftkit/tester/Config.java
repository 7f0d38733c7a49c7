package raftkit.tester;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import raftkit.labrpc.Network;
import raftkit.raft.api.RaftFactory;
import raftkit.raft.api.RaftPeer;
import raftkit.tester.timeline.Kind;
import raftkit.tester.timeline.Timeline;

/**
 * The Raft tester (a port of the lab's {@code config.go}): n peers on one simulated network, crash and restart
 * with a copy of the persister, partitions, and the checks the graded tests are made of. Use it in
 * try-with-resources; {@link #close()} is the lab's {@code cleanup()}.
 */
public final class Config implements AutoCloseable {

    /** The time, in ms, within which an election is expected to have settled (test_test.go's RaftElectionTimeout). */
    public static final long RAFT_ELECTION_TIMEOUT = 1000;
    /** The largest Raft state any persister may hold in 3D, in bytes (test_test.go). */
    public static final int MAXLOGSIZE = 2000;
    /** applierSnap asks for a snapshot after every SNAPSHOT_INTERVAL commands (config.go). */
    public static final int SNAPSHOT_INTERVAL = 10;
    private static final AtomicBoolean CPU_CHECKED = new AtomicBoolean();

    private final int n;
    private final Network net;
    private final Random random;
    private final AppliedLogs logs;
    private final BackgroundFailure failure = new BackgroundFailure();
    private final Timeline timeline;
    private final Peers peers;
    private final Checks checks;
    private final Clients clients = new Clients();
    private final TimeLimit.Stopwatch clock;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** What begin() recorded: the title, then the counters that end() subtracts for its Passed line. */
    private volatile String title = "";
    private long t0;
    private int rpcs0;
    private long bytes0;
    private int maxIndex0;

    /**
     * n peers running the reference or student {@code Raft}, in this JVM or in a peer host as
     * {@link PeerMode#current()} says.
     */
    public Config(int n, boolean unreliable, boolean snapshot) {
        this(n, unreliable, snapshot, null);
    }

    /**
     * n peers made by {@code factory}: the tester's own tests pass deliberately broken doubles, made in this JVM, or
     * in a peer host through {@link PeerMode#inPeerHost}; null means the student's {@code Raft}, as above.
     */
    public Config(int n, boolean unreliable, boolean snapshot, RaftFactory factory) {
        this(n, unreliable, snapshot, factory, null);
    }

    /**
     * As above, counting against {@code limit} instead of the running test's limit (the tester's own tests pass
     * one with a fake clock); null means the running test's.
     */
    Config(int n, boolean unreliable, boolean snapshot, RaftFactory factory, TimeLimit limit) {
        TimeLimit joined = TestScope.join(this);
        this.clock = (limit == null ? joined : limit).start();
        if (CPU_CHECKED.compareAndSet(false, true) && Runtime.getRuntime().availableProcessors() < 2) {
            System.out.println("warning: only one CPU, which may conceal locking bugs");
        }
        this.n = n;
        this.net = new Network();
        // the tester's choices come from the network's seed too, so -Draftkit.seed= replays both; the mask keeps
        // the two random streams from being the same sequence
        this.random = new Random(net.seed() ^ 0x5DEECE66DL);
        this.logs = new AppliedLogs(n);
        this.timeline = new Timeline(n);
        PeerLauncher launcher = PeerLauncher.of(factory, failure);
        this.peers = new Peers(n, net, launcher, this::randString, logs, failure, timeline);
        timeline.sample(new TimelineProbe(net, peers));
        this.checks = new Checks(n, peers, logs, random, this::checkBackground, finished::get);
        try {
            setUnreliable(unreliable);
            net.setLongDelays(true);
            // every peer starts, each with its applier ...
            ApplierKind applier = snapshot ? ApplierKind.APPLIER_SNAP : ApplierKind.APPLIER;
            for (int i = 0; i < n; i++) {
                start1(i, applier);
            }
            // ... and only then does any of them join the network
            for (int i = 0; i < n; i++) {
                connect(i);
            }
        } catch (RuntimeException | Error e) {
            closeAfter(e);
            throw e;
        }
    }

    /** The seed of the network and of every random choice of the tester; replay it with -Draftkit.seed=. */
    public long seed() {
        return net.seed();
    }

    /** What this config recorded of its run, for the test's timeline page. */
    public Timeline timeline() {
        return timeline;
    }

    /** The title given to {@link #begin}, or "" before it. */
    public String title() {
        return title;
    }

    /** Throws the AssertionError that fails a test with the lab's message. */
    public static void fail(String message) {
        throw new AssertionError(message);
    }

    // ---- peers: crash, restart, partitions ----

    /** Shuts peer i down but keeps its persistent state. */
    public void crash1(int i) {
        timeline.peer(Kind.CRASH, i);
        failIfSet(peers.crash1(i));
    }

    /**
     * Starts or restarts peer i, killing the running one first; {@code applier} reads its apply queue. Does not
     * connect it: call {@link #connect} after.
     */
    public void start1(int i, ApplierKind applier) {
        timeline.peer(Kind.RESTART, i);
        failIfSet(peers.start1(i, applier));
    }

    /** Attaches peer i to the net. */
    public void connect(int i) {
        timeline.peer(Kind.CONNECT, i);
        peers.connect(i);
    }

    /** Detaches peer i from the net. */
    public void disconnect(int i) {
        timeline.peer(Kind.DISCONNECT, i);
        peers.disconnect(i);
    }

    /**
     * Cuts one direction of one link: peer {@code from}'s calls to peer {@code to} fail, while {@code to} can
     * still call {@code from} (part 3E builds partial partitions from these). Both stay connected to the rest.
     */
    public void disconnectLink(int from, int to) {
        peers.setLink(from, to, false);
    }

    /** Restores what {@link #disconnectLink} cut, if both peers are connected. */
    public void connectLink(int from, int to) {
        peers.setLink(from, to, true);
    }

    /** Peer i's running Raft, or null while it is crashed. */
    public RaftPeer raft(int i) {
        return peers.raft(i);
    }

    public boolean isConnected(int i) {
        return peers.isConnected(i);
    }

    // ---- checks ----

    /**
     * Polls the connected peers for up to ten rounds, each after a pause of about half a second, until some term has
     * a leader; fails at once if a term shows two leaders, and after the last round if none showed. Returns the
     * leader of the newest term seen.
     */
    public int checkOneLeader() {
        return timeline.check("checkOneLeader()", checks::checkOneLeader);
    }

    /** Checks that every connected peer reports the same term and returns it (-1 if none is connected). */
    public int checkTerms() {
        return timeline.check("checkTerms()", checks::checkTerms);
    }

    /** Checks that no connected peer thinks it is the leader. */
    public void checkNoLeader() {
        timeline.check("checkNoLeader()", checks::checkNoLeader);
    }

    /** How many peers (crashed ones included: their applied logs survive) have applied {@code index}. */
    public Committed nCommitted(int index) {
        return checks.nCommitted(index);
    }

    /**
     * Waits for at least n peers to apply {@code index}, but not forever. Returns the command, or -1 if
     * {@code startTerm > -1} and some peer has moved past that term (then the outcome cannot be promised).
     */
    public Object waitFor(int index, int n, int startTerm) {
        return timeline.check("waitFor(" + index + ")", () -> checks.waitFor(index, n, startTerm));
    }

    /**
     * A complete agreement on {@code cmd}: offers it to each connected peer in turn until one accepts, then waits
     * for {@code expectedServers} peers to apply it. If {@code retry}, offers it again after 2 s without
     * agreement; gives up after about 10 s. Returns the index, or -1 once the config is closed.
     */
    public int one(Object cmd, int expectedServers, boolean retry) {
        return timeline.check("one(" + cmd + ")", () -> checks.one(cmd, expectedServers, retry));
    }

    /** The largest Raft state held by any peer's persister, in bytes. */
    public int logSize() {
        return peers.logSize();
    }

    // ---- begin/end, and close (the lab's cleanup) ----

    /** Starts a test: prints its title, e.g. "Test (3B): RPC counts aren't too high ...". */
    public void begin(String description) {
        title = description;
        timeline.begin(description);
        System.out.printf("%s ...%n", description);
        t0 = System.nanoTime();
        rpcs0 = rpcTotal();
        bytes0 = bytesTotal();
        maxIndex0 = logs.maxIndex();
    }

    /** Ends a test that got here without failing: prints the Passed line with its numbers. */
    public void end() {
        checkBackground();
        clock.check();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int nrpc = rpcTotal() - rpcs0;
        long nbytes = bytesTotal() - bytes0;
        int ncmds = logs.maxIndex() - maxIndex0;
        timeline.passed();
        System.out.print("  ... Passed --");
        System.out.printf(Locale.ROOT, "  %4.1f  %d %4d %7d %4d%n", seconds, n, nrpc, nbytes, ncmds);
    }

    /**
     * Kills every peer, cleans up the network, checks that the killed peers' threads ended, and stops the
     * tester's own threads. Fails with a background error not yet reported, the time limit, or leaked threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AssertionError> problems = new ArrayList<>();
        try {
            shutdown(problems);
        } finally {
            timeline.close();
        }
        TimeLimitExceeded late = clock.failure();
        if (late != null) {
            problems.add(0, late);
        }
        String background = failure.takeUnreported();
        if (background != null) {
            problems.add(0, new AssertionError(background));
        }
        if (!problems.isEmpty()) {
            AssertionError error = problems.get(0);
            problems.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void shutdown(List<AssertionError> problems) {
        finished.set(true);
        List<String> found = new ArrayList<>();
        peers.killAll(found);
        net.cleanup();
        for (String leak : peers.leaks()) {
            if ("warn".equals(System.getProperty("raftkit.leaks"))) {
                System.out.println("warning: " + leak);
            } else {
                found.add(leak);
            }
        }
        found.forEach(message -> problems.add(new AssertionError(message)));
        peers.stopAppliers();
        clients.shutdown();
    }

    private void closeAfter(Throwable primary) {
        try {
            close();
        } catch (AssertionError e) {
            primary.addSuppressed(e);
        }
    }

    // ---- helpers ----

    /** Runs {@code task} on a tester thread that ends at close() (for the tests' concurrent clients). */
    public <T> Future<T> go(Callable<T> task) {
        return clients.submit(task);
    }

    /** Waits for a task started with {@link #go} and returns its result; a failure in it fails the caller. */
    public static <T> T await(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            } else if (e.getCause() instanceof RuntimeException exception) {
                throw exception;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A random non-negative int, like Go's rand.Int(), from the seeded source. */
    public int randInt() {
        return random.nextInt(Integer.MAX_VALUE);
    }

    /** A random int in [0, bound) from the seeded source. */
    public int randInt(int bound) {
        return random.nextInt(bound);
    }

    /** n random characters: the first n of the URL-safe base64 of 2n random bytes. */
    public String randString(int length) {
        byte[] b = new byte[2 * length];
        random.nextBytes(b);
        return Base64.getUrlEncoder().encodeToString(b).substring(0, length);
    }

    /** RPCs delivered to peer i's current server. */
    public int rpcCount(int i) {
        return net.getCount(i);
    }

    /** Every RPC sent, delivered or not. */
    public int rpcTotal() {
        return net.getTotalCount();
    }

    public long bytesTotal() {
        return net.getTotalBytes();
    }

    public void setUnreliable(boolean unreliable) {
        timeline.network(Kind.UNRELIABLE, unreliable);
        net.setReliable(!unreliable);
    }

    public void setLongReordering(boolean longReordering) {
        timeline.network(Kind.LONG_REORDERING, longReordering);
        net.setLongReordering(longReordering);
    }

    /** Fails the test with the first error an applier or a peer thread found, if any. */
    private void checkBackground() {
        peers.checkAlive();
        failIfSet(failure.takeMessage());
    }

    private static void failIfSet(String message) {
        if (message != null) {
            fail(message);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
