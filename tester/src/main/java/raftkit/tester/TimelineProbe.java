package raftkit.tester;

import raftkit.labrpc.Network;
import raftkit.tester.timeline.Probe;

/** What the timeline samples of a config: the network's counters and the peers' persisted sizes. */
final class TimelineProbe implements Probe {

    private final Network net;
    private final Peers peers;

    TimelineProbe(Network net, Peers peers) {
        this.net = net;
        this.peers = peers;
    }

    @Override
    public int rpcCount(int peer) {
        return net.getCount(peer);
    }

    @Override
    public long bytesTotal() {
        return net.getTotalBytes();
    }

    @Override
    public int persistedSize(int peer) {
        return peers.persistedSize(peer);
    }
}
