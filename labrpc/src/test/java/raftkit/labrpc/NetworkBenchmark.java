package raftkit.labrpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints RPCs per second on a reliable network with small records: sequential calls on one end (Go's
 * TestBenchmark), then many concurrent clients, each on its own end. Not a test: run it with
 * {@code mvn -pl labrpc test-compile exec:java@bench}.
 */
public final class NetworkBenchmark {

    /** A JVM reaches its steady rate only once the JIT has compiled the call path; on 2 cores that takes seconds. */
    private static final long WARMUP_NANOS = 8_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int[] CLIENTS = {4, 32, 256};
    /** Sequential RPCs per second of the Go lab's labrpc TestBenchmark, measured on an idle 2-core machine. */
    private static final int GO_SEQUENTIAL_RATE = 27_000;
    /** The kit's promise on such a machine: about twice Go's rate. */
    private static final int TARGET_SEQUENTIAL_RATE = 55_000;

    /** Small args, as a heartbeat's. */
    public record PingArgs(int term, int leaderId) {
    }

    /** Small reply. */
    public record PingReply(int term, boolean success) {
    }

    /** The benchmark's service. */
    public static final class Bench {
        public PingReply ping(PingArgs args) {
            return new PingReply(args.term(), true);
        }
    }

    private NetworkBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Network net = new Network()) {
            Server server = new Server();
            server.addService(new Service(new Bench()));
            net.addServer("server", server);
            ClientEnd end = end(net, "seq");
            callsFor(end, Integer.MAX_VALUE, WARMUP_NANOS);
            long t0 = System.nanoTime();
            long calls = callsFor(end, Integer.MAX_VALUE, MEASURE_NANOS);
            report("sequential, 1 end", calls, System.nanoTime() - t0);
            System.out.printf("%-28s %35s %,9d RPCs/s (the kit's target, idle: %,d)%n",
                    "Go's TestBenchmark, 2 cores", "", GO_SEQUENTIAL_RATE, TARGET_SEQUENTIAL_RATE);
            for (int clients : CLIENTS) {
                concurrent(net, clients);
            }
        }
    }

    private static void concurrent(Network net, int clients) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ClientEnd end = end(net, clients + "-" + i);
            threads.add(new Thread(() -> total.addAndGet(callsFor(end, Integer.MAX_VALUE, MEASURE_NANOS))));
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        report("concurrent, " + clients + " clients", total.get(), System.nanoTime() - t0);
    }

    private static ClientEnd end(Network net, String name) {
        ClientEnd end = net.makeEnd(name);
        net.connect(name, "server");
        net.enable(name, true);
        return end;
    }

    /** Calls until {@code maxCalls} calls or {@code nanos} have passed; every reply is checked. */
    private static long callsFor(ClientEnd end, int maxCalls, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long calls = 0;
        PingArgs ping = new PingArgs(7, 1);
        while (calls < maxCalls && (calls % 1024 != 0 || System.nanoTime() < deadline)) {
            Optional<PingReply> reply = end.call("Bench.ping", ping, PingReply.class);
            if (!reply.equals(Optional.of(new PingReply(7, true)))) {
                throw new IllegalStateException("wrong reply " + reply);
            }
            calls++;
        }
        return calls;
    }

    private static void report(String what, long calls, long nanos) {
        System.out.printf("%-28s %,10d RPCs in %5.2f s = %,9.0f RPCs/s%n", what, calls, nanos / 1e9,
                calls / (nanos / 1e9));
    }
}
