package raftkit.tester.timeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every {@link #INTERVAL_MILLIS}, records each peer's RPCs received and the network's bytes since the last look,
 * and each persisted size that changed. One daemon thread serves every timeline of the JVM.
 */
final class Sampler implements Runnable {

    static final long INTERVAL_MILLIS = 250;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raftkit-timeline-sampler");
        t.setDaemon(true);
        return t;
    });

    private final int peers;
    private final Probe probe;
    private final Timeline timeline;
    private final int[] rpcs;
    private final int[] persisted;
    private long bytes;

    Sampler(int peers, Probe probe, Timeline timeline) {
        this.peers = peers;
        this.probe = probe;
        this.timeline = timeline;
        this.rpcs = new int[peers];
        this.persisted = new int[peers];
    }

    static ScheduledFuture<?> schedule(Sampler sampler) {
        return TIMER.scheduleAtFixedRate(sampler, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a sample lost is a gap in a chart; the test must not notice
        }
    }

    synchronized void sample() {
        for (int i = 0; i < peers; i++) {
            int count = probe.rpcCount(i);
            // a restarted peer gets a new server, whose count starts again from zero
            int delta = count >= rpcs[i] ? count - rpcs[i] : count;
            rpcs[i] = count;
            if (delta > 0) {
                timeline.record(i, Kind.RPCS, delta, null);
            }
            int size = probe.persistedSize(i);
            if (size != persisted[i]) {
                persisted[i] = size;
                timeline.record(i, Kind.PERSISTED, size, null);
            }
        }
        long total = probe.bytesTotal();
        if (total > bytes) {
            timeline.record(-1, Kind.BYTES, total - bytes, null);
            bytes = total;
        }
    }
}
