package raftkit.tester.doubles.stateless;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A Raft double whose package holds no static state (constants, an enum with a final field, a switch on it) and
 * whose term is its class's identity: peers that report the same term run the same loaded class.
 */
public final class LoaderIdRaft implements RaftPeer {

    private static final int NOT_AN_INDEX = -1;
    private static final String NAME = "loader-id";

    /** An enum as a student's Raft has one: its constants carry only final values. */
    enum Role {
        FOLLOWER("F"), LEADER("L");

        private final String letter;

        Role(String letter) {
            this.letter = letter;
        }
    }

    private final Role role = Role.FOLLOWER;

    public LoaderIdRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(NOT_AN_INDEX, 0, false);
    }

    @Override
    public PeerState getState() {
        boolean leads = switch (role) {
            case LEADER -> true;
            case FOLLOWER -> false;
        };
        return new PeerState(System.identityHashCode(LoaderIdRaft.class), leads);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }

    @Override
    public String toString() {
        return NAME + " " + role.letter;
    }
}
