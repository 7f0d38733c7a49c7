package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A relaying service, whose handlers run in another process: its calls follow the network's rules as any other,
 * and the call is sent from the caller's own thread, with no handler thread waiting for the answer.
 */
class RelayTest {

    /** One relayed call as the relay saw it: the thread that sent it and the future its answer completes. */
    private record Sent(Thread thread, String serviceMethod, byte[] args, CompletableFuture<byte[]> answer) {
    }

    private final Network net = new Network();
    private final LinkedBlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void cleanup() {
        net.cleanup();
        callers.shutdownNow();
    }

    private ClientEnd endToRelay() {
        Server server = new Server();
        server.addService(Service.relaying("Far", (serviceMethod, args) -> {
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            sent.add(new Sent(Thread.currentThread(), serviceMethod, args, answer));
            return answer;
        }));
        net.addServer("far", server);
        ClientEnd end = net.makeEnd("end");
        net.connect("end", "far");
        net.enable("end", true);
        return end;
    }

    @Test
    void when_the_answer_comes_then_the_caller_gets_it_and_the_call_left_from_its_own_thread() throws Exception {
        ClientEnd end = endToRelay();
        CompletableFuture<Thread> caller = new CompletableFuture<>();
        Future<Optional<String>> reply = callers.submit(() -> {
            caller.complete(Thread.currentThread());
            return end.call("Far.echo", 7, String.class);
        });
        Sent call = sent.poll(10, TimeUnit.SECONDS);
        assertSame(caller.get(), call.thread(), "no handler thread carries a relayed call");
        assertEquals("Far.echo", call.serviceMethod());
        assertEquals(7, Codec.decode(call.args(), Integer.class));

        call.answer().complete(Codec.encode("seven"));
        assertEquals(Optional.of("seven"), reply.get(10, TimeUnit.SECONDS));
    }

    @Test
    void when_the_relay_answers_null_then_the_call_is_lost() throws Exception {
        ClientEnd end = endToRelay();
        Future<Optional<String>> reply = callers.submit(() -> end.call("Far.echo", 7, String.class));
        sent.poll(10, TimeUnit.SECONDS).answer().complete(null);
        assertEquals(Optional.empty(), reply.get(10, TimeUnit.SECONDS));
    }

    @Test
    void when_the_far_side_rejects_the_call_then_the_caller_gets_its_error() throws Exception {
        ClientEnd end = endToRelay();
        Future<Optional<String>> reply = callers.submit(() -> end.call("Far.nope", 7, String.class));
        sent.poll(10, TimeUnit.SECONDS).answer().completeExceptionally(
                new IllegalArgumentException("labrpc: unknown method nope"));
        Exception e = assertThrows(Exception.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalArgumentException, e.toString());
        assertEquals("labrpc: unknown method nope", e.getCause().getMessage());
    }

    @Test
    void when_the_server_is_deleted_while_the_answer_is_awaited_then_the_call_fails_without_it() throws Exception {
        ClientEnd end = endToRelay();
        Future<Optional<String>> reply = callers.submit(() -> end.call("Far.echo", 7, String.class));
        Sent call = sent.poll(10, TimeUnit.SECONDS);
        net.deleteServer("far");
        assertEquals(Optional.empty(), reply.get(10, TimeUnit.SECONDS));
        call.answer().complete(Codec.encode("too late")); // an answer after the caller gave up goes nowhere
    }
}
