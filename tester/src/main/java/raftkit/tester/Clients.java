package raftkit.tester;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a test runs its concurrent clients on (the lab's {@code go func()}); they end at close(). */
final class Clients {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "tester-client-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /** Interrupts every client still running and waits a little for them to end. */
    void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
