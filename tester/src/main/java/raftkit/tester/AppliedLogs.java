package raftkit.tester;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import raftkit.labrpc.Codec;

/**
 * What each peer has applied (the lab's {@code logs[i]}, {@code lastApplied[i]} and {@code maxIndex}), and the
 * checks the appliers run against it. A peer's map survives a crash; only an ingested snapshot replaces it.
 */
final class AppliedLogs {

    /** What {@link #lookup} returns for an index the peer has not applied (null is a legal entry). */
    static final Object ABSENT = new Object();

    /** The outcome of {@link #checkLogs}: a mismatch message or null, and whether index-1 was applied. */
    record Check(String error, boolean prevOk) {
    }

    private final List<Map<Integer, Object>> logs = new ArrayList<>();
    private final int[] lastApplied;
    private int maxIndex;

    AppliedLogs(int n) {
        for (int i = 0; i < n; i++) {
            logs.add(new HashMap<>());
        }
        lastApplied = new int[n];
    }

    /** Records that peer i applied {@code command} at {@code index}, after comparing with every other peer. */
    synchronized Check checkLogs(int i, int index, Object command) {
        String error = null;
        for (int j = 0; j < logs.size(); j++) {
            Map<Integer, Object> other = logs.get(j);
            if (other.containsKey(index) && !Objects.equals(other.get(index), command)) {
                System.out.printf("%d: log %s; server %s%n", i, logs.get(i), other);
                // two peers applied different commands at one index: the safety violation this check is for
                error = String.format("commit index=%d server=%d %s != server=%d %s",
                        index, i, command, j, other.get(index));
            }
        }
        boolean prevOk = logs.get(i).containsKey(index - 1);
        logs.get(i).put(index, command);
        maxIndex = Math.max(maxIndex, index);
        return new Check(error, prevOk);
    }

    /** Peer i's command at {@code index}, or {@link #ABSENT}. */
    synchronized Object lookup(int i, int index) {
        Map<Integer, Object> log = logs.get(i);
        return log.containsKey(index) ? log.get(index) : ABSENT;
    }

    synchronized int lastApplied(int i) {
        return lastApplied[i];
    }

    synchronized void setLastApplied(int i, int index) {
        lastApplied[i] = index;
    }

    synchronized int maxIndex() {
        return maxIndex;
    }

    /** The snapshot the tester's service hands to Raft after applying {@code index}. */
    synchronized byte[] snapshot(int i, int index) {
        List<Object> commands = new ArrayList<>(index + 1);
        for (int j = 0; j <= index; j++) {
            commands.add(logs.get(i).get(j));
        }
        return Codec.encode(new SnapshotImage(index, commands));
    }

    /**
     * Replaces peer i's applied log with a snapshot's. {@code index} is the index the apply message claimed, or
     * -1 when the snapshot comes from the persister at restart. Returns an error message, or null.
     */
    synchronized String ingestSnap(int i, byte[] snapshot, int index) {
        if (snapshot == null) {
            return "nil snapshot";
        }
        SnapshotImage image;
        try {
            image = Codec.decode(snapshot, SnapshotImage.class);
        } catch (RuntimeException e) {
            return "snapshot decode error";
        }
        if (image == null || image.commands() == null) {
            return "snapshot decode error";
        }
        if (index != -1 && index != image.index()) {
            return String.format("server %d snapshot doesn't match m.SnapshotIndex", i);
        }
        Map<Integer, Object> log = new HashMap<>();
        for (int j = 0; j < image.commands().size(); j++) {
            log.put(j, image.commands().get(j));
        }
        logs.set(i, log);
        lastApplied[i] = image.index();
        return null;
    }

    /** Whether an ingestSnap error ends the process in the lab's kit without the "apply error: " prefix. */
    static boolean isFatalSnapshotError(String error) {
        return "nil snapshot".equals(error) || "snapshot decode error".equals(error);
    }
}
