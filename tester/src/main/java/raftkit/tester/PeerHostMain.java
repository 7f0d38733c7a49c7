package raftkit.tester;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Codec;
import raftkit.labrpc.Persister;
import raftkit.labrpc.Service;
import raftkit.raft.api.Debug;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * The peer host: the process the student's peers run in when they are isolated ({@link PeerHost} starts it). Its
 * standard input and output carry the frames; everything printed goes to standard error, which the tester copies
 * into the test's log. Each incarnation gets a class loader of its own ({@link IncarnationLoader}) where the peer's
 * classes could hold static state, and shares one with every incarnation of its class where they cannot
 * ({@link StaticState}); its threads get a thread group of their own, which the leak check reads as in-process.
 * Every thread that works for an incarnation has its loader as context, so the codec finds the incarnation's
 * classes. The process ends when the tester closes the connection.
 */
public final class PeerHostMain {

    /** The peer host's view of its connection: requests to the tester, answered or not at all. */
    static final class Link {
        private final Supplier<FrameChannel> channel;

        Link(Supplier<FrameChannel> channel) {
            this.channel = channel;
        }

        /** Sends a request to the tester and waits; if the tester is gone, this process ends. */
        Frame call(Frame request) throws InterruptedException {
            try {
                return channel.get().call(request);
            } catch (FrameChannel.Closed e) {
                Runtime.getRuntime().halt(0);
                throw e;
            }
        }

        /** As {@link #call}, waiting through interrupts, as a local persister's calls do. */
        Frame callUninterruptibly(Frame request) {
            try {
                return channel.get().callUninterruptibly(request);
            } catch (FrameChannel.Closed e) {
                Runtime.getRuntime().halt(0);
                throw e;
            }
        }

        void tell(Frame frame) {
            try {
                channel.get().tell(frame);
            } catch (FrameChannel.Closed e) {
                Runtime.getRuntime().halt(0);
            }
        }
    }

    /** One running peer incarnation. */
    private record Incarnation(int me, int config, IncarnationLoader loader, RaftPeer raft, Service service) {
    }

    private final Map<Integer, Incarnation> incarnations = new ConcurrentHashMap<>();
    private final Map<Integer, PeerThreads> configs = new ConcurrentHashMap<>();
    /** Part 3X's view of each config's peer class, made from the first incarnation that is asked. */
    private final Map<Integer, StudentMessages> messages = new ConcurrentHashMap<>();
    /**
     * By peer class and class roots: the loader all its incarnations share, or empty where each gets its own (see
     * {@link #loaderFor}). A shared loader is kept for the peer host's life, with its codec.
     */
    private final Map<List<Object>, Optional<IncarnationLoader>> sharedLoaders = new ConcurrentHashMap<>();
    private volatile FrameChannel channel;
    private final Link link = new Link(() -> channel);

    private PeerHostMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the frames own standard output; whatever anything prints goes to standard error
        PrintStream frames = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        PeerHostMain host = new PeerHostMain();
        host.channel = new FrameChannel("tester", new FileInputStream(FileDescriptor.in), frames, host::answer,
                reason -> Runtime.getRuntime().halt(0));
        Debug.setSink((peer, topic, format, values) -> host.link.tell(Frame.request(Frame.Type.DEBUG, 0)
                .withNumbers(peer, topic.ordinal(), 0).withText(String.format(Locale.ROOT, format, values))));
        host.channel.start();
        // every thread of the channel is a daemon; this one keeps the process until the tester hangs up
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private Frame answer(Frame request) throws Exception {
        return switch (request.type()) {
            case MAKE -> make(request);
            case LEAKS -> {
                // the config has ended: after its leak check its incarnations, killed or not, are forgotten
                PeerThreads threads = configs.remove(request.c());
                String leaks = threads == null ? "" : String.join("\n", threads.leaks());
                incarnations.values().removeIf(peer -> {
                    if (peer.config() == request.c()) {
                        if (!sharedLoaders.containsValue(Optional.of(peer.loader()))) {
                            Codec.forget(peer.loader());
                        }
                        return true;
                    }
                    return false;
                });
                messages.remove(request.c());
                yield request.reply().withText(leaks);
            }
            case HUNG -> request.reply().withData(Codec.encode(HungThreads.here()), null);
            case MESSAGE_CHECK, MESSAGE_BUILD, MESSAGE_READ -> message(request);
            default -> forIncarnation(request);
        };
    }

    private Frame forIncarnation(Frame request) throws Exception {
        Incarnation peer = incarnations.get(request.incarnation());
        if (peer == null) {
            // a call still in flight to a peer of a config that has ended is lost; anything else is the tester's bug
            if (request.type() == Frame.Type.DELIVER || request.type() == Frame.Type.KILL) {
                return request.reply();
            }
            throw new IllegalArgumentException("unknown peer incarnation " + request.incarnation());
        }
        return asPeer(peer.loader(), () -> {
            switch (request.type()) {
                case DELIVER -> {
                    return request.reply().withData(peer.service().serve(request.text(), request.data()), null);
                }
                case START -> {
                    StartResult result = peer.raft().start(Codec.decode(request.data(), Object.class));
                    return request.reply().withNumbers(result.index(), result.term(), result.isLeader() ? 1 : 0);
                }
                case STATE -> {
                    PeerState state = peer.raft().getState();
                    return request.reply().withNumbers(state.term(), 0, state.isLeader() ? 1 : 0);
                }
                case SNAPSHOT -> {
                    peer.raft().snapshot(request.a(), request.data());
                    return request.reply();
                }
                case KILL -> {
                    // a killed incarnation stays, as a killed Raft object does in-process: calls already on their
                    // way still reach its handlers, and the network drops their replies
                    String hung = configs.get(peer.config()).kill(peer.me(), peer.raft());
                    return request.reply().withText(hung);
                }
                default -> throw new IllegalArgumentException("the peer host does not answer " + request.type());
            }
        });
    }

    /**
     * Runs {@code work} with {@code loader} (an incarnation's, or null for none) as this thread's context loader, so
     * the codec finds that incarnation's classes, and so threads the work starts inherit it.
     */
    private static <T> T asPeer(ClassLoader loader, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Part 3X's messages, handled with the peer's own classes; a failed check goes back as its message. */
    private Frame message(Frame request) throws Exception {
        Incarnation peer = incarnations.get(request.incarnation());
        StudentMessages view = messages.get(request.c());
        if (view == null) {
            if (peer == null) {
                throw new IllegalArgumentException("unknown peer incarnation " + request.incarnation());
            }
            view = messages.computeIfAbsent(request.c(), c -> StudentMessages.local(peer.raft().getClass()));
        }
        StudentMessages shapes = view;
        return asPeer(peer == null ? null : peer.loader(), () -> {
            Rpc rpc = Rpc.values()[request.a()];
            boolean reply = request.b() == 1;
            try {
                return switch (request.type()) {
                    case MESSAGE_CHECK -> {
                        shapes.check(rpc);
                        yield request.reply();
                    }
                    case MESSAGE_BUILD -> request.reply().withData(shapes.build(rpc, reply,
                            decodeValues(request.data())), null);
                    default -> request.reply().withData(Codec.encode(shapes.read(rpc, reply, request.data())), null);
                };
            } catch (AssertionError e) {
                return request.reply().withNumbers(0, 0, 1).withText(e.getMessage());
            }
        });
    }

    @SuppressWarnings("unchecked") // the tester sends a Map<String, Object>
    private static Map<String, Object> decodeValues(byte[] data) {
        return Codec.decode(data, Map.class);
    }

    /** Loads the peer's class in a fresh loader and runs its {@code make} on a thread of the peer's group. */
    private Frame make(Frame request) throws Exception {
        int incarnation = request.incarnation();
        int me = request.a();
        int n = request.b();
        int config = request.c();
        List<Path> roots = Arrays.stream(new String(request.data(), StandardCharsets.UTF_8).split("\n"))
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
        IncarnationLoader loader = loaderFor(request.text(), roots);
        Class<?> peerClass = Class.forName(request.text(), false, loader);
        Class<?>[] takes = {ClientEnd[].class, int.class, Persister.class, BlockingQueue.class};
        Method make = null;
        Constructor<?> constructor = null;
        try {
            make = peerClass.getMethod("make", takes);
        } catch (NoSuchMethodException e) {
            constructor = peerClass.getConstructor(takes); // the tester's doubles are made with new
        }
        ClientEnd[] ends = new ClientEnd[n];
        for (int j = 0; j < n; j++) {
            int end = j;
            ends[j] = ClientEnd.over((name, serviceMethod, args) -> call(incarnation, end, serviceMethod, args),
                    "peer-" + incarnation + "-end-" + j);
        }
        Persister persister = Persister.over(new RemoteStore(link, incarnation));
        BlockingQueue<?> applyCh = new RemoteApplyQueue(link, incarnation);
        PeerThreads threads = configs.computeIfAbsent(config, c -> new PeerThreads(n, new ForwardedFailure(link,
                incarnation)));
        Method maker = make;
        Constructor<?> builder = constructor;
        RaftPeer raft;
        try {
            // the peer's threads inherit the loader from the thread that makes them
            raft = asPeer(loader, () -> threads.make(me, () -> {
                try {
                    return (RaftPeer) (maker != null ? maker.invoke(null, ends, me, persister, applyCh)
                            : builder.newInstance(ends, me, persister, applyCh));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
                }
            }));
        } catch (RuntimeException | Error e) {
            throw new IllegalArgumentException("make() threw " + e);
        }
        if (raft == null) {
            throw new IllegalArgumentException("make() returned null");
        }
        Service service = new Service(raft);
        incarnations.put(incarnation, new Incarnation(me, config, loader, raft, service));
        return request.reply().withText(service.name());
    }

    /**
     * The class loader of a new incarnation of {@code peerClass}: the one its incarnations share when the classes of
     * its package hold no static state ({@link StaticState}, decided on its first incarnation), else a fresh one.
     */
    private IncarnationLoader loaderFor(String peerClass, List<Path> roots) {
        ClassLoader parent = PeerHostMain.class.getClassLoader();
        int dot = peerClass.lastIndexOf('.');
        String packageName = dot < 0 ? "" : peerClass.substring(0, dot);
        return sharedLoaders.computeIfAbsent(List.of(peerClass, roots), key -> {
            IncarnationLoader first = new IncarnationLoader(peerClass, roots, parent);
            return StaticState.find(packageName, roots, first).isEmpty() ? Optional.of(first) : Optional.empty();
        }).orElseGet(() -> new IncarnationLoader(peerClass, roots, parent));
    }

    /** A peer's RPC: carried by the tester's network; a lost call is null, as labrpc's own ends return. */
    private byte[] call(int incarnation, int end, String serviceMethod, byte[] args) {
        try {
            return link.call(Frame.request(Frame.Type.CALL, incarnation).withNumbers(end, 0, 0)
                    .withText(serviceMethod).withData(args, null)).data();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A failure found on a peer's thread (one died of an exception): the tester fails the test with it. */
    private static final class ForwardedFailure extends BackgroundFailure {
        private final Link link;
        private final int incarnation;

        ForwardedFailure(Link link, int incarnation) {
            this.link = link;
            this.incarnation = incarnation;
        }

        @Override
        synchronized void record(String message) {
            link.tell(Frame.request(Frame.Type.FAILURE, incarnation).withText(message));
        }
    }

    /**
     * A peer's persister: each call is one request to the tester's persister for this incarnation. A save is sent
     * without waiting for an answer: every frame this process sends after it (an RPC, a reply, an applied message)
     * reaches the tester after the save has taken effect there, so nobody can tell it from a save that waited; a
     * read waits. A save whose snapshot is the one this incarnation saved last says so instead of sending it again:
     * Raft saves its state far more often than it takes a snapshot, and the snapshot is often the larger.
     */
    private static final class RemoteStore implements Persister.Store {
        private final Link link;
        private final int incarnation;
        /** The snapshot of the last save (the persister's own copy, which nothing changes). */
        private byte[] lastSnapshot;

        RemoteStore(Link link, int incarnation) {
            this.link = link;
            this.incarnation = incarnation;
        }

        /** One save at a time, so the tester meets them in the order their snapshots were compared. */
        @Override
        public synchronized void save(byte[] raftState, byte[] snapshot) {
            boolean same = Arrays.equals(snapshot, lastSnapshot);
            lastSnapshot = snapshot;
            link.tell(Frame.request(Frame.Type.SAVE, incarnation).withNumbers(same ? 1 : 0, 0, 0)
                    .withData(raftState, same ? null : snapshot));
        }

        @Override
        public byte[] readRaftState() {
            return ask(read(PeerHost.READ_STATE)).data();
        }

        @Override
        public byte[] readSnapshot() {
            return ask(read(PeerHost.READ_SNAPSHOT)).data();
        }

        @Override
        public int raftStateSize() {
            return ask(read(PeerHost.READ_STATE_SIZE)).a();
        }

        @Override
        public int snapshotSize() {
            return ask(read(PeerHost.READ_SNAPSHOT_SIZE)).a();
        }

        private Frame read(int what) {
            return Frame.request(Frame.Type.READ, incarnation).withNumbers(what, 0, 0);
        }

        /** Persister calls are not interruptible in-process either: wait for the answer, keep the interrupt. */
        private Frame ask(Frame request) {
            return link.callUninterruptibly(request);
        }
    }
}
