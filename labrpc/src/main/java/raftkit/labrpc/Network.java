package raftkit.labrpc;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated network: client ends, servers, and every unreliable behaviour of the lab's labrpc.
 * See {@code package-info.java} for the manual.
 *
 * <p>Every random choice comes from one {@link Random} seeded by {@link #seed()}, so a seed replays the same
 * sequence of choices; which call draws which number still depends on thread timing, so a replay is close to the
 * failed run, not identical. The network's threads (handlers and one timer) are daemon threads named
 * {@code labrpc-...}, made on demand and ended by {@link #cleanup()}.
 */
public final class Network implements AutoCloseable {

    /** The system property that fixes the seed of every {@code new Network()}, to replay a run's network choices. */
    public static final String SEED_PROPERTY = "raftkit.seed";

    // The rules' numbers, from Go labrpc.go processReq; the Go comment's reason follows each.
    /** Unreliable: "short delay" before delivery, {@code rand%27} ms. */
    static final int SHORT_DELAY_MS = 27;
    /** Unreliable: "drop the request, return as if timeout" and "drop the reply", 100 per mille each. */
    static final int DROP_PER_MILLE = 100;
    /** Disabled end or no server: "simulate no reply and eventual timeout", {@code rand%100} ms ... */
    static final int SHORT_TIMEOUT_MS = 100;
    /** ... or {@code rand%7000} ms with longDelays, to "let Raft tests check that leader doesn't send RPCs synchronously". */
    static final int LONG_TIMEOUT_MS = 7000;
    /** Long reordering: "delay the response for a while" for {@code rand(900) < 600} of the replies ... */
    static final int REORDER_CHANCE = 600;
    static final int REORDER_OUT_OF = 900;
    /** ... by {@code 200 + rand(1 + rand(2000))} ms. */
    static final int REORDER_MIN_MS = 200;
    static final int REORDER_SPREAD_MS = 2000;
    /** While the handler runs, "stop waiting if DeleteServer() has been called" is checked every 100 ms. */
    static final long DEAD_CHECK_MS = 100;

    private static final long CLEANUP_WAIT_MS = 500;
    private static final long HANDLER_KEEP_ALIVE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final AtomicInteger NETWORKS = new AtomicInteger();

    private final long seed;
    private final Random rand;
    private final Wiring wiring = new Wiring();
    private volatile boolean reliable = true;
    private volatile boolean longDelays;
    private volatile boolean longReordering;
    private volatile boolean closed;
    private volatile PauseListener pauseListener;
    private final AtomicInteger totalCount = new AtomicInteger();
    private final AtomicLong totalBytes = new AtomicLong();
    private final Set<PendingCall> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private final HandlerPool handlers;

    /** A network whose seed comes from {@code -Draftkit.seed=} if set, else from a random source. */
    public Network() {
        this(Seeds.defaultSeed());
    }

    /** A network whose random choices all come from {@code seed}. */
    public Network(long seed) {
        this.seed = seed;
        this.rand = new Random(seed);
        NetworkThreads threads = new NetworkThreads(NETWORKS.incrementAndGet());
        this.timer = new ScheduledThreadPoolExecutor(1, threads.factory("timer"));
        timer.setRemoveOnCancelPolicy(true);
        // A thread per running handler; idle threads are kept a minute and reused.
        this.handlers = new HandlerPool(threads.factory("handler"), HANDLER_KEEP_ALIVE_NANOS);
    }

    /** The seed of this network's random choices; give it back with {@code -Draftkit.seed=} to replay them. */
    public long seed() {
        return seed;
    }

    /** Registers a new end, disabled and not connected. A duplicate name is an error. */
    public ClientEnd makeEnd(Object endName) {
        ClientEnd end = ClientEnd.on(this, endName);
        wiring.addEnd(endName, end);
        return end;
    }

    /** Removes an end. An unknown name is an error. */
    public void deleteEnd(Object endName) {
        wiring.deleteEnd(endName);
        recheckCallsInFlight();
    }

    /** Sets or replaces the server under {@code serverName}; calls in flight to a replaced server fail. */
    public void addServer(Object serverName, Server server) {
        wiring.putServer(serverName, server);
        recheckCallsInFlight();
    }

    /** Removes the server under {@code serverName}; new calls to it fail, calls in flight fail within 100 ms. */
    public void deleteServer(Object serverName) {
        wiring.putServer(serverName, null);
        recheckCallsInFlight();
    }

    /** Connects an end to a server name (once per end). */
    public void connect(Object endName, Object serverName) {
        wiring.connect(endName, serverName);
    }

    /** Enables or disables an end; disabling also fails that end's calls in flight. */
    public void enable(Object endName, boolean enable) {
        wiring.enable(endName, enable);
        if (!enable) {
            recheckCallsInFlight();
        }
    }

    public void setReliable(boolean reliable) {
        this.reliable = reliable;
    }

    public void setLongReordering(boolean longReordering) {
        this.longReordering = longReordering;
    }

    public void setLongDelays(boolean longDelays) {
        this.longDelays = longDelays;
    }

    /** RPCs delivered to the server now registered under {@code serverName} (0 once it is deleted). */
    public int getCount(Object serverName) {
        return wiring.getCount(serverName);
    }

    /** Every RPC sent on this network, delivered or not. */
    public int getTotalCount() {
        return totalCount.get();
    }

    /** Encoded bytes of every request sent and every reply delivered. */
    public long getTotalBytes() {
        return totalBytes.get();
    }

    /**
     * Stops the network and releases every thread it made; later calls fail at once, and calls in flight fail now
     * (unlike Go, where they run on: here a finished test must leave no thread waiting in the network).
     */
    public void cleanup() {
        closed = true;
        for (PendingCall call : inFlight) {
            call.cancel();
        }
        timer.shutdownNow();
        handlers.shutdownNow();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLEANUP_WAIT_MS);
            timer.awaitTermination(CLEANUP_WAIT_MS, TimeUnit.MILLISECONDS);
            handlers.awaitTermination(Math.max(0, deadline - System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        cleanup();
    }

    /**
     * Carries one encoded request from {@code endName} (Go's dispatcher plus processReq), on the caller's thread.
     * Returns the encoded reply, or null when the network loses the call.
     */
    byte[] send(Object endName, String serviceMethod, byte[] request) {
        if (closed) {
            return null;
        }
        // Go's dispatcher counts every accepted request before any rule applies.
        totalCount.incrementAndGet();
        totalBytes.addAndGet(request.length);
        PendingCall call = new PendingCall();
        inFlight.add(call);
        try {
            return closed ? null : processRequest(call, endName, serviceMethod, request);
        } finally {
            inFlight.remove(call);
        }
    }

    /**
     * Every delivery rule, in Go processReq's order (steps A to I of the lab's network). Returns the encoded reply
     * (its bytes counted), or null for a lost call.
     */
    private byte[] processRequest(PendingCall call, Object endName, String serviceMethod, byte[] request) {
        Wiring.Route route = wiring.route(endName); // Go readEndnameInfo: one consistent view of the end's wiring
        boolean isReliable = reliable;
        boolean isLongReordering = longReordering;
        if (!route.delivers()) {
            // A: simulate no reply and eventual timeout; nothing is delivered.
            pause(call, Pause.TIMEOUT, longDelays ? rand.nextInt(LONG_TIMEOUT_MS) : rand.nextInt(SHORT_TIMEOUT_MS));
            return null;
        }
        if (!isReliable && !pause(call, Pause.SHORT_DELAY, rand.nextInt(SHORT_DELAY_MS))) { // B: short delay
            return null;
        }
        if (!isReliable && rand.nextInt(1000) < DROP_PER_MILLE) { // C: drop the request, as if timeout
            return null;
        }
        // D: the handler runs on another thread, so this one can notice a dead server while it runs.
        Invocation invocation = route.server().dispatch(serviceMethod, request);
        if (invocation.relayed()) {
            // The handler runs in another process: no thread here waits for it, its answer wakes this one.
            invocation.relay(call::handlerDone);
        } else {
            try {
                handlers.execute(() -> call.handlerDone(runHandler(invocation)));
            } catch (RejectedExecutionException e) {
                return null; // cleaned up meanwhile
            }
        }
        // E: wait for the handler, but fail the call if the server was deleted or replaced, or the end disabled.
        // Go checks every 100 ms; a change of wiring also wakes the wait, so the failure comes within 100 ms.
        if (!invocation.forwarded() && inFlight.size() == 1) {
            // The only call in flight, to a handler in this JVM: its reply often comes within microseconds.
            call.spinForHandler();
        }
        boolean dead = false;
        while (!call.handlerFinished() && !dead) {
            if (!call.awaitHandler(TimeUnit.MILLISECONDS.toNanos(DEAD_CHECK_MS))) {
                return null;
            }
            dead = !call.handlerFinished() && wiring.isServerDead(endName, route);
        }
        // F: check once more: no success may be reported for work persisted into a superseded Persister.
        if (dead || wiring.isServerDead(endName, route)) {
            return null;
        }
        byte[] reply = call.reply();
        if (reply == null) { // the handler threw (reported by Service)
            return null;
        }
        if (!isReliable && rand.nextInt(1000) < DROP_PER_MILLE) { // G: drop the reply, as if timeout
            return null;
        }
        if (isLongReordering && rand.nextInt(REORDER_OUT_OF) < REORDER_CHANCE) {
            // H: delay the response for a while; its bytes count only if it is delivered.
            int ms = REORDER_MIN_MS + rand.nextInt(1 + rand.nextInt(REORDER_SPREAD_MS));
            if (!pause(call, Pause.REORDER, ms)) {
                return null;
            }
        }
        totalBytes.addAndGet(reply.length); // I: deliver
        return reply;
    }

    private static Object runHandler(Invocation invocation) {
        try {
            byte[] reply = invocation.run();
            return reply == null ? PendingCall.NO_REPLY : reply;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    /** Waits {@code ms} on the network's timer; false if the wait was cut short (cleanup or interrupt). */
    private boolean pause(PendingCall call, Pause kind, int ms) {
        PauseListener listener = pauseListener;
        if (listener != null) {
            listener.paused(kind, ms);
        }
        if (ms == 0) {
            return !call.cancelled();
        }
        call.startTimer();
        ScheduledFuture<?> pending;
        try {
            pending = timer.schedule(call::timerFired, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return false;
        }
        boolean waited = call.awaitTimer();
        if (!waited) {
            pending.cancel(false);
        }
        return waited;
    }

    /** The network's three kinds of wait (steps A, B and H). */
    enum Pause { TIMEOUT, SHORT_DELAY, REORDER }

    /** Told of each wait as it starts, on the caller's thread. For tests: times alone blur on a busy machine. */
    interface PauseListener {
        void paused(Pause kind, int ms);
    }

    /** For tests only: sees every random wait the network chooses. */
    void setPauseListener(PauseListener listener) {
        this.pauseListener = listener;
    }

    private void recheckCallsInFlight() {
        for (PendingCall call : inFlight) {
            call.recheck();
        }
    }
}
