package raftkit.labrpc;

/**
 * The RPC handlers of one receiver object, found by reflection. The service's name is the receiver's simple class
 * name; a handler is a public instance method with one parameter (the args) that returns its reply.
 */
public final class Service {

    public Service(Object receiver) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The service's name, e.g. {@code Raft}. */
    public String name() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
