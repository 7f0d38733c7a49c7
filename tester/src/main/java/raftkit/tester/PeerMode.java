package raftkit.tester;

import java.util.Locale;
import raftkit.raft.api.RaftFactory;
import raftkit.raft.api.RaftPeer;

/**
 * Where the student's peers run. {@link #INPROCESS}: in the test's JVM, beside the tester, so one breakpoint stops
 * them all (what {@code mvn test} and an IDE use). {@link #ISOLATED}: in a peer host, a process of their own that
 * the tester starts and talks to over a pipe, so nothing they do can reach the tester's memory, its checks or its
 * results (what the grader uses). The graded tests, their bounds and their messages are the same in both.
 */
public enum PeerMode {
    INPROCESS,
    ISOLATED;

    /** The system property that chooses the mode: {@code inprocess} (the default) or {@code isolated}. */
    public static final String PROPERTY = "raftkit.peers";

    /**
     * The system property naming a file whose lines (one word a line) are the command the peer host is started
     * under: the grader's sandbox, so that only the student's process is confined and the tester is not.
     */
    public static final String WRAPPER_PROPERTY = "raftkit.peerhost.wrapper";

    /**
     * The system property naming the folder or jar of the student's compiled classes, which the peer host loads its
     * peers from; without it, wherever this JVM's class path has {@code raftkit.raft.Raft}.
     */
    public static final String CLASSES_PROPERTY = "raftkit.peers.classes";

    /** The mode {@link #PROPERTY} names. */
    public static PeerMode current() {
        return parse(System.getProperty(PROPERTY, "inprocess"));
    }

    /**
     * A factory for a {@link Config} or {@link ScriptedCluster} whose peers are made of {@code peerClass} in the peer
     * host, each incarnation in a class loader of its own, whatever the mode: for the tester's own tests of
     * isolation. The class needs a public static {@code make} or a public constructor with
     * {@link RaftFactory#make}'s parameters.
     */
    public static RaftFactory inPeerHost(Class<? extends RaftPeer> peerClass) {
        return IsolatedPeers.of(peerClass);
    }

    /** {@code inprocess} or {@code isolated}, in any case. */
    public static PeerMode parse(String text) {
        for (PeerMode mode : values()) {
            if (mode.word().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": expected inprocess or isolated");
    }

    /** The mode's name as the property and the grader's option spell it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
