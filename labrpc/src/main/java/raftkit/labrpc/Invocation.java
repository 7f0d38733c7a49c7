package raftkit.labrpc;

import java.lang.reflect.Method;

/** One RPC ready to run on a server: the handler, and a private copy of its args. */
final class Invocation {

    private final Service service;
    private final Method method;
    private final String serviceMethod;
    private final Object args;

    Invocation(Service service, Method method, String serviceMethod, Object args) {
        this.service = service;
        this.method = method;
        this.serviceMethod = serviceMethod;
        this.args = args;
    }

    /**
     * Runs the handler and encodes its reply at once, so later changes the handler makes to the reply object do not
     * reach the caller. Returns null when the handler threw (reported once; the caller sees a lost RPC).
     *
     * @throws IllegalArgumentException when the handler returned null or a reply the codec cannot carry
     */
    byte[] run() {
        Object reply;
        try {
            reply = service.invoke(method, args);
        } catch (InterruptedException e) {
            // Only Network.cleanup interrupts handler threads: the test is over, nothing to report.
            Thread.currentThread().interrupt();
            return null;
        } catch (Throwable e) {
            service.reportFailure(serviceMethod, e);
            return null;
        }
        if (reply == null) {
            throw new IllegalArgumentException("labrpc: handler " + serviceMethod + " returned null; return a reply");
        }
        return Codec.encode(reply);
    }
}
