package raftkit.tester;

import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import raftkit.tester.timeline.StuckThread;

/**
 * What a time-out found in one JVM: every thread's stack, the threads in a new deadlock, and the threads waiting
 * to put on a queue while holding a lock. Plain values, so the tester can merge its own with its peer host's.
 */
record HungThreads(String dump, String deadlockDump, List<StuckThread> deadlocked,
                   List<StuckThread> queueBlocked) {

    /** This JVM's threads, now. */
    static HungThreads here() {
        ThreadInfo[] dead = ThreadDump.newlyDeadlocked();
        return new HungThreads(ThreadDump.allThreads(), ThreadDump.format(dead), stuck(dead),
                stuck(ThreadDump.blockedInQueueHoldingLocks()));
    }

    /** Both JVMs' findings, this one's first; {@code other}'s dumps follow under {@code heading}. */
    HungThreads and(HungThreads other, String heading) {
        List<StuckThread> dead = new ArrayList<>(deadlocked);
        dead.addAll(other.deadlocked);
        List<StuckThread> blocked = new ArrayList<>(queueBlocked);
        blocked.addAll(other.queueBlocked);
        String otherDeadlocks = other.deadlockDump.isEmpty() ? "" : heading + "\n" + other.deadlockDump;
        return new HungThreads(dump + heading + "\n" + other.dump, deadlockDump + otherDeadlocks, dead, blocked);
    }

    private static List<StuckThread> stuck(ThreadInfo[] threads) {
        return Arrays.stream(threads).map(HungThreads::stuck).toList();
    }

    private static StuckThread stuck(ThreadInfo info) {
        StackTraceElement put = ThreadDump.queuePut(info.getStackTrace());
        // a peer host's apply queue stands for the tester's SynchronousQueue, and is named so, as in-process
        String queue = put == null ? null : put.getClassName().equals(RemoteApplyQueue.class.getName())
                ? "SynchronousQueue" : put.getClassName().substring(put.getClassName().lastIndexOf('.') + 1);
        String waitsIn = put == null ? null : queue + "." + put.getMethodName();
        return new StuckThread(info.getThreadName(), info.getLockName(), info.getLockOwnerName(), waitsIn,
                ThreadDump.held(info), Arrays.stream(info.getStackTrace()).map(String::valueOf).toList());
    }
}
