package raftkit.tester.doubles;

import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A Raft double that does its work with {@code CompletableFuture.runAsync} and no executor, as a correct Raft may:
 * a burst of short tasks when made (enough to make the common pool start workers, inside the peer's thread group)
 * and, as its ticker stops at kill(), one task from the ticker that is still finishing when the leak check looks.
 */
public final class AsyncRaft implements RaftPeer {

    /** How long the task started at kill() runs: past the tester's grace for a killed peer's threads. */
    public static final long STRAGGLER_MILLIS = 3000;
    /** Every thread a task of any AsyncRaft ran on. */
    public static final Queue<Thread> TASK_THREADS = new ConcurrentLinkedQueue<>();

    private final Thread ticker;

    public AsyncRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        CompletableFuture<?>[] burst = new CompletableFuture<?>[8];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = CompletableFuture.runAsync(() -> work(50));
        }
        CompletableFuture.allOf(burst).join();
        ticker = new Thread(AsyncRaft::tick, "raft-" + me + "-ticker");
        ticker.start();
    }

    /** Waits for kill(), then hands one last task to the pool on its way out. */
    private static void tick() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            CompletableFuture.runAsync(() -> work(STRAGGLER_MILLIS));
        }
    }

    private static void work(long millis) {
        TASK_THREADS.add(Thread.currentThread());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public StartResult start(Object command) {
        return new StartResult(-1, 0, false);
    }

    @Override
    public PeerState getState() {
        return new PeerState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {
    }

    @Override
    public void kill() {
        ticker.interrupt();
    }
}
