package raftkit.raft;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/** Batch fixture: tries to write into the report folder and into other submissions' folders. */
public final class Raft implements RaftPeer {

    public static Raft make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        for (String target : new String[] {"../../index.html", "../../PWNED", "../../correct/PWNED",
                "../../correct/result.json", "../correct/PWNED", "../../../PWNED"}) {
            try {
                java.nio.file.Files.writeString(here.resolve(target), "PWNED by writes-outside");
            } catch (java.io.IOException | RuntimeException e) {
                System.out.println("write refused: " + target + ": " + e);
            }
        }
        return new Raft();
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 0, false);
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
