package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec: what round-trips, what it refuses clearly, and how compact it is. */
class CodecTest {

    /** A log entry as a student writes it. */
    record Entry(int term, Object command) {
    }

    /** Raft-like persistent state: a record holding a list of records. */
    record State(int currentTerm, int votedFor, List<Entry> log) {
    }

    enum Role { FOLLOWER, CANDIDATE, LEADER }

    private static <T> T roundTrip(T value, Class<T> type) {
        return Codec.decode(Codec.encode(value), type);
    }

    @Test
    void when_common_values_encoded_then_they_decode_equal() {
        assertEquals(42, roundTrip(42, Integer.class));
        assertEquals(1L << 40, roundTrip(1L << 40, Long.class));
        assertEquals("héllo", roundTrip("héllo", String.class));
        assertEquals(Role.LEADER, roundTrip(Role.LEADER, Role.class));
        assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(new byte[] {1, 2, 3}, byte[].class));
        assertEquals(new ArrayList<>(List.of(1, 2)), roundTrip(new ArrayList<>(List.of(1, 2)), ArrayList.class));
        Map<String, Integer> map = new HashMap<>(Map.of("a", 1, "b", 2));
        assertEquals(map, roundTrip(map, Map.class));
        assertNull(roundTrip(null, String.class));
    }

    @Test
    void when_records_nest_lists_then_they_round_trip() {
        State state = new State(3, 1, List.of(new Entry(0, null), new Entry(1, "x"), new Entry(3, 42)));
        assertEquals(state, roundTrip(state, State.class));
        State copied = new State(3, -1, List.copyOf(new ArrayList<>(state.log())));
        assertEquals(copied, roundTrip(copied, State.class));
    }

    @Test
    void when_jdk_list_views_encoded_then_they_decode_as_equal_lists() {
        List<Integer> base = new ArrayList<>(List.of(1, 2, 3, 4, 5));
        for (List<Integer> view : List.<List<Integer>>of(Collections.unmodifiableList(base), base.subList(1, 4),
                List.of(1, 2, 3).subList(0, 2), java.util.Arrays.asList(7, 8), Collections.synchronizedList(base),
                Collections.<Integer>emptyList(), Collections.singletonList(9))) {
            assertEquals(view, roundTrip(view, List.class), "view " + view.getClass().getName());
        }
    }

    @Test
    void when_bytes_hold_another_type_then_decode_names_both() {
        byte[] bytes = Codec.encode("text");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codec.decode(bytes, Integer.class));
        assertTrue(e.getMessage().contains("java.lang.Integer") && e.getMessage().contains("java.lang.String"),
                e.getMessage());
    }
}
