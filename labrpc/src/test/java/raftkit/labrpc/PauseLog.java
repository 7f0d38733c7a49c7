package raftkit.labrpc;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every wait a network chooses, so tests check the random choices exactly and hold the times only to the
 * bound a busy machine cannot break: a call never returns before its waits are over.
 */
final class PauseLog implements Network.PauseListener {

    /** One chosen wait. */
    record Entry(Network.Pause kind, int ms) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<int[]> threadTotal = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void paused(Network.Pause kind, int ms) {
        entries.add(new Entry(kind, ms));
        threadTotal.get()[0] += ms; // the wait runs on the caller's thread
    }

    /** The waits of the calling thread since it last asked, in ms. */
    int takeThreadTotal() {
        int[] total = threadTotal.get();
        int ms = total[0];
        total[0] = 0;
        return ms;
    }

    /** Every chosen wait of one kind, in ms. */
    List<Integer> of(Network.Pause kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(Entry::ms).toList();
    }
}
