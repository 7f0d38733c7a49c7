package raftkit.labrpc;

/** A server on the network: a set of services, and a count of the RPCs delivered to it. */
public final class Server {

    public Server() {
    }

    /** Adds a service; a service with the same name replaces the old one. */
    public void addService(Service service) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** RPCs delivered to this server. */
    public int getCount() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
