package raftkit.labrpc;

import java.lang.reflect.Method;

/** One RPC ready to run on a server: the handler, and a private copy of its args. */
final class Invocation {

    private final Service service;
    private final Service.Forwarder forwarder;
    private final Method method;
    private final String serviceMethod;
    private final Object args;

    Invocation(Service service, Method method, String serviceMethod, Object args) {
        this(service, null, method, serviceMethod, args);
    }

    private Invocation(Service service, Service.Forwarder forwarder, Method method, String serviceMethod,
                       Object args) {
        this.service = service;
        this.forwarder = forwarder;
        this.method = method;
        this.serviceMethod = serviceMethod;
        this.args = args;
    }

    /** A call that {@code forwarder} runs in another process, with the encoded args as they came. */
    static Invocation forwarded(Service.Forwarder forwarder, String serviceMethod, byte[] args) {
        return new Invocation(null, forwarder, null, serviceMethod, args);
    }

    /** Whether the handler runs in another process (its reply cannot come within microseconds). */
    boolean forwarded() {
        return forwarder != null;
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
