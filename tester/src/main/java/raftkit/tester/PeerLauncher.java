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

    /** The student's {@code Raft}, in the mode {@link PeerMode#current()} names. */
    static PeerLauncher student(BackgroundFailure failure) {
        return PeerMode.current() == PeerMode.ISOLATED ? IsolatedPeers.student(failure) : inProcess(Raft::make);
    }

    /** Peers {@code factory} makes in this JVM (the student's in-process, or a test's double). */
    static PeerLauncher inProcess(RaftFactory factory) {
        return factory instanceof PeerLauncher launcher ? launcher : factory::make;
    }
}
