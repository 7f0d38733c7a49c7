package raftkit.tester.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.Topic;

/**
 * The record of one config's run: the test's phases and checks, the faults it injected, what each peer answered
 * and applied, the student's debug events, traffic per interval, and the failure. {@link Config} calls it in one
 * line per hook; everything here is an append to a bounded ring (no formatting, no lock), so it stays on for every
 * graded run.
 *
 * <p>Two rings keep it bounded: one for the tester's own story (phases, checks, faults, samples) and a larger one
 * for the peers' many marks (applies, snapshots, debug lines). A full ring drops its oldest events and the page
 * says so.
 */
public final class Timeline {

    /** Tester events kept: far more than any graded test makes. */
    static final int STORY_CAPACITY = 20_000;
    /** Peer marks kept: the newest, so a failure's last moments are always there. */
    static final int MARKS_CAPACITY = 60_000;
    private static final Pattern PEER_THREAD = Pattern.compile("raft-(\\d+)-.*");
    private static final int STUCK_FRAMES = 6;

    private final int peers;
    private final boolean on = Timelines.mode() != Timelines.Mode.OFF;
    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger windows = new AtomicInteger();
    private final EventRing story;
    private final EventRing marks;
    private volatile String title = "";
    private volatile Sampler sampler;
    private volatile ScheduledFuture<?> sampling;

    /** A timeline of {@code peers} peers, taking their debug events from now on. */
    public Timeline(int peers) {
        this(peers, STORY_CAPACITY, MARKS_CAPACITY);
    }

    Timeline(int peers, int storyCapacity, int marksCapacity) {
        this.peers = peers;
        this.story = new EventRing(storyCapacity);
        this.marks = new EventRing(marksCapacity);
        if (on) {
            Timelines.opened(this);
        }
    }

    /** Samples {@code probe} for traffic and persisted sizes every {@link Sampler#INTERVAL_MILLIS} until close. */
    public void sample(Probe probe) {
        if (on && sampler == null) {
            sampler = new Sampler(peers, probe, this);
            sampling = Sampler.schedule(sampler);
        }
    }

    public int peers() {
        return peers;
    }

    // ---- the tester's story ----

    /** The test's {@code begin(title)}. */
    public void begin(String description) {
        title = description;
        record(-1, Kind.BEGIN, 0, description);
    }

    /** The test's {@code end()}: it got there without failing. */
    public void passed() {
        record(-1, Kind.PASSED, 0, null);
    }

    /** Runs a check, recording its window and its result (or the failure that ends it). */
    public <T> T check(String call, Supplier<T> body) {
        int id = windows.incrementAndGet();
        record(-1, Kind.CHECK_BEGIN, id, call);
        try {
            T result = body.get();
            record(-1, Kind.CHECK_OK, id, result == null ? "done" : "returned " + result);
            return result;
        } catch (RuntimeException | Error e) {
            record(-1, Kind.CHECK_FAILED, id, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** Runs a check that returns nothing. */
    public void check(String call, Runnable body) {
        check(call, () -> {
            body.run();
            return null;
        });
    }

    /** A fault or repair the tester made to one peer: connect, disconnect, crash, restart. */
    public void peer(Kind what, int peer) {
        record(peer, what, 0, null);
    }

    /** A network-wide switch: {@link Kind#UNRELIABLE} or {@link Kind#LONG_REORDERING}, on or off. */
    public void network(Kind what, boolean on) {
        record(-1, what, on ? 1 : 0, null);
    }

    /**
     * The test reached its time limit, leaving these peer threads waiting: queue puts under a lock, and deadlocks.
     * Each goes on its peer's lane (found by the thread name {@code raft-<peer>-<job>}) with the frames it waits in.
     */
    public void timedOut(List<StuckThread> blocked, List<StuckThread> deadlocked) {
        record(-1, Kind.TIMED_OUT, 0, null);
        for (List<StuckThread> group : List.of(blocked, deadlocked)) {
            for (StuckThread info : group) {
                Matcher m = PEER_THREAD.matcher(info.name());
                if (m.matches() && Integer.parseInt(m.group(1)) < peers) {
                    record(Integer.parseInt(m.group(1)), Kind.STUCK, 0, stuckText(info, group == blocked));
                }
            }
        }
    }

    private static String stuckText(StuckThread info, boolean onQueue) {
        StringBuilder out = new StringBuilder("\"").append(info.name()).append(onQueue
                ? "\" waits to put on the apply queue while holding a lock" : "\" is deadlocked, waiting for "
                + info.lockName());
        int kept = 0;
        for (String frame : info.frames()) {
            // a frame's text starts with its module (java.base/...) or its class
            String type = frame.substring(frame.indexOf('/') + 1);
            if (kept < STUCK_FRAMES && !type.startsWith("java.") && !type.startsWith("jdk.")) {
                out.append("\n  at ").append(frame);
                kept++;
            }
        }
        return out.toString();
    }

    /** The failure that ended the test. */
    public void failure(String message) {
        record(-1, Kind.FAILURE, 0, message);
    }

    // ---- the peers ----

    /** Peer {@code peer} as the tester should hold it: its answers to the tester are recorded. */
    public RaftPeer observe(int peer, RaftPeer raft) {
        return raft == null || !on ? raft : new ObservedPeer(peer, raft, this);
    }

    /** What peer {@code peer} put on its apply queue, as the tester took it. */
    public void applied(int peer, ApplyMsg m) {
        if (m.commandValid()) {
            mark(peer, Kind.APPLY, m.commandIndex(), null, "%s", new Object[] {m.command()});
        } else if (m.snapshotValid()) {
            mark(peer, Kind.SNAPSHOT_APPLIED, m.snapshotIndex(), null, null, null);
        }
    }

    /** A student's debug line; kept as a format and formatted only if a page is written. */
    public void debug(int peer, Topic topic, String format, Object[] args) {
        mark(peer, Kind.DEBUG, 0, topic, format, args);
    }

    void state(int peer, int term, boolean leader) {
        record(peer, Kind.STATE, term, leader ? "leader" : "follower");
    }

    void record(int peer, Kind kind, long value, String text) {
        if (!on) {
            return;
        }
        story.add(new Event(sequence.getAndIncrement(), System.nanoTime() - startNanos, peer, kind, value, null,
                text, null));
    }

    private void mark(int peer, Kind kind, long value, Topic topic, String text, Object[] args) {
        if (!on) {
            return;
        }
        marks.add(new Event(sequence.getAndIncrement(), System.nanoTime() - startNanos, peer, kind, value, topic,
                text, args));
    }

    // ---- the end ----

    /** Stops sampling and debug intake; the events stay readable. */
    public void close() {
        ScheduledFuture<?> s = sampling;
        if (s != null) {
            s.cancel(false);
        }
        Sampler last = sampler;
        if (last != null) {
            last.run();
        }
        Timelines.closed(this);
    }

    /** What was recorded so far, both rings merged in order. */
    public Recording recording() {
        List<Event> all = new ArrayList<>(story.snapshot());
        all.addAll(marks.snapshot());
        all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return new Recording(title, peers, startMillis, all, story.dropped(), marks.dropped());
    }
}
