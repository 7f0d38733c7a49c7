package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Persister of Go's persister.go: copies in and out, snapshot clearing, independent copies, atomic saves. */
class PersisterTest {

    private static final byte[] EMPTY = new byte[0];

    @Test
    void when_fresh_then_reads_are_empty_arrays_not_null() {
        Persister ps = new Persister();
        assertArrayEquals(EMPTY, ps.readRaftState());
        assertArrayEquals(EMPTY, ps.readSnapshot());
        assertEquals(0, ps.raftStateSize());
        assertEquals(0, ps.snapshotSize());
    }

    @Test
    void when_saved_then_read_back_with_sizes() {
        Persister ps = new Persister();
        ps.save(new byte[] {1, 2, 3}, new byte[] {4, 5});
        assertArrayEquals(new byte[] {1, 2, 3}, ps.readRaftState());
        assertArrayEquals(new byte[] {4, 5}, ps.readSnapshot());
        assertEquals(3, ps.raftStateSize());
        assertEquals(2, ps.snapshotSize());
    }

    @Test
    void when_saved_with_null_or_empty_snapshot_then_snapshot_is_cleared() {
        Persister ps = new Persister();
        ps.save(new byte[] {1}, new byte[] {9, 9});
        ps.save(new byte[] {2}, null);
        assertArrayEquals(EMPTY, ps.readSnapshot(), "a null snapshot must clear the stored one");
        ps.save(new byte[] {3}, new byte[] {9});
        ps.save(new byte[] {4}, EMPTY);
        assertArrayEquals(EMPTY, ps.readSnapshot(), "an empty snapshot must clear the stored one");
        assertEquals(0, ps.snapshotSize());
        ps.save(null, null);
        assertArrayEquals(EMPTY, ps.readRaftState(), "a null state reads back as an empty array");
    }

    @Test
    void when_caller_changes_arrays_then_stored_state_is_unchanged() {
        Persister ps = new Persister();
        byte[] state = {1, 2, 3};
        byte[] snapshot = {4, 5};
        ps.save(state, snapshot);
        state[0] = 100;
        snapshot[0] = 100;
        byte[] read = ps.readRaftState();
        read[1] = 100;
        ps.readSnapshot()[1] = 100;
        assertArrayEquals(new byte[] {1, 2, 3}, ps.readRaftState());
        assertArrayEquals(new byte[] {4, 5}, ps.readSnapshot());
    }

    @Test
    void when_copied_then_later_saves_to_either_do_not_affect_the_other() {
        Persister original = new Persister();
        original.save(new byte[] {1}, new byte[] {2});
        Persister copy = original.copy();
        assertArrayEquals(new byte[] {1}, copy.readRaftState());
        assertArrayEquals(new byte[] {2}, copy.readSnapshot());

        original.save(new byte[] {7, 7}, null);
        assertArrayEquals(new byte[] {1}, copy.readRaftState(), "a save to the original reached the copy");
        assertArrayEquals(new byte[] {2}, copy.readSnapshot());
        copy.save(new byte[] {8}, new byte[] {8});
        assertArrayEquals(new byte[] {7, 7}, original.readRaftState(), "a save to the copy reached the original");
        assertArrayEquals(EMPTY, original.readSnapshot());
    }

    /** Save stores both arrays in one step: a reader never sees a state from one save and a snapshot of another. */
    @Test
    void when_saved_concurrently_then_state_and_snapshot_always_match() throws Exception {
        Persister ps = new Persister();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        byte b = (byte) (writer * 100 + i % 100);
                        ps.save(new byte[] {b, b}, new byte[] {b});
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        Persister snap = ps.copy();
                        byte[] state = snap.readRaftState();
                        byte[] snapshot = snap.readSnapshot();
                        if (state.length > 0) {
                            assertEquals(state[0], snapshot[0], "state and snapshot from different saves");
                            assertEquals(2, snap.raftStateSize());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
