package raftkit.labrpc;

import java.util.Optional;

/** One end of a simulated connection: the client side that sends RPCs to one server. */
public final class ClientEnd {

    private final Network network;
    private final Object name;

    ClientEnd(Network network, Object name) {
        this.network = network;
        this.name = name;
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
        if (network.isClosed()) {
            return Optional.empty();
        }
        byte[] reply = network.send(name, serviceMethod, Codec.encode(args));
        if (reply == null) {
            return Optional.empty();
        }
        Object value = Codec.decode(reply, Object.class);
        if (!Types.box(replyType).isInstance(value)) {
            throw new IllegalArgumentException("labrpc: " + serviceMethod + " replied with a "
                    + value.getClass().getName() + ", but the call expects a " + replyType.getName());
        }
        @SuppressWarnings("unchecked") // checked just above, boxed so that int.class accepts an Integer
        R result = (R) value;
        return Optional.of(result);
    }

    @Override
    public String toString() {
        return "ClientEnd(" + name + ")";
    }
}
