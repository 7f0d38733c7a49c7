package raftkit.tester.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePeersTest {

    @Test
    void when_a_timeout_names_blocked_threads_then_their_peers_are_stuck() {
        String message = "test took longer than 120 seconds (test testX, seed 1)\n"
                + "  blocked: \"raft-2-applier\" waits in SynchronousQueue.put while holding a lock\n"
                + "  deadlock: \"raft-0-ticker\" waits for a lock held by \"raft-0-heartbeat\"";
        assertEquals(List.of(2, 0), FailurePeers.in(message, 3).stream().map(FailurePeers.Named::peer).toList());
        assertEquals(List.of(true, true), FailurePeers.in(message, 3).stream().map(FailurePeers.Named::stuck).toList());
    }

    @Test
    void when_a_go_message_names_a_server_then_that_peer_is_named_not_stuck() {
        List<FailurePeers.Named> named = FailurePeers.in(
                "expected no leader among connected servers, but 1 claims to be leader", 3);
        assertEquals(List.of(new FailurePeers.Named(1, false,
                "expected no leader among connected servers, but 1 claims to be leader")), named);
        assertEquals(List.of(4), FailurePeers.in("apply error: server 4 apply out of order 7", 5).stream()
                .map(FailurePeers.Named::peer).toList());
    }

    @Test
    void when_a_number_is_not_a_peer_of_the_test_then_it_is_not_named() {
        assertEquals(List.of(), FailurePeers.in("server 9 apply out of order 3", 3));
        assertEquals(List.of(), FailurePeers.in("expected one leader, got none", 3));
        assertEquals(List.of(), FailurePeers.in(null, 3));
    }
}
