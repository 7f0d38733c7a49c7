package raftkit.tester;

import java.util.List;
import raftkit.labrpc.Service;
import raftkit.raft.Raft;
import raftkit.raft.api.RaftFactory;
import raftkit.raft.api.RaftPeer;

/**
 * Makes one config's student peers and tells the config what it needs to know about where they run: how the
 * network reaches a peer, which threads its killed peers left, whether their process is still there. In-process
 * the answers are the plain ones; {@link IsolatedPeers} gives a peer host's.
 */
interface PeerLauncher extends RaftFactory {

    /** The network's view of a peer this launcher made: its handlers. */
    default Service serviceOf(RaftPeer made) {
        return new Service(made); // labrpc finds the handlers on the peer's own class
    }

    /** How part 3X builds and reads the messages of a peer this launcher made. */
    default StudentMessages messagesOf(RaftPeer made) {
        return StudentMessages.local(made.getClass());
    }

    /** The threads the killed peers left running in another process; none for peers in this JVM. */
    default List<String> remoteLeaks() {
        return List.of();
    }

    /** @throws PeerHostCrashed if the peers' process has ended */
    default void checkAlive() {
    }

    /**
     * The launcher for {@code factory}: null means the student's {@code Raft}, in the mode {@link PeerMode#current()}
     * names; an {@link IsolatedPeers#of} spec, that class in the peer host; any other factory, in this JVM.
     */
    static PeerLauncher of(RaftFactory factory, BackgroundFailure failure) {
        if (factory == null) {
            return PeerMode.current() == PeerMode.ISOLATED ? IsolatedPeers.student(failure) : Raft::make;
        }
        if (factory instanceof IsolatedPeers.Spec spec) {
            return new IsolatedPeers(PeerHost.shared(), spec.peerClass(), spec.roots(), failure);
        }
        return factory::make;
    }
}
