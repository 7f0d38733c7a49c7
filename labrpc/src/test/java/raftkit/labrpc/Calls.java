package raftkit.labrpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers: many calls at once with their outcomes and times, and polling for a condition. */
final class Calls {

    /** One finished call: its result, its time, and the waits the network chose for it (if logged). */
    record Outcome(boolean ok, long millis, int pausedMs) {
    }

    private Calls() {
    }

    /**
     * Makes {@code clients} ends (named {@code prefix + i}, enabled, connected to {@code serverName}); each makes
     * {@code perClient} sequential {@code JunkServer.handler2} calls. Returns every call's outcome.
     */
    static List<Outcome> run(Network net, String prefix, Object serverName, int clients, int perClient)
            throws Exception {
        return run(net, null, prefix, serverName, clients, perClient, true);
    }

    /** As above, with the ends enabled or not, and each call's waits taken from {@code log} (may be null). */
    static List<Outcome> run(Network net, PauseLog log, String prefix, Object serverName, int clients,
            int perClient, boolean enabled) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String name = prefix + c;
                ClientEnd end = net.makeEnd(name);
                net.connect(name, serverName);
                net.enable(name, enabled);
                futures.add(pool.submit(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        outcomes.add(timed(end, i, log));
                    }
                    return outcomes;
                }));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One {@code JunkServer.handler2} call, timed; a wrong reply fails the test. */
    static Outcome timed(ClientEnd end, int arg, PauseLog log) {
        long t0 = System.nanoTime();
        Optional<String> reply = end.call("JunkServer.handler2", arg, String.class);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (reply.isPresent() && !reply.get().equals("handler2-" + arg)) {
            throw new AssertionError("wrong reply from Handler2: " + reply.get());
        }
        return new Outcome(reply.isPresent(), millis, log == null ? 0 : log.takeThreadTotal());
    }

    static long count(List<Outcome> outcomes, java.util.function.Predicate<Outcome> which) {
        return outcomes.stream().filter(which).count();
    }

    /** Polls {@code condition} every 10 ms for up to {@code millis}; false if it never held. */
    static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The live threads the network package made. */
    static List<Thread> networkThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("labrpc-") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    static Server junkServer(JunkServer js) {
        Server rs = new Server();
        rs.addService(new Service(js));
        return rs;
    }
}
