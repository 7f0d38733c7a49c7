package raftkit.labrpc;

import java.util.concurrent.ThreadLocalRandom;

/** Where a network's seed comes from when none is given. */
final class Seeds {

    static final String PROPERTY = Network.SEED_PROPERTY;

    private Seeds() {
    }

    static long defaultSeed() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number, got '" + given + "'");
        }
    }
}
