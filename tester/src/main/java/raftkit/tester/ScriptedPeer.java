package raftkit.tester;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A peer played by a part 3X test: it records every call the student's peer makes to it and hands each to the
 * test's responder for that RPC. The default responder loses every call, as a crashed peer would.
 */
public final class ScriptedPeer {

    /** The longest a call is held; labrpc's own long delays reach 7 s, so a correct peer must live with this. */
    static final long MAX_HOLD_MILLIS = 5000;

    private final int me;
    private final ScriptedCluster cluster;
    private final Map<Rpc, Consumer<IncomingCall>> responders = new EnumMap<>(Rpc.class);
    private final List<IncomingCall> calls = new ArrayList<>();

    ScriptedPeer(int me, ScriptedCluster cluster) {
        this.me = me;
        this.cluster = cluster;
    }

    public int me() {
        return me;
    }

    /** Sets how this peer answers calls of {@code rpc}; a responder that neither answers nor loses holds the call. */
    public synchronized ScriptedPeer on(Rpc rpc, Consumer<IncomingCall> responder) {
        responders.put(rpc, responder);
        return this;
    }

    /** Every call of {@code rpc} received so far, oldest first. */
    public synchronized List<IncomingCall> calls(Rpc rpc) {
        return calls.stream().filter(c -> c.rpc() == rpc).toList();
    }

    /** Waits up to {@code millis} for a call of {@code rpc} that matches {@code filter} (received before or later). */
    public synchronized Optional<IncomingCall> awaitCall(Rpc rpc, Predicate<IncomingCall> filter, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Optional<IncomingCall> found = calls.stream().filter(c -> c.rpc() == rpc && filter.test(c)).findFirst();
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0) {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Loses every call still held. */
    public void loseHeld() {
        List<IncomingCall> held;
        synchronized (this) {
            held = new ArrayList<>(calls);
        }
        held.forEach(IncomingCall::lose);
    }

    /**
     * The network's delivery of one call from the student's peer: the encoded args in, the encoded reply out, or
     * null for a call that is lost.
     */
    byte[] serve(String serviceMethod, byte[] args) {
        String method = serviceMethod.substring(serviceMethod.lastIndexOf('.') + 1);
        for (Rpc rpc : Rpc.values()) {
            if (rpc.handler().equals(method)) {
                return handle(rpc, cluster.messages().read(rpc, false, args));
            }
        }
        throw new IllegalArgumentException("labrpc.Service.dispatch(): unknown method " + method + " in "
                + serviceMethod + "; expecting one of [appendEntries, installSnapshot, requestVote]");
    }

    /** Runs one call from the student's peer: record, respond, wait for the outcome. */
    private byte[] handle(Rpc rpc, Message args) {
        IncomingCall call = new IncomingCall(me, rpc, args, cluster.messages());
        Consumer<IncomingCall> responder;
        synchronized (this) {
            calls.add(call);
            notifyAll();
            responder = responders.getOrDefault(rpc, IncomingCall::lose);
        }
        responder.accept(call);
        byte[] outcome;
        try {
            outcome = call.await(MAX_HOLD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the network is shutting down: nothing is delivered
            return null;
        }
        if (outcome == null) {
            // labrpc fails the calls in flight to a replaced server, so the caller sees no reply
            cluster.loseCallsTo(me);
        }
        return outcome;
    }
}
