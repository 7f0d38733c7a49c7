package raftkit.tester.fakes;

import raftkit.tester.Config;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.QueueUnderLockRaft;

/** A test that hangs because its leader puts on the apply queue while holding its lock. */
@FakeOnly
public class QueueUnderLockFake {

    @RaftTest
    void hangsOnApplyQueue() throws InterruptedException {
        try (Config cfg = new Config(3, false, true, QueueUnderLockRaft::new)) {
            for (int i = 1; i <= QueueUnderLockRaft.BATCH; i++) {
                cfg.raft(0).start(i);
            }
            // from index 9 on, the tester's applier waits in snapshot() for the lock the peer's applier holds
            while (cfg.nCommitted(Config.SNAPSHOT_INTERVAL - 1).count() == 0) {
                Thread.sleep(10);
            }
            cfg.one(1000, 1, false);
        }
    }
}
