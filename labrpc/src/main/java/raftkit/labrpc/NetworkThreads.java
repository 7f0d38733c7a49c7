package raftkit.labrpc;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a network's threads: daemon threads named {@code labrpc-<job>-<network>-<n>}, all in the thread group of
 * the code that made the network, so a peer that happened to trigger a new handler thread does not own it.
 */
final class NetworkThreads {

    private final int network;
    private final ThreadGroup group = Thread.currentThread().getThreadGroup();

    NetworkThreads(int network) {
        this.network = network;
    }

    ThreadFactory factory(String job) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(group, task, "labrpc-" + job + "-" + network + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
