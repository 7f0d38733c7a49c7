package raftkit.tester;

/** Which apply-queue reader a restarted peer gets, as the lab's {@code start1(i, cfg.applier)} chooses. */
public enum ApplierKind {
    /** Checks every applied command against the other peers' (parts 3A-3C). */
    APPLIER,
    /** Also ingests snapshots and asks Raft for one every {@link Config#SNAPSHOT_INTERVAL} commands (3D). */
    APPLIER_SNAP
}
