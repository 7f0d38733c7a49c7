package raftkit.tester;

import java.util.concurrent.CompletableFuture;
import raftkit.labrpc.Codec;
import raftkit.labrpc.Service;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A peer incarnation in the peer host, as the tester sees it: each method is one request to the peer host and its
 * answer. Once the peer host has ended, the tester's own calls fail with {@link PeerHostCrashed}; the calls the
 * tester makes on a peer's behalf (a snapshot from the applier, kill at the end, an RPC to it) do nothing, so the
 * crash is reported once, by the test itself.
 */
final class RemotePeer implements RaftPeer {

    private final PeerHost host;
    private final int incarnation;
    private final String serviceName;

    RemotePeer(PeerHost host, int incarnation, String serviceName) {
        this.host = host;
        this.incarnation = incarnation;
        this.serviceName = serviceName;
    }

    @Override
    public StartResult start(Object command) {
        Frame reply = host.call(Frame.request(Frame.Type.START, incarnation).withData(Codec.encode(command), null));
        return new StartResult(reply.a(), reply.b(), reply.c() != 0);
    }

    @Override
    public PeerState getState() {
        Frame reply = host.call(Frame.request(Frame.Type.STATE, incarnation));
        return new PeerState(reply.a(), reply.c() != 0);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
        if (host.isAlive()) {
            try {
                host.call(Frame.request(Frame.Type.SNAPSHOT, incarnation).withNumbers(index, 0, 0)
                        .withData(snapshot, null));
            } catch (PeerHostCrashed e) {
                // the test thread reports it
            }
        }
    }

    /** Kills the incarnation; a peer whose host has ended is dead already. */
    @Override
    public void kill() {
        if (host.isAlive()) {
            try {
                // the peer host answers when kill() returned, or after the tester's own kill watch gave up
                host.call(Frame.request(Frame.Type.KILL, incarnation));
            } catch (PeerHostCrashed e) {
                // nothing left to kill
            }
        }
    }

    int incarnation() {
        return incarnation;
    }

    /**
     * The network's side of this peer: each delivered call runs the handler in the peer host, and its answer wakes
     * the caller; no thread of the tester's waits meanwhile.
     */
    Service service() {
        return Service.relaying(serviceName, (serviceMethod, args) -> {
            if (!host.isAlive()) {
                return CompletableFuture.completedFuture(null);
            }
            return host.callAsync(Frame.request(Frame.Type.DELIVER, incarnation).withText(serviceMethod)
                    .withData(args, null)).handle((reply, failure) -> {
                        if (failure != null) {
                            return null; // the peer host has ended: a dead server, so the caller sees a lost RPC
                        }
                        if (reply.type() == Frame.Type.ERROR) {
                            throw new IllegalArgumentException(reply.text());
                        }
                        return reply.data();
                    });
        });
    }

    @Override
    public String toString() {
        return "RemotePeer(" + serviceName + " #" + incarnation + ")";
    }
}
