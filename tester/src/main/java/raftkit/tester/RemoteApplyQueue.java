package raftkit.tester;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import raftkit.labrpc.Codec;
import raftkit.raft.api.ApplyMsg;

/**
 * A peer's apply queue in the peer host: {@code put} hands the message to the tester's queue and returns only once
 * the tester's applier took it, as a {@code SynchronousQueue} does in-process (so a put under a lock blocks the
 * same way, and the tester may call {@code snapshot} from its applier meanwhile). Only the tester takes from it.
 */
final class RemoteApplyQueue extends AbstractQueue<ApplyMsg> implements BlockingQueue<ApplyMsg> {

    private final PeerHostMain.Link link;
    private final int incarnation;

    RemoteApplyQueue(PeerHostMain.Link link, int incarnation) {
        this.link = link;
        this.incarnation = incarnation;
    }

    @Override
    public void put(ApplyMsg message) throws InterruptedException {
        hand(message, 0, 0);
    }

    @Override
    public boolean offer(ApplyMsg message, long timeout, TimeUnit unit) throws InterruptedException {
        return hand(message, 1, (int) Math.min(Integer.MAX_VALUE, Math.max(0, unit.toMillis(timeout))));
    }

    @Override
    public boolean offer(ApplyMsg message) {
        try {
            return hand(message, 1, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean hand(ApplyMsg message, int how, int waitMillis) throws InterruptedException {
        if (message == null) {
            throw new NullPointerException("ApplyMsg is null");
        }
        Frame reply = link.call(Frame.request(Frame.Type.APPLY, incarnation).withNumbers(how, waitMillis, 0)
                .withData(Codec.encode(message), null));
        return reply.c() != 0;
    }

    @Override
    public ApplyMsg take() {
        throw new UnsupportedOperationException("only the tester takes from the apply queue");
    }

    @Override
    public ApplyMsg poll(long timeout, TimeUnit unit) {
        return null;
    }

    @Override
    public ApplyMsg poll() {
        return null;
    }

    @Override
    public ApplyMsg peek() {
        return null;
    }

    @Override
    public int remainingCapacity() {
        return 0;
    }

    @Override
    public int drainTo(Collection<? super ApplyMsg> c) {
        return 0;
    }

    @Override
    public int drainTo(Collection<? super ApplyMsg> c, int maxElements) {
        return 0;
    }

    @Override
    public Iterator<ApplyMsg> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public int size() {
        return 0;
    }
}
