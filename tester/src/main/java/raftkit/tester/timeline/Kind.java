package raftkit.tester.timeline;

/** What an {@link Event} records; each prints in the page's data as its {@link #code}. */
public enum Kind {
    /** The test's {@code begin(title)}; text is the title. */
    BEGIN("begin"),
    /** The test reached {@code end()} without failing. */
    PASSED("passed"),
    /** A check started; value is its window id, text its call, e.g. {@code checkOneLeader()}. */
    CHECK_BEGIN("check"),
    /** A check finished; value is its window id, text its result. */
    CHECK_OK("ok"),
    /** A check failed; value is its window id, text the failure message. */
    CHECK_FAILED("failed"),
    /** The tester connected a peer. */
    CONNECT("connect"),
    /** The tester disconnected a peer. */
    DISCONNECT("disconnect"),
    /** The tester crashed a peer (its persister is kept). */
    CRASH("crash"),
    /** The tester started or restarted a peer. */
    RESTART("restart"),
    /** The network's reliability changed; value 1 is unreliable, 0 reliable. */
    UNRELIABLE("unreliable"),
    /** Long reordering of replies switched; value 1 on, 0 off. */
    LONG_REORDERING("reordering"),
    /** A getState() or start() answer; value is the term, text "leader" or "follower". */
    STATE("state"),
    /** A command the peer applied; value is its index, text the command. */
    APPLY("apply"),
    /** A snapshot the peer put on its apply queue; value is its last index. */
    SNAPSHOT_APPLIED("snapshot-applied"),
    /** The tester asked the peer to snapshot up to value. */
    SNAPSHOT("snapshot"),
    /** The size of the peer's persisted Raft state changed; value is bytes. */
    PERSISTED("persisted"),
    /** RPCs the peer's server received in the last sampling interval (value). */
    RPCS("rpcs"),
    /** Bytes the whole network carried in the last sampling interval (value). */
    BYTES("bytes"),
    /** The test reached its time limit (what follows is the closing of its config). */
    TIMED_OUT("timed-out"),
    /** A peer thread the timeout report found blocked or deadlocked; text is the thread and where it waits. */
    STUCK("stuck"),
    /** A student debug line; text is the formatted line, topic its topic. */
    DEBUG("debug"),
    /** The test failed; text is the message. */
    FAILURE("failure");

    private final String code;

    Kind(String code) {
        this.code = code;
    }

    /** The name the page's script knows this kind by. */
    public String code() {
        return code;
    }
}
