package raftkit.labrpc;

import java.util.concurrent.locks.LockSupport;

/**
 * The caller's side of one RPC in flight. The caller's own thread carries the request through the network's rules
 * and parks here while it waits; the handler thread, the network's timer, a change of the network's wiring, and
 * cleanup each wake it. Waiting costs no thread of its own, so a thousand calls in flight need no extra threads.
 *
 * <p>Before it parks for a handler in this JVM, the caller spins for at most {@link #SPIN_NANOS}: a handler that
 * returns at once then replies to a caller that is still running, and the call saves a park and a wake-up, which
 * on a small virtual machine take longer than the handler itself. The network lets a caller spin only when its
 * call is the only one in flight, once per call, so the spin costs nothing while no call waits, at most that much
 * per call, and never takes a CPU that another call's handler needs.
 */
final class PendingCall {

    /** The longest a caller spins for its handler's reply before it parks. */
    static final long SPIN_NANOS = 20_000;

    /** The handler threw: the caller sees a lost RPC. */
    static final Object NO_REPLY = new Object();

    private final Thread caller = Thread.currentThread();
    // null while the handler runs; then the encoded reply, NO_REPLY, or a RuntimeException for the caller.
    private volatile Object outcome;
    private volatile boolean timerFired;
    private volatile boolean recheck;
    private volatile boolean cancelled;

    void handlerDone(Object result) {
        outcome = result;
        LockSupport.unpark(caller);
    }

    void startTimer() {
        timerFired = false;
    }

    void timerFired() {
        timerFired = true;
        LockSupport.unpark(caller);
    }

    /** The network's wiring changed: the caller should check at once whether its server is dead. */
    void recheck() {
        recheck = true;
        LockSupport.unpark(caller);
    }

    /** The network was cleaned up. */
    void cancel() {
        cancelled = true;
        LockSupport.unpark(caller);
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean handlerFinished() {
        return outcome != null;
    }

    /** The encoded reply, or null if the handler threw; rethrows a kit error (e.g. a null reply). */
    byte[] reply() {
        Object result = outcome;
        if (result instanceof RuntimeException) {
            throw (RuntimeException) result;
        }
        if (result instanceof Error) {
            throw (Error) result;
        }
        return result == NO_REPLY ? null : (byte[]) result;
    }

    /**
     * Spins for at most {@link #SPIN_NANOS} until the handler finishes, a recheck is asked for, or the network is
     * cleaned up. The caller calls it once, just after handing its handler off, and then waits with
     * {@link #awaitHandler}.
     */
    void spinForHandler() {
        long end = System.nanoTime() + SPIN_NANOS;
        while (outcome == null && !recheck && !cancelled && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /**
     * Waits until the handler finishes, a recheck is asked for, or {@code nanos} pass.
     *
     * @return false if the caller was interrupted or the network cleaned up (the call then fails)
     */
    boolean awaitHandler(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (outcome == null) {
            if (recheck) {
                recheck = false;
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, left);
            if (!stillWanted()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits for the timer started with {@link #startTimer()}.
     *
     * @return false if the caller was interrupted or the network cleaned up (the call then fails)
     */
    boolean awaitTimer() {
        while (!timerFired) {
            LockSupport.park(this);
            if (!stillWanted()) {
                return false;
            }
        }
        return true;
    }

    private boolean stillWanted() {
        if (Thread.interrupted()) {
            // A caller interrupted (e.g. by its peer's kill) gets a failed call; keep the flag for its own code.
            caller.interrupt();
            return false;
        }
        return !cancelled;
    }
}
