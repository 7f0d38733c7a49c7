package raftkit.tester;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The configs one test made, caught as they register in {@link ActiveConfigs}: the extension reads their seeds and
 * traffic after the test, when they are closed and no longer listed as open.
 */
final class TestConfigs implements AutoCloseable {

    private final List<Config> made = new CopyOnWriteArrayList<>();
    private final Runnable unwatch;

    /** Starts catching the configs that {@code body} (the thread running the test) opens. */
    TestConfigs(Thread body) {
        this.unwatch = ActiveConfigs.watch(config -> {
            if (Thread.currentThread() == body) {
                made.add(config);
            }
        });
    }

    /** Stops catching; the configs caught so far stay. */
    @Override
    public void close() {
        unwatch.run();
    }

    List<Config> configs() {
        return List.copyOf(made);
    }

    /** The distinct seeds of the test's networks, in the order they were made. */
    List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (Config config : made) {
            if (!seeds.contains(config.seed())) {
                seeds.add(config.seed());
            }
        }
        return seeds;
    }

    /** RPCs sent over all the test's networks, if every network can still tell. */
    Optional<Long> rpcs() {
        long sum = 0;
        for (Config config : made) {
            sum += config.rpcTotal();
        }
        return made.isEmpty() ? Optional.empty() : Optional.of(sum);
    }

    /** Bytes sent over all the test's networks. */
    Optional<Long> bytes() {
        long sum = 0;
        for (Config config : made) {
            sum += config.bytesTotal();
        }
        return made.isEmpty() ? Optional.empty() : Optional.of(sum);
    }
}
