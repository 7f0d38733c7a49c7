package raftkit.tester;

import static raftkit.tester.ApplierKind.APPLIER_SNAP;
import static raftkit.tester.Config.MAXLOGSIZE;
import static raftkit.tester.Config.SNAPSHOT_INTERVAL;
import static raftkit.tester.Config.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/** Part 3D: log compaction (the lab's seven 3D tests). */
@Tag("3D")
@TestMethodOrder(GoFileOrder.class)
class Snapshot3DTest {

    @RaftTest
    void testSnapshotBasic3D() {
        snapcommon("Test (3D): snapshots basic", false, true, false);
    }

    @RaftTest
    void testSnapshotInstall3D() {
        snapcommon("Test (3D): install snapshots (disconnect)", true, true, false);
    }

    @RaftTest
    void testSnapshotInstallUnreliable3D() {
        snapcommon("Test (3D): install snapshots (disconnect+unreliable)", true, false, false);
    }

    @RaftTest
    void testSnapshotInstallCrash3D() {
        snapcommon("Test (3D): install snapshots (crash)", false, true, true);
    }

    @RaftTest
    void testSnapshotInstallUnCrash3D() {
        snapcommon("Test (3D): install snapshots (unreliable+crash)", false, false, true);
    }

    // do the servers persist the snapshots, and
    // restart using snapshot along with the
    // tail of the log?
    @RaftTest
    void testSnapshotAllCrash3D() {
        int servers = 3;
        int iters = 5;
        try (Config cfg = new Config(servers, false, true)) {
            cfg.begin("Test (3D): crash and restart all servers");

            cfg.one(cfg.randInt(), servers, true);

            for (int i = 0; i < iters; i++) {
                // perhaps enough to get a snapshot
                int nn = (SNAPSHOT_INTERVAL / 2) + cfg.randInt(SNAPSHOT_INTERVAL);
                for (int j = 0; j < nn; j++) {
                    cfg.one(cfg.randInt(), servers, true);
                }

                int index1 = cfg.one(cfg.randInt(), servers, true);

                // crash all
                for (int j = 0; j < servers; j++) {
                    cfg.crash1(j);
                }

                // revive all
                for (int j = 0; j < servers; j++) {
                    cfg.start1(j, APPLIER_SNAP);
                    cfg.connect(j);
                }

                int index2 = cfg.one(cfg.randInt(), servers, true);
                if (index2 < index1 + 1) {
                    fail(String.format("index decreased from %d to %d", index1, index2));
                }
            }
            cfg.end();
        }
    }

    // do servers correctly initialize their in-memory copy of the snapshot, making
    // sure that future writes to persistent state don't lose state?
    @RaftTest
    void testSnapshotInit3D() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, true)) {
            cfg.begin("Test (3D): snapshot initialization after crash");
            cfg.one(cfg.randInt(), servers, true);

            // enough ops to make a snapshot
            int nn = SNAPSHOT_INTERVAL + 1;
            for (int i = 0; i < nn; i++) {
                cfg.one(cfg.randInt(), servers, true);
            }

            crashAndReviveAll(cfg, servers);

            // a single op, to get something to be written back to persistent storage.
            cfg.one(cfg.randInt(), servers, true);

            crashAndReviveAll(cfg, servers);

            // do another op to trigger potential bug
            cfg.one(cfg.randInt(), servers, true);
            cfg.end();
        }
    }

    private static void crashAndReviveAll(Config cfg, int servers) {
        // crash all
        for (int i = 0; i < servers; i++) {
            cfg.crash1(i);
        }

        // revive all
        for (int i = 0; i < servers; i++) {
            cfg.start1(i, APPLIER_SNAP);
            cfg.connect(i);
        }
    }

    private static void snapcommon(String name, boolean disconnect, boolean reliable, boolean crash) {
        int iters = 30;
        int servers = 3;
        try (Config cfg = new Config(servers, !reliable, true)) {
            cfg.begin(name);

            cfg.one(cfg.randInt(), servers, true);
            int leader1 = cfg.checkOneLeader();

            for (int i = 0; i < iters; i++) {
                int victim = (leader1 + 1) % servers;
                int sender = leader1;
                if (i % 3 == 1) {
                    sender = (leader1 + 1) % servers;
                    victim = leader1;
                }

                if (disconnect) {
                    cfg.disconnect(victim);
                    cfg.one(cfg.randInt(), servers - 1, true);
                }
                if (crash) {
                    cfg.crash1(victim);
                    cfg.one(cfg.randInt(), servers - 1, true);
                }

                // perhaps send enough to get a snapshot
                int nn = (SNAPSHOT_INTERVAL / 2) + cfg.randInt(SNAPSHOT_INTERVAL);
                for (int j = 0; j < nn; j++) {
                    cfg.raft(sender).start(cfg.randInt());
                }

                // let applier threads catch up with the Start()'s
                if (!disconnect && !crash) {
                    // make sure all followers have caught up, so that
                    // an InstallSnapshot RPC isn't required for
                    // TestSnapshotBasic3D().
                    cfg.one(cfg.randInt(), servers, true);
                } else {
                    cfg.one(cfg.randInt(), servers - 1, true);
                }

                if (cfg.logSize() >= MAXLOGSIZE) {
                    fail("Log size too large");
                }
                if (disconnect) {
                    // reconnect a follower, who maybe behind and
                    // needs to rceive a snapshot to catch up.
                    cfg.connect(victim);
                    cfg.one(cfg.randInt(), servers, true);
                    leader1 = cfg.checkOneLeader();
                }
                if (crash) {
                    cfg.start1(victim, APPLIER_SNAP);
                    cfg.connect(victim);
                    cfg.one(cfg.randInt(), servers, true);
                    leader1 = cfg.checkOneLeader();
                }
            }
            cfg.end();
        }
    }
}
