package raftkit.tester;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call the student's peer made to a scripted peer. The scripted peer's responder answers it at once, or leaves it
 * held: the student's call then waits (as on a slow network) until the test answers or loses it, or until
 * {@link ScriptedPeer#MAX_HOLD_MILLIS} pass, after which it is lost.
 */
public final class IncomingCall {


    private final int to;
    private final Rpc rpc;
    private final Message args;
    private final long arrivedNanos = System.nanoTime();
    private final StudentMessages messages;
    /** The encoded reply, or null for a lost call. */
    private final CompletableFuture<byte[]> outcome = new CompletableFuture<>();

    IncomingCall(int to, Rpc rpc, Message args, StudentMessages messages) {
        this.to = to;
        this.rpc = rpc;
        this.args = args;
        this.messages = messages;
    }

    /** The scripted peer the call went to. */
    public int to() {
        return to;
    }

    public Rpc rpc() {
        return rpc;
    }

    public Message args() {
        return args;
    }

    /** When the call arrived (System.nanoTime()). */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    /** Answers with the student's reply record built from Figure 2 names and values: {@code "term", 3, ...}. */
    public void answer(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        outcome.complete(messages.build(rpc, true, values));
    }

    /** Makes the student's call return no reply, as a lost message would. */
    public void lose() {
        outcome.complete(null);
    }

    public boolean isSettled() {
        return outcome.isDone();
    }

    /** The encoded reply, or null for a lost call; waits at most {@code millis}, then the call is lost. */
    byte[] await(long millis) throws InterruptedException {
        try {
            return outcome.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lose();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return rpc.paperName() + " to peer " + to + ": " + args;
    }
}
