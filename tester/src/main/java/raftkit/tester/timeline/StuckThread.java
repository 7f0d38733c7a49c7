package raftkit.tester.timeline;

import java.util.List;

/**
 * A thread a time-out found stuck, as plain values, so that a peer host can report its own threads to the tester.
 *
 * @param name      the thread's name, e.g. {@code raft-2-applier}
 * @param lockName  the lock it waits for, or null
 * @param lockOwner the thread holding that lock, or null
 * @param waitsIn   the queue method it waits in, e.g. {@code SynchronousQueue.put}, or null
 * @param held      the locks it holds, as text
 * @param frames    its stack, innermost first, one {@code StackTraceElement} text each
 */
public record StuckThread(String name, String lockName, String lockOwner, String waitsIn, String held,
                          List<String> frames) {
}
