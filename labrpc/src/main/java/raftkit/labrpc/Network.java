package raftkit.labrpc;

/**
 * The simulated network: client ends, servers, and every unreliable behaviour of the lab's labrpc.
 * See {@code package-info.java} for the manual.
 */
public final class Network implements AutoCloseable {

    /** A network whose seed comes from {@code -Draftkit.seed=} if set, else from a random source. */
    public Network() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A network whose random choices all come from {@code seed}. */
    public Network(long seed) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The seed of this network's random choices; give it back with {@code -Draftkit.seed=} to replay them. */
    public long seed() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Registers a new end, disabled and not connected. A duplicate name is an error. */
    public ClientEnd makeEnd(Object endName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Removes an end. An unknown name is an error. */
    public void deleteEnd(Object endName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Sets or replaces the server under {@code serverName}; calls in flight to a replaced server fail. */
    public void addServer(Object serverName, Server server) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Removes the server under {@code serverName}; new calls to it fail, calls in flight fail within 100 ms. */
    public void deleteServer(Object serverName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Connects an end to a server name (once per end). */
    public void connect(Object endName, Object serverName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Enables or disables an end; disabling also fails that end's calls in flight. */
    public void enable(Object endName, boolean enabled) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void setReliable(boolean reliable) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean isReliable() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void setLongReordering(boolean longReordering) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void setLongDelays(boolean longDelays) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean isLongDelays() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** RPCs delivered to the server now registered under {@code serverName}. */
    public int getCount(Object serverName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every RPC sent on this network, delivered or not. */
    public int getTotalCount() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Encoded bytes of every request sent and every reply delivered. */
    public long getTotalBytes() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops the network and releases every thread it made; later calls fail at once. */
    public void cleanup() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
        cleanup();
    }
}
