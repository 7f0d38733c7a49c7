package raftkit.labrpc;

import java.util.ArrayList;
import java.util.List;

/** The Go labrpc test's JunkServer: handlers that log their args, one that hangs, and a few shapes of reply. */
public final class JunkServer {

    final List<String> log1 = new ArrayList<>();
    final List<Integer> log2 = new ArrayList<>();

    /** Args of handler4 and handler5 (Go: JunkArgs). */
    public record JunkArgs(int x) {
    }

    /** Reply of handler4 and handler5 (Go: JunkReply). */
    public record JunkReply(String x) {
    }

    public int handler1(String args) {
        synchronized (this) {
            log1.add(args);
        }
        return Integer.parseInt(args);
    }

    public String handler2(int args) {
        synchronized (this) {
            log2.add(args);
        }
        return "handler2-" + args;
    }

    /** Holds the lock and sleeps 20 s, like Go's Handler3. */
    public int handler3(int args) throws InterruptedException {
        synchronized (this) {
            Thread.sleep(20_000);
        }
        return -args;
    }

    public JunkReply handler4(JunkArgs args) {
        return new JunkReply("pointer");
    }

    public JunkReply handler5(JunkArgs args) {
        return new JunkReply("no pointer");
    }

    public int handler6(String args) {
        return args.length();
    }

    public String handler7(int args) {
        return "y".repeat(args);
    }

    synchronized int log2Size() {
        return log2.size();
    }
}
