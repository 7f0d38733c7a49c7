package raftkit.tester.bench;

import java.util.Locale;
import raftkit.raft.api.Debug;
import raftkit.raft.api.Topic;
import raftkit.tester.timeline.Kind;
import raftkit.tester.timeline.Timeline;

/**
 * A micro-measure of the recorder: nanoseconds per event for a student's debug line (through {@link Debug#log},
 * as the skeleton calls it, printing off), an apply, and a tester event, on one thread and on four at once. The
 * rings are small enough that most appends overwrite, as in a long test.
 */
public final class RecorderCost {

    private static final int EVENTS = 2_000_000;
    private static final int THREADS = 4;

    private RecorderCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (int warm = 0; warm < 3; warm++) {
            measure(false);
        }
        measure(true);
    }

    private static void measure(boolean print) throws InterruptedException {
        Timeline timeline = new Timeline(THREADS);
        long debug = time(() -> {
            for (int i = 0; i < EVENTS; i++) {
                Debug.log(i & 3, Topic.VOTE, "votes for S%d at term %d", i & 3, i);
            }
        });
        long story = time(() -> {
            for (int i = 0; i < EVENTS; i++) {
                timeline.peer(Kind.CONNECT, i & 3);
            }
        });
        long parallel = time(() -> {
            Thread[] threads = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < EVENTS / THREADS; i++) {
                        Debug.log(me, Topic.LOG, "appended %d entries", i);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        timeline.close();
        if (print) {
            System.out.printf(Locale.ROOT, "recorder: %.0f ns per debug line (Debug.log, 2 boxed arguments), %.0f ns per "
                    + "tester event, %.0f ns per debug line with %d threads at once (%d cores)%n",
                    (double) debug / EVENTS, (double) story / EVENTS, (double) parallel / EVENTS, THREADS,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long time(Runnable body) {
        long start = System.nanoTime();
        body.run();
        return System.nanoTime() - start;
    }
}
