package raftkit.tester;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The configs that are open right now, so a test extension can find the one a timed-out test made (to read its
 * seed and close it) without the test having to hand it over.
 */
public final class ActiveConfigs {

    private static final List<Config> OPEN = new CopyOnWriteArrayList<>();
    private static final List<Consumer<Config>> WATCHERS = new CopyOnWriteArrayList<>();

    private ActiveConfigs() {
    }

    public static void register(Config config) {
        OPEN.add(config);
        WATCHERS.forEach(w -> w.accept(config));
    }

    public static void unregister(Config config) {
        OPEN.remove(config);
    }

    /**
     * Calls {@code watcher} with every config registered (on the registering thread) until the returned action is
     * run; the test extension uses it to find a test's configs after they are closed.
     */
    public static Runnable watch(Consumer<Config> watcher) {
        WATCHERS.add(watcher);
        return () -> WATCHERS.remove(watcher);
    }

    /** A snapshot of the open configs, oldest first. */
    public static List<Config> current() {
        return List.copyOf(OPEN);
    }
}
