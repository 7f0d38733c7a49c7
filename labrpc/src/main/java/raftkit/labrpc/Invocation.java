package raftkit.labrpc;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** One RPC ready to run on a server: the handler, and a private copy of its args. */
final class Invocation {

    private final Service service;
    private final Service.Forwarder forwarder;
    private final Service.Relay relay;
    private final Method method;
    private final String serviceMethod;
    private final Object args;

    Invocation(Service service, Method method, String serviceMethod, Object args) {
        this(service, null, null, method, serviceMethod, args);
    }

    private Invocation(Service service, Service.Forwarder forwarder, Service.Relay relay, Method method,
                       String serviceMethod, Object args) {
        this.service = service;
        this.forwarder = forwarder;
        this.relay = relay;
        this.method = method;
        this.serviceMethod = serviceMethod;
        this.args = args;
    }

    /** A call that {@code forwarder} runs in another process, with the encoded args as they came. */
    static Invocation forwarded(Service.Forwarder forwarder, String serviceMethod, byte[] args) {
        return new Invocation(null, forwarder, null, null, serviceMethod, args);
    }

    /** A call that {@code relay} carries to another process, with the encoded args as they came. */
    static Invocation relayed(Service.Relay relay, String serviceMethod, byte[] args) {
        return new Invocation(null, null, relay, null, serviceMethod, args);
    }

    /** Whether the handler runs in another process (its reply cannot come within microseconds). */
    boolean forwarded() {
        return forwarder != null || relay != null;
    }

    /** Whether the call is relayed: started with {@link #relay}, it needs no thread while it runs. */
    boolean relayed() {
        return relay != null;
    }

    /**
     * Sends a relayed call; {@code done} gets, on whichever thread the answer comes, the encoded reply,
     * {@link PendingCall#NO_REPLY} for a lost call, or the RuntimeException or Error for the caller to throw.
     */
    void relay(Consumer<Object> done) {
        CompletableFuture<byte[]> reply;
        try {
            reply = relay.send(serviceMethod, (byte[]) args);
        } catch (RuntimeException | Error e) {
            done.accept(e);
            return;
        }
        reply.whenComplete((bytes, failure) -> done.accept(failure != null ? thrown(failure)
                : bytes == null ? PendingCall.NO_REPLY : bytes));
    }

    private static Throwable thrown(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException || cause instanceof Error ? cause
                : new IllegalStateException("labrpc: a relayed call failed", cause);
    }

    /**
     * Runs the handler and encodes its reply at once, so later changes the handler makes to the reply object do not
     * reach the caller. Returns null when the handler threw or returned null: the caller sees a lost RPC, and
     * the first such case of each handler is printed with the handler's name.
     *
     * @throws IllegalArgumentException when the reply is of a kind the codec cannot carry
     */
    byte[] run() {
        if (forwarder != null) {
            return forwarder.forward(serviceMethod, (byte[]) args);
        }
        if (relay != null) {
            throw new IllegalStateException("labrpc: a relayed call is sent with relay(), on the network only");
        }
        Object reply;
        try {
            reply = service.invoke(method, args);
        } catch (InterruptedException e) {
            // Only Network.cleanup interrupts handler threads: the test is over, nothing to report.
            Thread.currentThread().interrupt();
            return null;
        } catch (Throwable e) {
            service.reportLost(serviceMethod, "threw " + e, e);
            return null;
        }
        if (reply == null) {
            // Like a handler that threw: a reply that never comes looks, to the caller, like a lost RPC.
            service.reportLost(serviceMethod, "returned null", null);
            return null;
        }
        return Codec.encode(reply);
    }
}
