package raftkit.tester;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Codec;
import raftkit.labrpc.Persister;
import raftkit.labrpc.Service;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.RaftPeer;

/**
 * One config's peers in the peer host: each {@code make} starts an incarnation there, each in a class loader of
 * its own, and wires it to this JVM's ends, persister and apply queue, which stay where the tester can see them.
 */
final class IsolatedPeers implements PeerLauncher {

    /** The class the graded tests make peers of. */
    static final String STUDENT_CLASS = "raftkit.raft.Raft";

    private final PeerHost host;
    private final String peerClass;
    private final List<Path> roots;
    private final BackgroundFailure failure;
    private final int config;

    IsolatedPeers(PeerHost host, String peerClass, List<Path> roots, BackgroundFailure failure) {
        this.host = host;
        this.peerClass = peerClass;
        this.roots = List.copyOf(roots);
        this.failure = failure;
        this.config = host.newConfig();
    }

    /**
     * Peers of {@code peerClass} run in the peer host, for the tester's own tests: give it to a {@link Config} as its
     * factory. The class needs a public static {@code make} or a public constructor taking what
     * {@code RaftFactory.make} takes. The classes of its package are loaded afresh for each incarnation where they
     * could hold static state ({@link StaticState}).
     */
    static Spec of(Class<?> peerClass) {
        return new Spec(peerClass.getName(), List.of(rootOf(peerClass.getName())));
    }

    /** Which class the peer host makes peers of, and where it finds its package; not a factory of its own. */
    record Spec(String peerClass, List<Path> roots) implements raftkit.raft.api.RaftFactory {
        @Override
        public RaftPeer make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
            throw new UnsupportedOperationException("the config makes these peers in the peer host");
        }
    }

    /** The student's Raft in the JVM's shared peer host, from wherever this JVM's class path has it. */
    static IsolatedPeers student(BackgroundFailure failure) {
        String classes = System.getProperty(PeerMode.CLASSES_PROPERTY);
        Path root = classes != null && !classes.isBlank() ? Path.of(classes) : rootOf(STUDENT_CLASS);
        return new IsolatedPeers(PeerHost.shared(), STUDENT_CLASS, List.of(root), failure);
    }

    /** The class-path entry (folder or jar) holding {@code className}, found without loading the class. */
    static Path rootOf(String className) {
        String resource = className.replace('.', '/') + ".class";
        URL url = IsolatedPeers.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no " + resource + " on the class path");
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:")) {
                return Path.of(new URL(text.substring(4, text.indexOf("!/"))).toURI());
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < className.split("\\.").length; i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException("cannot locate " + resource + " (" + url + ")", e);
        }
    }

    @Override
    public RaftPeer make(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        return host.make(config, peerClass, roots, Arrays.copyOf(peers, peers.length), me, persister, applyCh,
                failure);
    }

    @Override
    public Service serviceOf(RaftPeer made) {
        return ((RemotePeer) made).service();
    }

    @Override
    public StudentMessages messagesOf(RaftPeer made) {
        int incarnation = ((RemotePeer) made).incarnation();
        return new StudentMessages() {
            @Override
            public void check(Rpc rpc) {
                ask(Frame.Type.MESSAGE_CHECK, rpc, false, null);
            }

            @Override
            public byte[] build(Rpc rpc, boolean reply, Map<String, Object> values) {
                return ask(Frame.Type.MESSAGE_BUILD, rpc, reply, Codec.encode(new LinkedHashMap<>(values))).data();
            }

            @Override
            public Message read(Rpc rpc, boolean reply, byte[] encoded) {
                return Codec.decode(ask(Frame.Type.MESSAGE_READ, rpc, reply, encoded).data(), Message.class);
            }

            private Frame ask(Frame.Type type, Rpc rpc, boolean reply, byte[] data) {
                Frame answer = host.call(Frame.request(type, incarnation).withNumbers(rpc.ordinal(), reply ? 1 : 0,
                        config).withData(data, null));
                if (answer.c() == 1) {
                    throw new AssertionError(answer.text());
                }
                return answer;
            }
        };
    }

    @Override
    public List<String> remoteLeaks() {
        return host.leaks(config);
    }

    @Override
    public void checkAlive() {
        host.checkAlive();
    }
}
