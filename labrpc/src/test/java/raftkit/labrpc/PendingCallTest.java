package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The caller's wait for its handler: the brief spin, then the park, and every way either ends. Each test makes the
 * {@link PendingCall} on the thread that waits on it and spins before it waits, as the network does.
 */
class PendingCallTest {

    private static final byte[] REPLY = {4, 2};
    /** Longer than any wait the test expects to end early, so an early end is never the timeout. */
    private static final long LONG_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void when_the_handler_replies_at_once_then_the_wait_ends_with_the_reply() throws Exception {
        // Usually met by the spin; a slow thread start makes it a parked wait, which must end the same way.
        PendingCall call = new PendingCall();
        Thread handler = new Thread(() -> call.handlerDone(REPLY));
        handler.start();
        long t0 = System.nanoTime();
        call.spinForHandler();
        assertTrue(call.awaitHandler(LONG_WAIT_NANOS));
        assertTrue(call.handlerFinished());
        assertArrayEquals(REPLY, call.reply());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "the wait outlived the reply");
        handler.join();
    }

    @Test
    void when_the_handler_outlasts_the_spin_then_the_parked_caller_is_woken_by_the_reply() throws Exception {
        PendingCall call = new PendingCall();
        Thread handler = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // far beyond the spin
            call.handlerDone(REPLY);
        });
        handler.start();
        long t0 = System.nanoTime();
        call.spinForHandler();
        assertTrue(call.awaitHandler(LONG_WAIT_NANOS));
        long waited = System.nanoTime() - t0;
        assertTrue(call.handlerFinished(), "the wait ended before the reply");
        assertArrayEquals(REPLY, call.reply());
        assertTrue(waited < TimeUnit.SECONDS.toNanos(5), "the reply did not wake the caller: " + waited + " ns");
        handler.join();
    }

    @Test
    void when_nothing_happens_then_the_spin_ends_and_the_wait_returns_after_its_time_for_the_dead_server_check() {
        PendingCall call = new PendingCall();
        long t0 = System.nanoTime();
        call.spinForHandler();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "the spin did not end");
        long nanos = TimeUnit.MILLISECONDS.toNanos(Network.DEAD_CHECK_MS);
        for (int wait = 0; wait < 2; wait++) {
            long start = System.nanoTime();
            assertTrue(call.awaitHandler(nanos));
            assertTrue(System.nanoTime() - start >= nanos, "the wait returned early");
            assertFalse(call.handlerFinished());
        }
    }

    @Test
    void when_a_recheck_comes_then_the_wait_ends_without_a_reply() throws Exception {
        for (long delayNanos : new long[] {0, TimeUnit.MILLISECONDS.toNanos(20)}) { // in the spin, then parked
            PendingCall call = new PendingCall();
            Thread wiring = new Thread(() -> {
                LockSupport.parkNanos(delayNanos);
                call.recheck();
            });
            wiring.start();
            long t0 = System.nanoTime();
            call.spinForHandler();
            assertTrue(call.awaitHandler(LONG_WAIT_NANOS));
            assertFalse(call.handlerFinished());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "the recheck did not end the wait");
            wiring.join();
        }
    }

    @Test
    void when_cleaned_up_then_the_wait_fails() throws Exception {
        for (long delayNanos : new long[] {0, TimeUnit.MILLISECONDS.toNanos(20)}) {
            PendingCall call = new PendingCall();
            Thread cleanup = new Thread(() -> {
                LockSupport.parkNanos(delayNanos);
                call.cancel();
            });
            cleanup.start();
            call.spinForHandler();
            assertFalse(call.awaitHandler(LONG_WAIT_NANOS), "a cleaned-up call must fail");
            assertTrue(call.cancelled());
            cleanup.join();
        }
    }

    @Test
    void when_the_caller_is_interrupted_then_the_wait_fails_and_the_flag_is_kept() throws Exception {
        CompletableFuture<Boolean> failedWithFlag = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            PendingCall call = new PendingCall();
            call.spinForHandler();
            boolean waited = call.awaitHandler(LONG_WAIT_NANOS);
            failedWithFlag.complete(!waited && Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.interrupt();
        assertTrue(failedWithFlag.get(5, TimeUnit.SECONDS), "an interrupted wait fails, flag kept");
        caller.join();
    }
}
