package raftkit.tester;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One side of the tester's connection to a peer host: frames out on one stream, frames in on the other. A reader
 * thread pairs each reply with the request waiting for it and hands each request to {@code handler} on a thread
 * of its own (a request may block: a handler that never returns, an apply queue nobody reads). The same class
 * serves both sides.
 */
final class FrameChannel implements AutoCloseable {

    /** Answers the other side's requests; returns the reply, or null for a frame that needs none. */
    @FunctionalInterface
    interface Handler {
        Frame handle(Frame request) throws Exception;
    }

    /** The other side is gone or broke the protocol; the message says which. */
    static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed(String message) {
            super(message);
        }
    }

    private final String name;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Handler handler;
    private final Set<Frame.Type> onReader;
    private final Consumer<String> onClose;
    private final Map<Long, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService workers;
    private final Thread reader;
    private volatile String closedBecause;

    /**
     * @param onClose told once, with the reason, when the stream ends or a frame is bad (not on {@link #close()})
     */
    FrameChannel(String name, InputStream in, OutputStream out, Handler handler, Consumer<String> onClose) {
        this(name, in, out, handler, Set.of(), onClose);
    }

    /**
     * As above, with the requests of the types in {@code onReader} answered on the reader thread itself: a thread
     * handoff saved for requests that never block (a debug line, a persister save), and their order kept.
     */
    FrameChannel(String name, InputStream in, OutputStream out, Handler handler, Set<Frame.Type> onReader,
                 Consumer<String> onClose) {
        this.name = name;
        this.onReader = Set.copyOf(onReader);
        this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        this.handler = handler;
        this.onClose = onClose;
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        this.reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Sends a request and waits for its reply. */
    Frame call(Frame request) throws InterruptedException {
        return call(request, 0);
    }

    /**
     * Sends a request and waits up to {@code timeoutMillis} (0: for ever; below 0: for ever, through interrupts) for
     * its reply.
     *
     * @throws Closed when the other side is gone, or did not answer in time
     */
    Frame call(Frame request, long timeoutMillis) throws InterruptedException {
        CompletableFuture<Frame> reply = callAsync(request);
        try {
            Frame answer;
            try {
                answer = timeoutMillis > 0 ? reply.get(timeoutMillis, TimeUnit.MILLISECONDS)
                        : timeoutMillis == 0 ? reply.get() : uninterruptibly(reply);
            } catch (TimeoutException e) {
                Closed late = new Closed(name + ": no answer to " + request.type() + " within " + timeoutMillis
                        + " ms");
                reply.completeExceptionally(late); // forgets the request
                throw late;
            }
            if (answer.type() == Frame.Type.ERROR) {
                throw new IllegalArgumentException(answer.text());
            }
            return answer;
        } catch (ExecutionException e) {
            throw (Closed) e.getCause();
        }
    }

    /**
     * Sends a request without waiting: the future completes with its reply (an ERROR frame as well), or
     * exceptionally with {@link Closed}. It completes on the reader thread, so what runs then must not block.
     */
    CompletableFuture<Frame> callAsync(Frame request) {
        long id = ids.incrementAndGet();
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        reply.whenComplete((answer, failure) -> waiting.remove(id));
        try {
            send(request.withId(id));
        } catch (Closed e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    /** As {@link #call(Frame)}, but an interrupt does not end the wait: it is kept for the caller to see after. */
    Frame callUninterruptibly(Frame request) {
        try {
            return call(request, -1);
        } catch (InterruptedException e) {
            throw new IllegalStateException("not reached: the wait ignores interrupts", e);
        }
    }

    private static Frame uninterruptibly(CompletableFuture<Frame> reply) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reply.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends a frame that needs no reply. */
    void tell(Frame frame) {
        send(frame);
    }

    boolean isOpen() {
        return closedBecause == null;
    }

    /** Why the channel closed, or null while it is open. */
    String closedBecause() {
        return closedBecause;
    }

    private void send(Frame frame) {
        String reason = closedBecause;
        if (reason != null) {
            throw new Closed(reason);
        }
        try {
            synchronized (out) {
                frame.write(out);
                out.flush();
            }
        } catch (IOException e) {
            closed(name + ": the connection broke while sending (" + e.getMessage() + ")", true);
            throw new Closed(closedBecause);
        }
    }

    private void readLoop() {
        String reason;
        try {
            for (Frame frame = Frame.read(in); frame != null; frame = Frame.read(in)) {
                dispatch(frame);
            }
            reason = name + ": the other side closed the connection";
        } catch (IOException e) {
            reason = name + ": " + e.getMessage();
        }
        closed(reason, true);
    }

    private void dispatch(Frame frame) {
        if (frame.type() == Frame.Type.REPLY || frame.type() == Frame.Type.ERROR) {
            CompletableFuture<Frame> reply = waiting.get(frame.id());
            if (reply != null) {
                reply.complete(frame);
            }
            return;
        }
        if (onReader.contains(frame.type())) {
            answer(frame);
            return;
        }
        try {
            workers.execute(() -> answer(frame));
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nobody is left to answer
        }
    }

    private void answer(Frame request) {
        Frame reply;
        try {
            reply = handler.handle(request);
        } catch (IllegalArgumentException e) {
            reply = request.error(e.getMessage());
        } catch (Closed e) {
            return;
        } catch (Exception | Error e) {
            reply = request.error(e.toString());
        }
        if (reply != null && request.expectsReply() && isOpen()) {
            try {
                send(reply);
            } catch (Closed e) {
                // the other side is gone; its waiting callers are failed by their own channel
            }
        }
    }

    private synchronized void closed(String reason, boolean tell) {
        if (closedBecause != null) {
            return;
        }
        closedBecause = reason;
        Closed failure = new Closed(reason);
        waiting.values().forEach(f -> f.completeExceptionally(failure));
        workers.shutdown();
        try {
            in.close();
        } catch (IOException ignored) {
            // already broken
        }
        if (tell) {
            onClose.accept(reason);
        }
    }

    /** Closes both streams; waiting callers fail. */
    @Override
    public void close() {
        closed(name + ": closed", false);
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException ignored) {
            // the other side is gone already
        }
        workers.shutdownNow();
    }
}
