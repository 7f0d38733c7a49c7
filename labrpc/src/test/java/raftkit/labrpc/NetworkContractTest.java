package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network's promises beyond Go's own tests: errors, copies, counting, dead servers, cleanup. */
class NetworkContractTest {

    /** A service whose handlers misbehave or mutate what they get. */
    public static final class Tricky {
        volatile Box lastReply;

        public Box grab(Box args) {
            args.values().add(99); // must not reach the caller's list
            args.bytes()[0] = 99;
            lastReply = new Box(new ArrayList<>(List.of(1)), new byte[] {1});
            return lastReply;
        }

        public String boom(String args) {
            throw new IllegalStateException("boom " + args);
        }

        public String nothing(String args) {
            return null;
        }

        final CountDownLatch both = new CountDownLatch(2);

        /** Returns only once two calls are inside it at the same time. */
        public boolean meet(int args) throws InterruptedException {
            both.countDown();
            return both.await(10, TimeUnit.SECONDS);
        }

        /** Leaves its thread interrupted; returns the thread's name. */
        public String interruptSelf(int args) {
            Thread.currentThread().interrupt();
            return Thread.currentThread().getName();
        }

        /** The thread's name and whether it is interrupted. */
        public String interrupted(int args) {
            return Thread.currentThread().getName() + " " + Thread.currentThread().isInterrupted();
        }

        public int hang(int args) throws InterruptedException {
            Thread.sleep(20_000);
            return args;
        }
    }

    /** Mutable args and reply. */
    public record Box(List<Integer> values, byte[] bytes) {
    }

    private Network net;
    private Tricky tricky;
    private ClientEnd end;

    @BeforeEach
    void makeNetwork() {
        net = new Network();
        tricky = new Tricky();
        Server server = Calls.junkServer(new JunkServer());
        server.addService(new Service(tricky));
        net.addServer("s", server);
        end = net.makeEnd("e");
        net.connect("e", "s");
        net.enable("e", true);
    }

    @AfterEach
    void cleanup() {
        net.cleanup();
    }

    @Test
    void when_service_or_method_unknown_then_the_error_names_the_choices() {
        IllegalArgumentException service = assertThrows(IllegalArgumentException.class,
                () -> end.call("Foo.bar", 1, String.class));
        assertEquals("labrpc.Server.dispatch(): unknown service Foo in Foo.bar; expecting one of [JunkServer, Tricky]",
                service.getMessage());
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> end.call("Tricky.nope", 1, String.class));
        assertEquals("labrpc.Service.dispatch(): unknown method nope in Tricky.nope; expecting one of"
                + " [boom, grab, hang, interruptSelf, interrupted, meet, nothing]", method.getMessage());
        assertEquals(2, net.getCount("s"), "Go counts an RPC before it looks up the service");
        assertThrows(IllegalArgumentException.class, () -> end.call("nodot", 1, String.class));
    }

    @Test
    void when_two_calls_arrive_then_their_handlers_run_concurrently() throws Exception {
        CompletableFuture<Optional<Boolean>> first = new CompletableFuture<>();
        new Thread(() -> first.complete(end.call("Tricky.meet", 1, Boolean.class))).start();
        assertEquals(Optional.of(true), end.call("Tricky.meet", 2, Boolean.class), "handlers ran one at a time");
        assertEquals(Optional.of(true), first.get(10, TimeUnit.SECONDS));
    }

    @Test
    void when_a_handler_leaves_its_thread_interrupted_then_the_next_handler_on_it_does_not_see_it()
            throws InterruptedException {
        String thread = end.call("Tricky.interruptSelf", 1, String.class).orElseThrow();
        Thread.sleep(50); // the handler's thread is idle again, the only one, so the next call reuses it
        assertEquals(Optional.of(thread + " false"), end.call("Tricky.interrupted", 2, String.class));
    }

    @Test
    void when_types_do_not_match_then_a_clear_error() {
        IllegalArgumentException reply = assertThrows(IllegalArgumentException.class,
                () -> end.call("JunkServer.handler2", 1, Integer.class));
        assertTrue(reply.getMessage().contains("JunkServer.handler2 replied with a java.lang.String")
                && reply.getMessage().contains("java.lang.Integer"), reply.getMessage());
        IllegalArgumentException args = assertThrows(IllegalArgumentException.class,
                () -> end.call("JunkServer.handler2", "not an int", String.class));
        assertTrue(args.getMessage().contains("JunkServer.handler2 takes a int"), args.getMessage());
    }

    @Test
    void when_handler_returns_null_then_call_is_lost_and_reported_once() {
        String err = captureStderr(() -> {
            assertEquals(Optional.empty(), end.call("Tricky.nothing", "a", String.class));
            assertEquals(Optional.empty(), end.call("Tricky.nothing", "b", String.class));
        });
        assertTrue(err.contains("handler Tricky.nothing returned null; the caller sees a lost RPC"), err);
        assertEquals(1, err.lines().filter(l -> l.contains("Tricky.nothing")).count(),
                "a handler's null reply should be printed once:\n" + err);
    }

    @Test
    void when_handler_throws_then_call_is_lost_and_reported_once() {
        String err = captureStderr(() -> {
            assertEquals(Optional.empty(), end.call("Tricky.boom", "a", String.class));
            assertEquals(Optional.empty(), end.call("Tricky.boom", "b", String.class));
        });
        assertTrue(err.contains("handler Tricky.boom threw java.lang.IllegalStateException: boom a"), err);
        assertFalse(err.contains("boom b"), "a handler's failure should be printed once:\n" + err);
        assertEquals(Optional.of("handler2-5"), end.call("JunkServer.handler2", 5, String.class));
    }

    @Test
    void when_handler_mutates_args_or_reply_then_caller_objects_do_not_change() {
        Box args = new Box(new ArrayList<>(List.of(1, 2)), new byte[] {1, 2});
        Box reply = end.call("Tricky.grab", args, Box.class).orElseThrow();
        assertEquals(List.of(1, 2), args.values(), "the handler's change to its args reached the caller");
        assertArrayEquals(new byte[] {1, 2}, args.bytes());
        tricky.lastReply.values().add(7); // the server changes its reply after returning it
        assertEquals(List.of(1), reply.values(), "the server's later change reached the caller's reply");
        reply.values().add(8);
        assertEquals(List.of(1, 7), tricky.lastReply.values(), "the caller's change reached the server");
    }

    /** GO-KIT-FACTS 1.3: totals count at accept, the server at dispatch, reply bytes only when delivered. */
    @Test
    void when_calls_are_lost_then_counts_follow_go() {
        int request = Codec.encode(5).length;
        int reply = Codec.encode("handler2-5").length;
        assertEquals(Optional.of("handler2-5"), end.call("JunkServer.handler2", 5, String.class));
        assertEquals(request + reply, net.getTotalBytes());

        net.enable("e", false);
        assertEquals(Optional.empty(), end.call("JunkServer.handler2", 5, String.class));
        assertEquals(2, net.getTotalCount(), "a call on a disabled end is counted");
        assertEquals(2L * request + reply, net.getTotalBytes(), "its request bytes are counted");
        assertEquals(1, net.getCount("s"), "but it is not delivered");
    }

    @Test
    void when_server_deleted_replaced_or_end_disabled_mid_call_then_call_fails_at_once() throws Exception {
        List<Consumer<Network>> kills = List.of(n -> n.deleteServer("s"),
                n -> n.addServer("s", Calls.junkServer(new JunkServer())), n -> n.enable("e", false));
        for (Consumer<Network> kill : kills) {
            Server server = new Server();
            server.addService(new Service(tricky));
            net.addServer("s", server);
            net.enable("e", true);
            CompletableFuture<Optional<Integer>> call = new CompletableFuture<>();
            new Thread(() -> call.complete(end.call("Tricky.hang", 1, Integer.class))).start();
            assertTrue(Calls.eventually(5000, () -> server.getCount() == 1), "the handler never started");
            kill.accept(net);
            // testKilled holds Go's 100 ms; here a second tells "failed now" from "after the 20 s handler"
            assertEquals(Optional.empty(), call.get(1, TimeUnit.SECONDS), "the call should fail");
            assertEquals(1, server.getCount(), "the dead server's call is still counted");
        }
        long reqBytes = 3L * Codec.encode(1).length;
        assertEquals(reqBytes, net.getTotalBytes(), "no reply bytes for calls that failed");
    }

    @Test
    void when_cleaned_up_then_calls_fail_at_once_and_no_thread_remains() throws Exception {
        net.setLongDelays(true);
        net.setReliable(false);
        Calls.run(net, "c", "s", 8, 5); // starts handler threads and the timer
        assertTrue(Calls.networkThreads().stream().allMatch(Thread::isDaemon), "network threads must be daemons");
        net.enable("e", false);
        CompletableFuture<Optional<String>> waiting = new CompletableFuture<>();
        new Thread(() -> waiting.complete(end.call("JunkServer.handler2", 1, String.class))).start();
        Thread.sleep(50); // the call now waits up to 7 s for its simulated timeout

        net.cleanup();
        assertEquals(Optional.empty(), waiting.get(1, TimeUnit.SECONDS), "cleanup should end waiting calls");
        long t0 = System.nanoTime();
        assertEquals(Optional.empty(), end.call("JunkServer.handler2", 1, String.class));
        // it would otherwise wait up to 7 s (long delays); a second leaves room for a busy machine
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "a call after cleanup must not wait");
        assertTrue(Calls.eventually(5000, () -> Calls.networkThreads().isEmpty()),
                "threads left after cleanup: " + Calls.networkThreads());
    }

    @Test
    void when_caller_interrupted_then_call_fails_at_once_and_flag_is_kept() throws Exception {
        CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Optional<Integer> reply = end.call("Tricky.hang", 1, Integer.class);
            flagKept.complete(reply.isEmpty() && Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(Calls.eventually(5000, () -> net.getCount("s") == 1), "the handler never started");
        caller.interrupt();
        assertTrue(flagKept.get(2, TimeUnit.SECONDS), "an interrupted call returns empty, flag kept");
    }

    /** Go 2025 TestLongDelayRace: longDelays changes while a call waits on a deleted server. */
    @Test
    void testLongDelayRace() throws Exception {
        assertEquals(Optional.of("handler2-1"), end.call("JunkServer.handler2", 1, String.class));
        net.setLongDelays(true);
        net.deleteServer("s");
        CompletableFuture<Optional<String>> call = new CompletableFuture<>();
        new Thread(() -> call.complete(end.call("JunkServer.handler2", 2, String.class))).start();
        net.setLongDelays(true);
        try {
            assertEquals(Optional.empty(), call.get(200, TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            net.setLongDelays(true);
            net.cleanup();
            assertEquals(Optional.empty(), call.get(2, TimeUnit.SECONDS));
        }
        assertEquals(0, net.getCount("s"), "a deleted server's name counts 0");
    }

    @Test
    void when_names_are_misused_then_the_error_names_them() {
        assertEquals("labrpc: makeEnd: e already exists",
                assertThrows(IllegalArgumentException.class, () -> net.makeEnd("e")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.deleteEnd("zz")).getMessage()
                .contains("no end named zz; ends are [e]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.getCount("zz")).getMessage()
                .contains("no server named zz; servers are [s]"));
        net.deleteEnd("e");
        assertEquals(Optional.empty(), end.call("JunkServer.handler2", 1, String.class), "a deleted end is cut off");
    }

    @Test
    void when_seed_property_set_then_new_networks_use_it() {
        String old = System.getProperty("raftkit.seed");
        try {
            System.setProperty("raftkit.seed", "1234");
            try (Network seeded = new Network()) {
                assertEquals(1234, seeded.seed());
            }
            System.setProperty("raftkit.seed", "abc");
            assertEquals("-Draftkit.seed must be a whole number, got 'abc'",
                    assertThrows(IllegalArgumentException.class, Network::new).getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("raftkit.seed");
            } else {
                System.setProperty("raftkit.seed", old);
            }
        }
    }

    private static String captureStderr(Runnable body) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
