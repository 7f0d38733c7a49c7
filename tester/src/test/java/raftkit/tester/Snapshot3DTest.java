package raftkit.tester;

import static raftkit.tester.ApplierKind.APPLIER_SNAP;
import static raftkit.tester.Config.MAXLOGSIZE;
import static raftkit.tester.Config.SNAPSHOT_INTERVAL;
import static raftkit.tester.Config.fail;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;

/** Part 3D: log compaction (the lab's seven 3D tests). */
@Tag("3D")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Snapshot3DTest {

    // All peers keep up, so each trims its log with its own snapshots and no InstallSnapshot is needed.
    @RaftTest
    @Order(1)
    void testSnapshotBasic3D() {
        snapcommon("Test (3D): snapshots basic", false, true, false);
    }

    // A peer cut off while the others move past its log can only be brought up to date with the leader's snapshot
    // (§7).
    @RaftTest
    @Order(2)
    void testSnapshotInstall3D() {
        snapcommon("Test (3D): install snapshots (disconnect)", true, true, false);
    }

    // The same, on a network that drops and delays messages.
    @RaftTest
    @Order(3)
    void testSnapshotInstallUnreliable3D() {
        snapcommon("Test (3D): install snapshots (disconnect+unreliable)", true, false, false);
    }

    // A peer crashed while the others move past its log restarts from its own snapshot, then catches up, by
    // InstallSnapshot where its log falls short (§7).
    @RaftTest
    @Order(4)
    void testSnapshotInstallCrash3D() {
        snapcommon("Test (3D): install snapshots (crash)", false, true, true);
    }

    // The same, on a network that drops and delays messages.
    @RaftTest
    @Order(5)
    void testSnapshotInstallUnCrash3D() {
        snapcommon("Test (3D): install snapshots (unreliable+crash)", false, false, true);
    }

    // All three crash at once, five times over: each restarts from its saved snapshot and the entries after it, so
    // the log goes on growing from where it was.
    @RaftTest
    @Order(6)
    void testSnapshotAllCrash3D() {
        int servers = 3;
        int iters = 5;
        try (Config cfg = new Config(servers, false, true)) {
            cfg.begin("Test (3D): crash and restart all servers");

            // a first entry on all three
            cfg.one(cfg.randInt(), servers, true);

            for (int i = 0; i < iters; i++) {
                // half to one and a half snapshot intervals of commands, which often cross a snapshot point
                int nn = (SNAPSHOT_INTERVAL / 2) + cfg.randInt(SNAPSHOT_INTERVAL);
                for (int j = 0; j < nn; j++) {
                    cfg.one(cfg.randInt(), servers, true);
                }

                // the last index before the crash
                int index1 = cfg.one(cfg.randInt(), servers, true);

                // a total outage: every peer crashes, then each restarts from its persister
                for (int j = 0; j < servers; j++) {
                    cfg.crash1(j);
                }

                for (int j = 0; j < servers; j++) {
                    cfg.start1(j, APPLIER_SNAP);
                    cfg.connect(j);
                }

                // the next command must land after index1: nothing before it was forgotten
                int index2 = cfg.one(cfg.randInt(), servers, true);
                if (index2 < index1 + 1) {
                    fail(String.format("index decreased from %d to %d", index1, index2));
                }
            }
            cfg.end();
        }
    }

    // A restarted peer must load its snapshot into memory as well: else its next persist() saves the state without
    // the snapshot, and the restart after that loses it.
    @RaftTest
    @Order(7)
    void testSnapshotInit3D() {
        int servers = 3;
        try (Config cfg = new Config(servers, false, true)) {
            cfg.begin("Test (3D): snapshot initialization after crash");
            cfg.one(cfg.randInt(), servers, true);

            // one snapshot interval of commands and one more, so every peer takes a snapshot
            int nn = SNAPSHOT_INTERVAL + 1;
            for (int i = 0; i < nn; i++) {
                cfg.one(cfg.randInt(), servers, true);
            }

            // restart everyone from its snapshot
            crashAndReviveAll(cfg, servers);

            // one command makes every restarted peer call persist(), the save that must keep the snapshot
            cfg.one(cfg.randInt(), servers, true);

            // restart everyone from what that save left
            crashAndReviveAll(cfg, servers);

            // one more command, which a peer that lost its snapshot in the save cannot handle correctly
            cfg.one(cfg.randInt(), servers, true);
            cfg.end();
        }
    }

    /** Crashes every peer, then restarts each from its persister and reconnects it. */
    private static void crashAndReviveAll(Config cfg, int servers) {
        for (int i = 0; i < servers; i++) {
            cfg.crash1(i);
        }

        for (int i = 0; i < servers; i++) {
            cfg.start1(i, APPLIER_SNAP);
            cfg.connect(i);
        }
    }

    /**
     * The body of the first five 3D tests: 30 rounds in which one peer is taken away (cut off if {@code disconnect},
     * crashed if {@code crash}, neither in the basic test) while commands commit, often enough for a snapshot, and
     * then brought back. The network drops and delays messages unless {@code reliable}.
     */
    private static void snapcommon(String name, boolean disconnect, boolean reliable, boolean crash) {
        int iters = 30;
        int servers = 3;
        try (Config cfg = new Config(servers, !reliable, true)) {
            cfg.begin(name);

            // a first entry, and its leader
            cfg.one(cfg.randInt(), servers, true);
            int leader1 = cfg.checkOneLeader();

            for (int i = 0; i < iters; i++) {
                // the victim is a follower, except every third round, when it is the leader and the commands go to
                // a follower (which should refuse them)
                int victim = (leader1 + 1) % servers;
                int sender = leader1;
                if (i % 3 == 1) {
                    sender = (leader1 + 1) % servers;
                    victim = leader1;
                }

                // take the victim away and commit an entry without it
                if (disconnect) {
                    cfg.disconnect(victim);
                    cfg.one(cfg.randInt(), servers - 1, true);
                }
                if (crash) {
                    cfg.crash1(victim);
                    cfg.one(cfg.randInt(), servers - 1, true);
                }

                // offer the sender half to one and a half snapshot intervals of commands, often enough for a snapshot
                int nn = (SNAPSHOT_INTERVAL / 2) + cfg.randInt(SNAPSHOT_INTERVAL);
                for (int j = 0; j < nn; j++) {
                    cfg.raft(sender).start(cfg.randInt());
                }

                // one more command must commit after them; by then the appliers have taken every entry they produced
                if (!disconnect && !crash) {
                    // with nobody taken away, wait for all three: the basic test must pass on local snapshots alone
                    cfg.one(cfg.randInt(), servers, true);
                } else {
                    cfg.one(cfg.randInt(), servers - 1, true);
                }

                // snapshots keep every peer's saved Raft state below MAXLOGSIZE bytes
                if (cfg.logSize() >= MAXLOGSIZE) {
                    fail("Log size too large");
                }
                if (disconnect) {
                    // reconnect the victim: if the entries it lacks are compacted away already, only InstallSnapshot
                    // can bring it up to date (§7)
                    cfg.connect(victim);
                    cfg.one(cfg.randInt(), servers, true);
                    leader1 = cfg.checkOneLeader();
                }
                if (crash) {
                    // restart the victim from its persister and bring it back the same way
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
