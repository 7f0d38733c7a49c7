package raftkit.grader.batch.fake;

import java.util.concurrent.SynchronousQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.Raft;

/** Makes the one lonely peer the fake graded tests look at. */
final class FakePeers {

    private FakePeers() {
    }

    static Raft lonelyPeer() {
        return Raft.make(new ClientEnd[1], 0, new Persister(), new SynchronousQueue<>());
    }
}
