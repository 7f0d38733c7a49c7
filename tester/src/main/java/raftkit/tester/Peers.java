package raftkit.tester;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.function.IntFunction;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Network;
import raftkit.labrpc.Persister;
import raftkit.labrpc.Server;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.RaftPeer;
import raftkit.tester.timeline.Timeline;

/**
 * The peers of a config and their wiring (the lab's {@code rafts}, {@code connected}, {@code saved} and
 * {@code endnames}): start, crash, connect and disconnect, as {@code config.go} does them.
 */
final class Peers {

    private final int n;
    private final Network net;
    private final PeerLauncher launcher;
    private final IntFunction<String> randString;
    private final AppliedLogs logs;
    private final BackgroundFailure failure;
    private final Timeline timeline;
    private final PeerThreads threads;
    private final RaftPeer[] rafts;
    private final boolean[] connected;
    private final Persister[] saved;
    private final String[][] endnames;
    private final Applier[] current;
    private final List<Applier> appliers = new ArrayList<>();
    private final InvariantWatch invariants;

    Peers(int n, Network net, PeerLauncher launcher, IntFunction<String> randString, AppliedLogs logs,
            BackgroundFailure failure, Timeline timeline) {
        this.n = n;
        this.net = net;
        this.launcher = launcher;
        this.randString = randString;
        this.logs = logs;
        this.failure = failure;
        this.timeline = timeline;
        this.threads = new PeerThreads(n, failure);
        this.rafts = new RaftPeer[n];
        this.connected = new boolean[n];
        this.saved = new Persister[n];
        this.endnames = new String[n][];
        this.current = new Applier[n];
        this.invariants = new InvariantWatch(n, failure);
    }

    /** Shuts peer i down but keeps its persistent state. Returns a failure message if kill() hung, else null. */
    String crash1(int i) {
        disconnect(i);
        net.deleteServer(i); // disable client connections to the server.
        RaftPeer rf;
        synchronized (this) {
            // a fresh persister, in case the old instance continues to update the Persister.
            if (saved[i] != null) {
                saved[i] = saved[i].copy();
            }
            rf = rafts[i];
            if (current[i] != null) {
                current[i].retire();
                current[i] = null;
            }
        }
        String killFailure = null;
        if (rf != null) {
            killFailure = threads.kill(i, rf); // not under the lock: kill() may take a while
            synchronized (this) {
                rafts[i] = null;
            }
        }
        synchronized (this) {
            if (saved[i] != null) {
                Persister fresh = new Persister();
                fresh.save(saved[i].readRaftState(), saved[i].readSnapshot());
                saved[i] = fresh;
            }
        }
        return killFailure;
    }

    /**
     * Makes a new Raft for peer i (crash1 it first) with fresh end names, so the old instance's ends cannot
     * send, and a copy of its persister, so the old instance cannot overwrite the new one's state. Returns an
     * error message (kill() hung, or the saved snapshot could not be ingested), else null.
     */
    String start1(int i, ApplierKind applier) {
        String killFailure = crash1(i);
        String[] names = new String[n];
        ClientEnd[] ends = new ClientEnd[n];
        for (int j = 0; j < n; j++) {
            names[j] = randString.apply(20);
            ends[j] = net.makeEnd(names[j]);
            net.connect(names[j], j);
        }
        Persister persister;
        synchronized (this) {
            endnames[i] = names;
            logs.setLastApplied(i, 0);
            if (saved[i] != null) {
                saved[i] = saved[i].copy();
                byte[] snapshot = saved[i].readSnapshot();
                if (snapshot != null && snapshot.length > 0) {
                    // mimic a key/value server and process the snapshot now.
                    String error = logs.ingestSnap(i, snapshot, -1);
                    if (error != null) {
                        return error;
                    }
                }
            } else {
                saved[i] = new Persister();
            }
            persister = saved[i];
        }
        BlockingQueue<ApplyMsg> applyCh = new SynchronousQueue<>();
        RaftPeer made = threads.make(i, () -> launcher.make(ends, i, persister, applyCh));
        // The tester's view: every getState() is checked against the safety properties, then recorded on the
        // timeline. The network serves the peer itself.
        RaftPeer rf = timeline.observe(i, invariants.watch(i, made));
        Applier reader = new Applier(i, rf, applyCh, applier, logs, failure, timeline);
        synchronized (this) {
            rafts[i] = rf;
            current[i] = reader;
            appliers.removeIf(a -> !a.isAlive());
            appliers.add(reader);
            reader.start();
        }
        Server server = new Server();
        server.addService(launcher.serviceOf(made));
        net.addServer(i, server);
        return killFailure;
    }

    /** Attaches peer i to the net: enables its ends to and from every connected peer. */
    synchronized void connect(int i) {
        connected[i] = true;
        for (int j = 0; j < n; j++) {
            if (connected[j]) {
                net.enable(endnames[i][j], true); // outgoing
                net.enable(endnames[j][i], true); // incoming
            }
        }
    }

    /** Detaches peer i from the net: disables all its ends, both ways. */
    synchronized void disconnect(int i) {
        connected[i] = false;
        for (int j = 0; j < n; j++) {
            if (endnames[i] != null) {
                net.enable(endnames[i][j], false);
            }
            if (endnames[j] != null) {
                net.enable(endnames[j][i], false);
            }
        }
    }

    /**
     * Enables or disables the one end that carries peer {@code from}'s calls to peer {@code to} (a reply travels
     * back on its call's end). Enabling takes effect only while both peers are connected; the next connect or
     * disconnect of either peer sets the end as those do.
     */
    synchronized void setLink(int from, int to, boolean enabled) {
        net.enable(endnames[from][to], enabled && connected[from] && connected[to]);
    }

    synchronized RaftPeer raft(int i) {
        return rafts[i];
    }

    synchronized boolean isConnected(int i) {
        return connected[i];
    }

    /** Peer i's Raft if it is running and connected, else null. */
    synchronized RaftPeer connectedRaft(int i) {
        return connected[i] ? rafts[i] : null;
    }

    /** The size of peer i's persisted Raft state (0 before it starts). */
    synchronized int persistedSize(int i) {
        return saved[i] == null ? 0 : saved[i].raftStateSize();
    }

    /** The largest Raft state held by any peer's persister. */
    synchronized int logSize() {
        int size = 0;
        for (Persister p : saved) {
            size = Math.max(size, p == null ? 0 : p.raftStateSize());
        }
        return size;
    }

    /** @throws PeerHostCrashed if the peers' own process has ended */
    void checkAlive() {
        launcher.checkAlive();
    }

    /** Kills every running peer; adds a message to {@code problems} for each kill() that hung. */
    void killAll(List<String> problems) {
        for (int i = 0; i < n; i++) {
            RaftPeer rf = raft(i);
            if (rf != null) {
                String killFailure = threads.kill(i, rf);
                if (killFailure != null) {
                    problems.add(killFailure);
                }
            }
        }
    }

    /** The threads each killed incarnation left running (see {@link PeerThreads#leaks}). */
    List<String> leaks() {
        List<String> leaks = new ArrayList<>(threads.leaks());
        leaks.addAll(launcher.remoteLeaks());
        return leaks;
    }

    /** Stops every apply-queue reader, old incarnations' included. */
    void stopAppliers() {
        List<Applier> readers;
        synchronized (this) {
            readers = List.copyOf(appliers);
        }
        try {
            for (Applier reader : readers) {
                reader.stop(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
