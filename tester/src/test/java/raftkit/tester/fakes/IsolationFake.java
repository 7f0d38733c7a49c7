package raftkit.tester.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import raftkit.raft.api.RaftFactory;
import raftkit.tester.ApplierKind;
import raftkit.tester.Config;
import raftkit.tester.PeerMode;
import raftkit.tester.RaftTest;
import raftkit.tester.doubles.HaltingRaft;
import raftkit.tester.doubles.LeakyRaft;
import raftkit.tester.doubles.SnapshotSavingRaft;
import raftkit.tester.doubles.StaticLogRaft;
import raftkit.tester.doubles.stateless.LoaderIdRaft;

/** Doubles run in a peer host, beside the same doubles in-process, for {@code IsolationTest}. */
@FakeOnly
public class IsolationFake {

    @RaftTest
    void staticLogInProcess() {
        remembersAcrossRestart(StaticLogRaft::new);
    }

    @RaftTest
    void staticLogIsolated() {
        remembersAcrossRestart(PeerMode.inPeerHost(StaticLogRaft.class));
    }

    /** Passes only if the restarted peer still has the command the first incarnation took. */
    private static void remembersAcrossRestart(RaftFactory factory) {
        try (Config cfg = new Config(1, false, false, factory)) {
            cfg.raft(0).start(101);
            cfg.crash1(0);
            cfg.start1(0, ApplierKind.APPLIER);
            cfg.connect(0);
            assertEquals(1, cfg.raft(0).getState().term(), "the restarted peer's log");
        }
    }

    /** Peers of a package without static state run one loaded class, the restarted one too. */
    @RaftTest
    void statelessPeersShareTheirClassIsolated() {
        try (Config cfg = new Config(3, false, false, PeerMode.inPeerHost(LoaderIdRaft.class))) {
            int first = cfg.raft(0).getState().term();
            assertEquals(first, cfg.raft(1).getState().term(), "peer 1's class against peer 0's");
            cfg.crash1(0);
            cfg.start1(0, ApplierKind.APPLIER);
            assertEquals(first, cfg.raft(0).getState().term(), "the restarted peer's class against its first");
        }
    }

    @RaftTest
    void snapshotsInProcess() {
        keepsEachSavedSnapshot(SnapshotSavingRaft::new);
    }

    @RaftTest
    void snapshotsIsolated() {
        keepsEachSavedSnapshot(PeerMode.inPeerHost(SnapshotSavingRaft.class));
    }

    /** Saves that repeat a snapshot, change it and drop it; the persister must hold the last one each time. */
    private static void keepsEachSavedSnapshot(RaftFactory factory) {
        try (Config cfg = new Config(1, false, false, factory)) {
            int[] commands = {21, 22, 31, 32, 33, 5, 6, 41};
            for (int command : commands) {
                assertEquals(command / 10, cfg.raft(0).start(command).index(), "the snapshot after saving " + command);
            }
        }
    }

    @RaftTest
    void haltsIsolated() {
        try (Config cfg = new Config(3, false, false, PeerMode.inPeerHost(HaltingRaft.class))) {
            cfg.checkOneLeader();
        }
    }

    @RaftTest
    void leaksThreadsIsolated() {
        try (Config cfg = new Config(3, false, false, PeerMode.inPeerHost(LeakyRaft.class))) {
            cfg.begin("Test (0Z): leaky peers");
        }
    }
}
