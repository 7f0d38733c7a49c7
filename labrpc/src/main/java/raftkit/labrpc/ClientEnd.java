package raftkit.labrpc;

import java.util.Optional;

/** One end of a simulated connection: the client side that sends RPCs to one server. */
public final class ClientEnd {

    private final Link link;
    private final Object name;

    /**
     * What carries an end's encoded requests: the {@link Network} in the tester's JVM, or, when the peers run in a
     * process of their own, the connection to the tester's network.
     */
    @FunctionalInterface
    public interface Link {
        /** Sends an encoded request from {@code endName}; returns the encoded reply, or null for a lost call. */
        byte[] send(Object endName, String serviceMethod, byte[] request);
    }

    private ClientEnd(Link link, Object name) {
        this.link = link;
        this.name = name;
    }

    static ClientEnd on(Network network, Object name) {
        return new ClientEnd(network::send, name);
    }

    /** An end whose calls {@code link} carries (the kit's peer host makes its peers' ends this way). */
    public static ClientEnd over(Link link, Object name) {
        if (link == null) {
            throw new IllegalArgumentException("labrpc: ClientEnd.over(null, ...)");
        }
        return new ClientEnd(link, name);
    }

    /** The name this end was made with. */
    public Object name() {
        return name;
    }

    /**
     * Sends an RPC and waits for its reply, e.g. {@code end.call("Raft.requestVote", args, RequestVoteReply.class)}.
     * Returns the reply, or empty if the network lost the request or the reply, the end is disabled, or the server
     * is gone. Never throws for a network fault; returns unless the handler never does. The handler gets its own
     * copy of {@code args} and the caller its own copy of the reply: they never share an object.
     *
     * @throws IllegalArgumentException for an unknown service or method (the message names the valid ones), args the
     *     handler does not take, or a reply that is not a {@code replyType}
     */
    public <R> Optional<R> call(String serviceMethod, Object args, Class<R> replyType) {
        if (serviceMethod == null || serviceMethod.lastIndexOf('.') <= 0) {
            throw new IllegalArgumentException("labrpc: call(\"" + serviceMethod
                    + "\"): name the handler as Service.method, e.g. Raft.requestVote");
        }
        if (replyType == null) {
            throw new IllegalArgumentException("labrpc: call(" + serviceMethod + "): replyType is null");
        }
        byte[] reply = link.send(name, serviceMethod, Codec.encode(args));
        if (reply == null) {
            return Optional.empty();
        }
        // the reply's classes are the caller's: decode with the loader of the type it asked for
        Object value = Codec.decodeFor(reply, replyType);
        if (!Types.box(replyType).isInstance(value)) {
            throw new IllegalArgumentException("labrpc: " + serviceMethod + " replied with a "
                    + value.getClass().getName() + ", but the call expects a " + replyType.getName());
        }
        @SuppressWarnings("unchecked") // checked just above, boxed so that int.class accepts an Integer
        R result = (R) value;
        return Optional.of(result);
    }

    /**
     * Sends a request that is already encoded and returns the encoded reply, or null for a lost call. The tester
     * uses it to carry a call that a peer in another process made; a peer uses {@link #call}.
     */
    public byte[] callEncoded(String serviceMethod, byte[] request) {
        return link.send(name, serviceMethod, request);
    }

    @Override
    public String toString() {
        return "ClientEnd(" + name + ")";
    }
}
