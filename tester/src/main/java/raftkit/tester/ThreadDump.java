package raftkit.tester;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A jstack-like dump of every thread with its whole stack, the locks each holds and the owner of the lock each
 * waits for, plus the deadlocks the JVM can prove. {@link ThreadInfo#toString()} is not used: it cuts stacks at
 * eight frames.
 */
final class ThreadDump {

    /** Ids of the deadlocked threads already reported. */
    private static final Set<Long> REPORTED = new HashSet<>();

    private ThreadDump() {
    }

    /** Every live thread. */
    static String allThreads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return format(mx.dumpAllThreads(mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported()));
    }

    /**
     * The threads in a deadlock cycle (monitors or {@code java.util.concurrent} locks), empty when there is none.
     * A thread blocked on a queue (e.g. {@code put} on the apply queue while holding its lock) is not a cycle the
     * JVM can see: the full dump shows those.
     */
    static ThreadInfo[] deadlocked() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.isSynchronizerUsageSupported() ? mx.findDeadlockedThreads() : mx.findMonitorDeadlockedThreads();
        if (ids == null) {
            return new ThreadInfo[0];
        }
        return Arrays.stream(mx.getThreadInfo(ids, true, true)).filter(Objects::nonNull).toArray(ThreadInfo[]::new);
    }

    /**
     * The deadlocked threads not reported before in this JVM. A deadlocked thread never ends, so without this
     * every later timeout would blame the first test's deadlock again.
     */
    static ThreadInfo[] newlyDeadlocked() {
        ThreadInfo[] found = deadlocked();
        synchronized (REPORTED) {
            ThreadInfo[] fresh = Arrays.stream(found).filter(t -> !REPORTED.contains(t.getThreadId()))
                    .toArray(ThreadInfo[]::new);
            Arrays.stream(fresh).forEach(t -> REPORTED.add(t.getThreadId()));
            return fresh;
        }
    }

    /**
     * Threads waiting to hand an element to a queue ({@code put} or {@code offer} on a {@code java.util.concurrent}
     * queue) while holding a lock: the lab's classic deadlock when the queue is the apply queue, which the JVM's
     * deadlock search cannot see.
     */
    static ThreadInfo[] blockedInQueueHoldingLocks() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return Arrays.stream(mx.dumpAllThreads(mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported()))
                .filter(t -> t.getLockedMonitors().length > 0 || takenSynchronizers(t).findAny().isPresent())
                .filter(t -> queuePut(t.getStackTrace()) != null)
                .toArray(ThreadInfo[]::new);
    }

    /**
     * The frame where a thread waits to put on a queue, or null. In a peer host the apply queue is a
     * {@link RemoteApplyQueue}, which waits for the tester's own queue to take the message.
     */
    static StackTraceElement queuePut(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            String method = frame.getMethodName();
            boolean queue = type.startsWith("java.util.concurrent.") && type.endsWith("Queue")
                    || type.equals(RemoteApplyQueue.class.getName());
            if (queue && (method.equals("put") || method.equals("offer") || method.equals("transfer"))) {
                return frame;
            }
        }
        return null;
    }

    /** What a thread holds: its monitors and {@code java.util.concurrent} locks. */
    static String held(ThreadInfo info) {
        return Stream.concat(Arrays.stream(info.getLockedMonitors()), takenSynchronizers(info))
                .map(LockInfo::toString).collect(Collectors.joining(", "));
    }

    /**
     * The {@code java.util.concurrent} locks a thread took, leaving out the one a pool's worker holds while it runs
     * any task: that one is the pool's, not a lock the task's code took.
     */
    private static Stream<LockInfo> takenSynchronizers(ThreadInfo info) {
        return Arrays.stream(info.getLockedSynchronizers())
                .filter(lock -> !lock.getClassName().equals("java.util.concurrent.ThreadPoolExecutor$Worker"));
    }

    /** The given threads in the same form as the full dump. */
    static String format(ThreadInfo[] threads) {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : threads) {
            appendThread(out, info);
        }
        return out.toString();
    }

    private static void appendThread(StringBuilder out, ThreadInfo info) {
        out.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
                .append(info.isDaemon() ? " daemon" : "").append(' ').append(info.getThreadState());
        if (info.getLockName() != null) {
            out.append(" on ").append(info.getLockName());
            if (info.getLockOwnerName() != null) {
                out.append(" owned by \"").append(info.getLockOwnerName()).append("\" #").append(info.getLockOwnerId());
            }
        }
        out.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int depth = 0; depth < stack.length; depth++) {
            out.append("\tat ").append(stack[depth]).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    out.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            out.append("\tLocked synchronizers: ").append(Arrays.toString(synchronizers)).append('\n');
        }
        out.append('\n');
    }
}
