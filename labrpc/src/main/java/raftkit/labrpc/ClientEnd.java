package raftkit.labrpc;

import java.util.Optional;

/** One end of a simulated connection: the client side that sends RPCs to one server. */
public final class ClientEnd {

    ClientEnd() {
    }

    /** The name this end was made with. */
    public Object name() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Sends an RPC and waits for its reply, e.g. {@code end.call("Raft.requestVote", args, RequestVoteReply.class)}.
     * Returns the reply, or empty if the network lost the request or the reply, the end is disabled, or the server
     * is gone. Never throws for a network fault; returns unless the handler never does.
     *
     * @throws IllegalArgumentException for an unknown service or method (the message names the valid ones)
     */
    public <R> Optional<R> call(String serviceMethod, Object args, Class<R> replyType) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
