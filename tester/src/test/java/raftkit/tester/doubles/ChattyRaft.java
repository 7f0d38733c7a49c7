package raftkit.tester.doubles;

import java.util.concurrent.BlockingQueue;
import raftkit.labrpc.ClientEnd;
import raftkit.labrpc.Persister;
import raftkit.raft.api.ApplyMsg;
import raftkit.raft.api.PeerState;
import raftkit.raft.api.RaftPeer;
import raftkit.raft.api.StartResult;

/**
 * A Raft double that only makes traffic: each {@code start()} pings every other peer once, on the caller's thread,
 * and returns how many pings got a reply as its "index".
 */
public final class ChattyRaft implements RaftPeer {

    /** The args of a ping. */
    public record Ping(int from) {
    }

    /** The reply to a ping. */
    public record Pong(int to) {
    }

    private final ClientEnd[] peers;
    private final int me;

    public ChattyRaft(ClientEnd[] peers, int me, Persister persister, BlockingQueue<ApplyMsg> applyCh) {
        this.peers = peers;
        this.me = me;
    }

    /** The RPC handler. */
    public Pong ping(Ping args) {
        return new Pong(me);
    }

    @Override
    public StartResult start(Object command) {
        int replies = 0;
        for (int i = 0; i < peers.length; i++) {
            if (i != me && peers[i].call("ChattyRaft.ping", new Ping(me), Pong.class).isPresent()) {
                replies++;
            }
        }
        return new StartResult(replies, 0, false);
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
    }
}
