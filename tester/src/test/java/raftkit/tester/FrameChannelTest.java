package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both ends of the peer protocol over real pipes: requests and replies pair up, a slow request holds up no other,
 * and a side that dies, floods, never answers or writes garbage ends in a clear failure, never a hang.
 */
class FrameChannelTest {

    private final Pipe toHost;
    private final Pipe toTester;
    private FrameChannel tester;
    private FrameChannel host;
    private final CompletableFuture<String> testerClosed = new CompletableFuture<>();

    FrameChannelTest() throws IOException {
        toHost = Pipe.open();
        toTester = Pipe.open();
    }

    private void connect(FrameChannel.Handler testerSide, FrameChannel.Handler hostSide) {
        tester = new FrameChannel("peer host", Channels.newInputStream(toTester.source()),
                Channels.newOutputStream(toHost.sink()), testerSide, testerClosed::complete);
        host = new FrameChannel("tester", Channels.newInputStream(toHost.source()),
                Channels.newOutputStream(toTester.sink()), hostSide, reason -> { });
        tester.start();
        host.start();
    }

    @AfterEach
    void close() {
        if (tester != null) {
            tester.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static FrameChannel.Handler echoTerm() {
        return request -> request.reply().withNumbers(request.a() * 2, 0, 0);
    }

    @Test
    void when_a_request_is_sent_then_its_own_reply_comes_back() throws Exception {
        connect(request -> null, echoTerm());

        assertEquals(42, tester.call(Frame.request(Frame.Type.STATE, 1).withNumbers(21, 0, 0)).a());
        assertEquals(8, tester.call(Frame.request(Frame.Type.STATE, 1).withNumbers(4, 0, 0)).a());
    }

    @Test
    void when_one_request_blocks_then_others_are_still_answered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        connect(request -> null, request -> {
            if (request.type() == Frame.Type.APPLY) {
                release.await(); // an apply queue nobody reads yet
            }
            return request.reply().withNumbers(7, 0, 0);
        });
        CompletableFuture<Frame> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return tester.call(Frame.request(Frame.Type.APPLY, 1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(7, tester.call(Frame.request(Frame.Type.STATE, 1), 5000).a());
        assertTrue(!blocked.isDone(), "the apply still waits");
        release.countDown();
        assertEquals(7, blocked.get(5, TimeUnit.SECONDS).a());
    }

    @Test
    void when_an_uninterruptible_call_is_interrupted_then_it_still_returns_the_reply_and_keeps_the_interrupt()
            throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        connect(request -> null, request -> {
            received.countDown();
            release.await();
            return request.reply().withNumbers(5, 0, 0);
        });
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread saver = new Thread(() -> {
            Frame reply = tester.callUninterruptibly(Frame.request(Frame.Type.READ, 1));
            outcome.complete(reply.a() + " interrupted=" + Thread.currentThread().isInterrupted());
        });
        saver.start();
        assertTrue(received.await(5, TimeUnit.SECONDS));

        saver.interrupt();
        Thread.sleep(50);
        release.countDown();

        assertEquals("5 interrupted=true", outcome.get(5, TimeUnit.SECONDS));
    }

    @Test
    void when_the_handler_reports_a_callers_error_then_the_call_throws_it() {
        connect(request -> null, request -> {
            throw new IllegalArgumentException("labrpc: unknown method Raft.nope");
        });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tester.call(Frame.request(Frame.Type.DELIVER, 1)));
        assertEquals("labrpc: unknown method Raft.nope", e.getMessage());
    }

    @Test
    void when_the_other_side_dies_mid_call_then_the_call_fails_and_the_owner_is_told() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        connect(request -> null, request -> {
            received.countDown();
            Thread.sleep(60_000); // never answers on its own
            return request.reply();
        });
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                tester.call(Frame.request(Frame.Type.KILL, 1));
                return null;
            } catch (InterruptedException | RuntimeException e) {
                return e;
            }
        });
        assertTrue(received.await(5, TimeUnit.SECONDS));

        toTester.sink().close(); // the peer host's end of the connection goes away, as when its process exits

        assertTrue(failure.get(5, TimeUnit.SECONDS) instanceof FrameChannel.Closed, String.valueOf(failure.get()));
        assertEquals("peer host: the other side closed the connection", testerClosed.get(5, TimeUnit.SECONDS));
        assertThrows(FrameChannel.Closed.class, () -> tester.call(Frame.request(Frame.Type.STATE, 1)),
                "later calls fail at once");
    }

    @Test
    void when_the_other_side_never_answers_then_a_timed_call_gives_up() {
        connect(request -> null, request -> {
            Thread.sleep(60_000);
            return request.reply();
        });

        FrameChannel.Closed e = assertThrows(FrameChannel.Closed.class,
                () -> tester.call(Frame.request(Frame.Type.HUNG, 0), 200));
        assertEquals("peer host: no answer to HUNG within 200 ms", e.getMessage());
        assertTrue(tester.isOpen(), "one slow answer does not close the connection");
    }

    @Test
    void when_the_other_side_floods_then_every_frame_arrives_and_calls_still_get_answers() throws Exception {
        int flood = 20_000;
        AtomicInteger seen = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(flood);
        connect(request -> {
            seen.incrementAndGet();
            all.countDown();
            return null;
        }, echoTerm());
        Thread flooder = new Thread(() -> {
            for (int i = 0; i < flood; i++) {
                host.tell(Frame.request(Frame.Type.DEBUG, 1).withText("line " + i));
            }
        });
        flooder.start();

        for (int i = 0; i < 50; i++) {
            assertEquals(2 * i, tester.call(Frame.request(Frame.Type.STATE, 1).withNumbers(i, 0, 0), 10_000).a());
        }
        flooder.join(30_000);
        assertTrue(all.await(30, TimeUnit.SECONDS), seen.get() + " of " + flood + " frames arrived");
    }

    @Test
    void when_the_other_side_writes_garbage_then_the_connection_closes_with_the_reason() throws Exception {
        connect(request -> null, echoTerm());
        OutputStream raw = Channels.newOutputStream(toTester.sink());

        raw.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        raw.flush();

        String reason = testerClosed.get(5, TimeUnit.SECONDS);
        assertTrue(reason.startsWith("peer host: a frame declares 2147483647 bytes"), reason);
        assertThrows(FrameChannel.Closed.class, () -> tester.call(Frame.request(Frame.Type.STATE, 1)));
    }
}
