package raftkit.tester;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Codec;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.Debug;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.Topic;

/**
 * The tester's side of a peer host: the process the student's peers run in when the peers are isolated
 * ({@link PeerMode#ISOLATED}). It starts the process ({@link PeerHostMain}) and answers what the peers ask of the
 * tester's world: their RPCs go out through this JVM's network, their saves and reads to this JVM's persisters,
 * their applied messages onto this JVM's apply queues, each acknowledged only once the queue took it. The peer
 * host never learns where results are written; it only ever sees bytes. Its standard error (the student's
 * printing included) is copied to this JVM's standard output, so it lands in each test's log.
 *
 * <p>One peer host serves every config of a test JVM, one class loader per peer incarnation. If it ends, every
 * later call of a peer of it fails with {@link PeerHostCrashed}, and the next config starts a new one.
 */
public final class PeerHost {

    /** READ's {@code a}: what to read from the persister. */
    static final int READ_STATE = 0;
    static final int READ_SNAPSHOT = 1;
    static final int READ_STATE_SIZE = 2;
    static final int READ_SNAPSHOT_SIZE = 3;
    /** How long a time-out's thread dump waits for the peer host, which may be too sick to answer. */
    private static final long HUNG_WAIT_MILLIS = 5000;

    private static PeerHost shared;
    /**
     * The thread every peer host is started from, alive as long as this JVM. A sandbox's "die with parent" (Linux's
     * parent-death signal) fires when the thread that started the process ends, not the process: started from a
     * test's own thread, the peer host would be killed as that test's thread ended.
     */
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "peerhost-starter");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final FrameChannel channel;
    private final Map<Integer, Wiring> incarnations = new ConcurrentHashMap<>();
    /** Where an applied message waits for a queue that cannot take it at once, off the connection's reader. */
    private final ExecutorService applyWaits = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "peer host-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger nextIncarnation = new AtomicInteger();
    private final AtomicInteger nextConfig = new AtomicInteger();
    private volatile String crash;
    /** Set when this side ends the peer host on purpose. */
    private volatile boolean stopping;

    /** What an incarnation in the peer host is wired to on this side. */
    private record Wiring(int config, int me, ClientEnd[] ends, Persister persister,
                          BlockingQueue<ApplyMsg> applyCh, BackgroundFailure failure,
                          AtomicReference<byte[]> lastSnapshot) {
    }

    private PeerHost(List<String> command) throws IOException {
        this.process = start(command);
        Thread pump = new Thread(() -> copyToOut(process.getErrorStream()), "peerhost-output");
        pump.setDaemon(true);
        pump.start();
        // what the peers ask that never blocks is answered at once, on the reader
        this.channel = new FrameChannel("peer host", process.getInputStream(), process.getOutputStream(),
                this::answer, EnumSet.of(Frame.Type.DEBUG, Frame.Type.FAILURE, Frame.Type.SAVE, Frame.Type.READ,
                Frame.Type.APPLY),
                this::ended);
        channel.start();
    }

    private static Process start(List<String> command) throws IOException {
        try {
            return STARTER.submit(() -> new ProcessBuilder(command).redirectErrorStream(false).start()).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the peer host", e);
        }
    }

    /** The peer host of this JVM, started now if there is none or the last one ended. */
    static synchronized PeerHost shared() {
        if (shared == null || shared.crash != null) {
            try {
                shared = new PeerHost(command());
            } catch (IOException e) {
                throw new IllegalStateException("could not start the peer host: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /**
     * Ends this JVM's peer host, if any, before the JVM itself ends: a peer host stopped on purpose is not a crash,
     * and nothing is printed of it. The grader's test JVM calls this first thing when it exits.
     */
    public static synchronized void shutDown() {
        if (shared != null) {
            shared.stopping = true;
            shared.channel.close();
            shared.applyWaits.shutdownNow();
            shared.process.destroyForcibly();
            shared = null;
        }
    }

    /** The running peer host, if this JVM started one. */
    static synchronized Optional<PeerHost> running() {
        return Optional.ofNullable(shared).filter(h -> h.crash == null);
    }

    /**
     * The peer host's command line: this JVM's java, its heap cap and test JVM options, its class path (the class
     * archive then fits too), and the sandbox's wrapper if the grader named one. No system property of the
     * tester's is passed on: the peer host has no use for them, and must not learn where results go.
     */
    static List<String> command() throws IOException {
        List<String> command = new ArrayList<>();
        String wrapper = System.getProperty(PeerMode.WRAPPER_PROPERTY);
        if (wrapper != null && !wrapper.isBlank()) {
            Files.readAllLines(Path.of(wrapper), StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty())
                    .forEach(command::add);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xmx") || option.startsWith("-Xss") || option.startsWith("-XX:")
                    || option.startsWith("-Xlog:cds") || option.startsWith("-Djava.io.tmpdir=")
                    || option.startsWith("-Dfile.encoding=")) {
                command.add(option);
            }
        }
        // the JVM's own messages (a crash, a warning) must not land in the protocol's stream
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PeerHostMain.class.getName());
        return command;
    }

    int newConfig() {
        return nextConfig.incrementAndGet();
    }

    /** Starts an incarnation of {@code peerClass} as peer {@code me} of config {@code config}. */
    RaftPeer make(int config, String peerClass, List<Path> roots, ClientEnd[] ends, int me, Persister persister,
                  BlockingQueue<ApplyMsg> applyCh, BackgroundFailure failure) {
        int incarnation = nextIncarnation.incrementAndGet();
        incarnations.put(incarnation, new Wiring(config, me, ends, persister, applyCh, failure,
                new AtomicReference<>()));
        String rootList = roots.stream().map(Path::toString).collect(Collectors.joining("\n"));
        Frame made;
        try {
            made = call(Frame.request(Frame.Type.MAKE, incarnation).withNumbers(me, ends.length, config)
                    .withText(peerClass).withData(rootList.getBytes(StandardCharsets.UTF_8), null));
        } catch (IllegalArgumentException e) {
            incarnations.remove(incarnation);
            throw new IllegalStateException("peer " + me + ": make() failed in the peer host: " + e.getMessage());
        }
        return new RemotePeer(this, incarnation, made.text());
    }

    /** The threads config {@code config}'s killed incarnations left running (waits out their grace period). */
    List<String> leaks(int config) {
        if (crash != null) {
            return List.of();
        }
        try {
            String lines = call(Frame.request(Frame.Type.LEAKS, 0).withNumbers(0, 0, config)).text();
            return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
        } finally {
            forgetConfig(config);
        }
    }

    /** The peer host's threads, for a time-out's report; an empty finding if it does not answer in time. */
    HungThreads hungThreads() {
        try {
            Frame reply = channel.call(Frame.request(Frame.Type.HUNG, 0), HUNG_WAIT_MILLIS);
            return Codec.decode(reply.data(), HungThreads.class);
        } catch (FrameChannel.Closed | IllegalArgumentException e) {
            return new HungThreads("(the peer host did not show its threads: " + e.getMessage() + ")\n", "",
                    List.of(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HungThreads("(interrupted)\n", "", List.of(), List.of());
        }
    }

    /** @throws PeerHostCrashed if the peer host has ended */
    void checkAlive() {
        String message = crash;
        if (message != null) {
            throw new PeerHostCrashed(message);
        }
    }

    boolean isAlive() {
        return crash == null;
    }

    /**
     * Sends a request on behalf of a peer and waits for the answer.
     *
     * @throws PeerHostCrashed if the peer host ends first
     * @throws IllegalArgumentException what the peer host reported as the caller's error
     */
    Frame call(Frame request) {
        try {
            return channel.call(request);
        } catch (FrameChannel.Closed e) {
            awaitCrash();
            throw new PeerHostCrashed(crash == null ? e.getMessage() : crash);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the peer host", e);
        }
    }

    /**
     * Sends a request on behalf of a peer without waiting: the future completes, on the connection's reader, with
     * the answer (an ERROR frame as well), or exceptionally once the peer host has ended.
     */
    CompletableFuture<Frame> callAsync(Frame request) {
        return channel.callAsync(request);
    }

    private Frame answer(Frame request) throws Exception {
        Wiring wiring = incarnations.get(request.incarnation());
        if (wiring == null) {
            return forgotten(request);
        }
        switch (request.type()) {
            case CALL -> {
                int j = request.a();
                if (j < 0 || j >= wiring.ends().length) {
                    throw new IllegalArgumentException("peer " + wiring.me() + " has no end " + j);
                }
                return request.reply().withData(wiring.ends()[j].callEncoded(request.text(), request.data()), null);
            }
            case SAVE -> {
                // the peer host leaves out a snapshot this incarnation's last save carried (see Frame.Type.SAVE)
                byte[] snapshot = request.a() == 1 ? wiring.lastSnapshot().get() : request.more();
                wiring.lastSnapshot().set(snapshot);
                wiring.persister().save(request.data(), snapshot);
                return null;
            }
            case READ -> {
                return read(request, wiring.persister());
            }
            case APPLY -> {
                return apply(request, wiring);
            }
            case DEBUG -> {
                Topic[] topics = Topic.values();
                int topic = request.b();
                if (topic >= 0 && topic < topics.length) {
                    Debug.log(request.a(), topics[topic], "%s", request.text());
                }
                return null;
            }
            case FAILURE -> {
                wiring.failure().record(request.text());
                return null;
            }
            default -> throw new IllegalArgumentException("the tester does not answer " + request.type());
        }
    }

    /**
     * A request of an incarnation whose config has ended (a thread its kill() left behind): as for a peer that
     * has lost its network and persister, every call is lost and every save goes nowhere.
     */
    private static Frame forgotten(Frame request) {
        return switch (request.type()) {
            case DEBUG, FAILURE, SAVE -> null;
            case READ -> request.reply().withData(new byte[0], null);
            default -> request.reply();
        };
    }

    /** The config has ended: its incarnations' wiring is dropped (see {@link #forgotten}). */
    private void forgetConfig(int config) {
        incarnations.values().removeIf(w -> w.config() == config);
    }

    private static Frame read(Frame request, Persister persister) {
        return switch (request.a()) {
            case READ_STATE -> request.reply().withData(persister.readRaftState(), null);
            case READ_SNAPSHOT -> request.reply().withData(persister.readSnapshot(), null);
            case READ_STATE_SIZE -> request.reply().withNumbers(persister.raftStateSize(), 0, 0);
            case READ_SNAPSHOT_SIZE -> request.reply().withNumbers(persister.snapshotSize(), 0, 0);
            default -> throw new IllegalArgumentException("unknown persister read " + request.a());
        };
    }

    /**
     * Puts an applied message on the incarnation's queue; the peer's put returns only when the queue took it. On
     * the reader: a queue whose applier is waiting takes it at once, and the answer goes back from here; otherwise
     * the wait moves to a thread of its own, which sends the answer later (null: none now).
     */
    private Frame apply(Frame request, Wiring wiring) {
        ApplyMsg message;
        try {
            message = Codec.decode(request.data(), ApplyMsg.class);
        } catch (IllegalArgumentException e) {
            wiring.failure().record("server " + wiring.me() + " applied a message the tester cannot read: "
                    + e.getMessage());
            return request.reply().withNumbers(0, 0, 1);
        }
        if (wiring.applyCh().offer(message)) {
            return request.reply().withNumbers(0, 0, 1);
        }
        try {
            applyWaits.execute(() -> {
                boolean taken;
                try {
                    if (request.a() == 0) {
                        wiring.applyCh().put(message);
                        taken = true;
                    } else {
                        taken = wiring.applyCh().offer(message, request.b(), TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException e) {
                    return; // the peer host is being stopped
                }
                try {
                    channel.tell(request.reply().withNumbers(0, 0, taken ? 1 : 0));
                } catch (FrameChannel.Closed e) {
                    // the peer host is gone, and its put with it
                }
            });
        } catch (RejectedExecutionException e) {
            // stopped meanwhile: nobody waits for the answer
        }
        return null;
    }

    /** The connection ended: the peer host exited, or broke the protocol (then it is stopped here). */
    private void ended(String reason) {
        if (stopping) {
            return;
        }
        process.destroyForcibly();
        applyWaits.shutdownNow();
        int code;
        try {
            code = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        crash = "the peers' JVM (the peer host) exited with code " + code + " during the test (" + reason
                + "): a peer called System.exit or halt, ran it out of memory, or crashed it";
        System.out.println(crash);
    }

    private void awaitCrash() {
        for (int i = 0; i < 50 && crash == null; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void copyToOut(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                System.out.write(buffer, 0, n);
                System.out.flush();
            }
        } catch (IOException e) {
            // the peer host is gone; what it wrote so far is in the log
        }
    }
}
