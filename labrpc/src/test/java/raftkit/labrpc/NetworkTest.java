package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ports of Go labrpc's test_test.go, one method per Go test, with Go's scenarios, counts and bounds. */
class NetworkTest {

    private Network rn;

    @BeforeEach
    void makeNetwork() {
        rn = new Network();
    }

    @AfterEach
    void cleanup() {
        rn.cleanup();
    }

    private JunkServer addJunkServer(Object name) {
        JunkServer js = new JunkServer();
        Server rs = new Server();
        rs.addService(new Service(js));
        rn.addServer(name, rs);
        return js;
    }

    private ClientEnd connectedEnd(Object endName, Object serverName) {
        ClientEnd e = rn.makeEnd(endName);
        rn.connect(endName, serverName);
        rn.enable(endName, true);
        return e;
    }

    @Test
    void testBasic() {
        addJunkServer("server99");
        ClientEnd e = connectedEnd("end1-99", "server99");

        assertEquals(Optional.of("handler2-111"), e.call("JunkServer.handler2", 111, String.class),
                "wrong reply from Handler2");
        assertEquals(Optional.of(9099), e.call("JunkServer.handler1", "9099", Integer.class),
                "wrong reply from Handler1");
    }

    @Test
    void testTypes() {
        addJunkServer("server99");
        ClientEnd e = connectedEnd("end1-99", "server99");

        assertEquals(Optional.of(new JunkServer.JunkReply("pointer")),
                e.call("JunkServer.handler4", new JunkServer.JunkArgs(0), JunkServer.JunkReply.class),
                "wrong reply from Handler4");
        assertEquals(Optional.of(new JunkServer.JunkReply("no pointer")),
                e.call("JunkServer.handler5", new JunkServer.JunkArgs(0), JunkServer.JunkReply.class),
                "wrong reply from Handler5");
    }

    /** Does net.enable(endname, false) really disconnect a client? */
    @Test
    void testDisconnect() {
        addJunkServer("server99");
        ClientEnd e = rn.makeEnd("end1-99");
        rn.connect("end1-99", "server99");

        assertEquals(Optional.empty(), e.call("JunkServer.handler2", 111, String.class),
                "unexpected reply from Handler2");

        rn.enable("end1-99", true);
        assertEquals(Optional.of(9099), e.call("JunkServer.handler1", "9099", Integer.class),
                "wrong reply from Handler1");
    }

    /** Test net.getCount(); the server is named by an int, as in Go. */
    @Test
    void testCounts() {
        addJunkServer(99);
        ClientEnd e = connectedEnd("end1-99", 99);

        for (int i = 0; i < 17; i++) {
            assertEquals(Optional.of("handler2-" + i), e.call("JunkServer.handler2", i, String.class),
                    "wrong reply " + i + " from Handler2");
        }
        assertEquals(17, rn.getCount(99), "wrong GetCount() " + rn.getCount(99) + ", expected 17");
    }

    /** Test net.getTotalBytes(): request bytes, then reply bytes. */
    @Test
    void testBytes() {
        addJunkServer(99);
        ClientEnd e = connectedEnd("end1-99", 99);

        for (int i = 0; i < 17; i++) {
            String args = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
            args = args + args;
            args = args + args;
            assertEquals(Optional.of(args.length()), e.call("JunkServer.handler6", args, Integer.class));
        }
        long n = rn.getTotalBytes();
        assertTrue(n >= 4828 && n <= 6000, "wrong GetTotalBytes() " + n + ", expected about 5000");

        for (int i = 0; i < 17; i++) {
            Optional<String> reply = e.call("JunkServer.handler7", 107, String.class);
            assertEquals(107, reply.orElseThrow().length());
        }
        long nn = rn.getTotalBytes() - n;
        assertTrue(nn >= 1800 && nn <= 2500, "wrong GetTotalBytes() " + nn + ", expected about 2000");
    }

    /** Test RPCs from concurrent ClientEnds. */
    @Test
    void testConcurrentMany() throws Exception {
        addJunkServer(1000);
        int nclients = 20;
        int nrpcs = 10;
        List<Future<Integer>> done = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nclients);
        try {
            for (int ii = 0; ii < nclients; ii++) {
                int i = ii;
                done.add(pool.submit(() -> {
                    int n = 0;
                    ClientEnd e = connectedEnd(i, 1000);
                    for (int j = 0; j < nrpcs; j++) {
                        int arg = i * 100 + j;
                        Optional<String> reply = e.call("JunkServer.handler2", arg, String.class);
                        assertEquals(Optional.of("handler2-" + arg), reply, "wrong reply from Handler2");
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(nclients * nrpcs, total,
                    "wrong number of RPCs completed, got " + total + ", expected " + nclients * nrpcs);
            assertEquals(nclients * nrpcs, rn.getCount(1000),
                    "wrong GetCount() " + rn.getCount(1000) + ", expected " + nclients * nrpcs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Test an unreliable network: some RPCs must fail, and not all. */
    @Test
    void testUnreliable() throws Exception {
        addJunkServer(1000);
        rn.setReliable(false);
        int nclients = 300;
        AtomicInteger successes = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(nclients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int ii = 0; ii < nclients; ii++) {
                int i = ii;
                done.add(pool.submit(() -> {
                    ClientEnd e = connectedEnd(i, 1000);
                    int arg = i * 100;
                    Optional<String> reply = e.call("JunkServer.handler2", arg, String.class);
                    if (reply.isPresent()) {
                        assertEquals("handler2-" + arg, reply.get(), "wrong reply from Handler2");
                        successes.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotEquals(nclients, successes.get(), "all RPCs succeeded despite unreliable");
        assertNotEquals(0, successes.get(), "no RPCs succeeded despite unreliable");
    }

    /** Test concurrent RPCs from a single ClientEnd. */
    @Test
    void testConcurrentOne() throws Exception {
        JunkServer js = addJunkServer(1000);
        ClientEnd e = connectedEnd("c", 1000);
        int nrpcs = 20;
        ExecutorService pool = Executors.newFixedThreadPool(nrpcs);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int ii = 0; ii < nrpcs; ii++) {
                int arg = 100 + ii;
                done.add(pool.submit(() -> assertEquals(Optional.of("handler2-" + arg),
                        e.call("JunkServer.handler2", arg, String.class), "wrong reply from Handler2")));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(nrpcs, js.log2Size(), "wrong number of RPCs delivered");
        assertEquals(nrpcs, rn.getCount(1000), "wrong GetCount() " + rn.getCount(1000) + ", expected " + nrpcs);
    }

    /**
     * Regression: an RPC that's delayed during Enabled=false should not delay subsequent RPCs (e.g. after
     * Enabled=true).
     */
    @Test
    void testRegression1() throws Exception {
        JunkServer js = addJunkServer(1000);
        PauseLog waits = new PauseLog();
        rn.setPauseListener(waits);
        // Not in Go: one call on another end first, so a cold JIT and a first handler thread's start-up are not
        // timed below; the scenario and its 30 ms bound are Go's.
        assertEquals(Optional.of("handler2-1"), connectedEnd("warm", 1000).call("JunkServer.handler2", 1, String.class));
        js.log2.clear();
        ClientEnd e = rn.makeEnd("c");
        rn.connect("c", 1000);
        // start some RPCs while the ClientEnd is disabled; they'll be delayed.
        rn.enable("c", false);
        int nrpcs = 20;
        ExecutorService pool = Executors.newFixedThreadPool(nrpcs);
        try {
            for (int ii = 0; ii < nrpcs; ii++) {
                int arg = 100 + ii;
                pool.submit(() -> e.call("JunkServer.handler2", arg, String.class));
            }
            // Not in Go: be sure all 20 are queued (not merely started) before Go's sleep; a busy machine may
            // start a thread later than 100 ms, and a call sent after the Enable would be delivered.
            assertTrue(Calls.eventually(30_000, () -> waits.of(Network.Pause.TIMEOUT).size() == nrpcs),
                    "the 20 calls never reached the network");
            Thread.sleep(100);
            // now enable the ClientEnd and check that an RPC completes quickly.
            long t0 = System.nanoTime();
            rn.enable("c", true);
            assertEquals(Optional.of("handler2-99"), e.call("JunkServer.handler2", 99, String.class),
                    "wrong reply from Handler2");
            double dur = (System.nanoTime() - t0) / 1e9;
            assertTrue(dur <= 0.03, "RPC took too long (" + dur + ") after Enable");
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
        assertEquals(1, js.log2Size(), "wrong number (" + js.log2Size() + ") of RPCs delivered, expected 1");
        assertEquals(2, rn.getCount(1000), "wrong GetCount() " + rn.getCount(1000) + ", expected 1 (+1 warm-up)");
    }

    /** If an RPC is stuck in a server, and the server is killed with deleteServer(), does the RPC get un-stuck? */
    @Test
    void testKilled() throws Exception {
        addJunkServer("server99");
        ClientEnd e = connectedEnd("end1-99", "server99");

        CompletableFuture<Boolean> doneCh = new CompletableFuture<>();
        new Thread(() -> doneCh.complete(e.call("JunkServer.handler3", 99, Integer.class).isPresent())).start();
        // Not in Go: be sure the handler runs before Go's sleep, as a busy machine may start the thread late.
        assertTrue(Calls.eventually(30_000, () -> rn.getCount("server99") == 1), "Handler3 never started");
        Thread.sleep(1000);
        try {
            doneCh.get(100, TimeUnit.MILLISECONDS);
            fail("Handler3 should not have returned yet");
        } catch (TimeoutException expected) {
            // still stuck in the handler, as it should be
        }
        rn.deleteServer("server99");
        boolean x;
        try {
            x = doneCh.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException ignored) {
            throw new AssertionError("Handler3 should return after DeleteServer()");
        }
        assertFalse(x, "Handler3 returned successfully despite DeleteServer()");
    }

    /** Go's TestBenchmark as a smoke test: 100,000 sequential calls, every reply right; prints the time. */
    @Test
    void testBenchmark() throws ExecutionException {
        addJunkServer(1000);
        ClientEnd e = connectedEnd("c", 1000);
        long t0 = System.nanoTime();
        int n = 100_000;
        for (int iters = 0; iters < n; iters++) {
            Optional<String> reply = e.call("JunkServer.handler2", 111, String.class);
            if (!reply.equals(Optional.of("handler2-111"))) {
                fail("wrong reply from Handler2: " + reply);
            }
        }
        System.out.printf("%.3fs for %d%n", (System.nanoTime() - t0) / 1e9, n);
    }
}
