package raftkit.tester.timeline;

/** What the timeline's sampler reads from a config every interval; every method must be cheap and never block. */
public interface Probe {

    /** RPCs delivered so far to peer i's current server. */
    int rpcCount(int peer);

    /** Bytes sent over the network so far. */
    long bytesTotal();

    /** The size in bytes of peer i's persisted Raft state. */
    int persistedSize(int peer);
}
