package raftkit.tester;

import java.util.List;

/**
 * What the tester's service puts in a snapshot, as the lab's applierSnap does: the last included index and the
 * commands applied at indexes 0..index (entry 0 and any index the peer never applied are null).
 */
public record SnapshotImage(int index, List<Object> commands) {
}
