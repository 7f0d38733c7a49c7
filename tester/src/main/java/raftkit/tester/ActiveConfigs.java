package raftkit.tester;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The configs that are open right now, so a test extension can find the one a timed-out test made (to read its
 * seed and close it) without the test having to hand it over.
 */
public final class ActiveConfigs {

    private static final List<Config> OPEN = new CopyOnWriteArrayList<>();

    private ActiveConfigs() {
    }

    public static void register(Config config) {
        OPEN.add(config);
    }

    public static void unregister(Config config) {
        OPEN.remove(config);
    }

    /** A snapshot of the open configs, oldest first. */
    public static List<Config> current() {
        return List.copyOf(OPEN);
    }
}
