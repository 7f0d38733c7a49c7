package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A Raft double that saves on every start: the command (an Integer) as its state, and as its snapshot one byte,
 * the command's tens digit, or none for a command below 10. The index start() returns is the first byte of the
 * snapshot its persister holds after that save (0 for none), read back through the persister, so a test sees what
 * each save left behind.
 */
public final class SnapshotSavingRaft implements RaftPeer {

    private final Persister persister;

    public SnapshotSavingRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        this.persister = persister;
    }

    @Override
    public StartResult start(Object command) {
        int value = (Integer) command;
        byte[] snapshot = value < 10 ? null : new byte[] {(byte) (value / 10)};
        persister.save(new byte[] {(byte) value}, snapshot);
        byte[] kept = persister.readSnapshot();
        return new StartResult(kept.length == 0 ? 0 : kept[0], 0, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
    }
}
