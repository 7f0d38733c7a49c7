package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.PeerMode;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.QueueUnderLockRaft;

/** {@link QueueUnderLockFake}'s hang with the peers in a peer host, run with a short time limit. */
@FakeOnly
public class IsolationHangFake {

    @RaftTest
    void hangsOnApplyQueueIsolated() throws InterruptedException {
        try (Config cfg = new Config(3, false, true, PeerMode.inPeerHost(QueueUnderLockRaft.class))) {
            for (int i = 1; i <= QueueUnderLockRaft.BATCH; i++) {
                cfg.raft(0).start(i);
            }
            while (cfg.nCommitted(Config.SNAPSHOT_INTERVAL - 1).count() == 0) {
                Thread.sleep(10);
            }
            cfg.one(1000, 1, false);
        }
    }
}
