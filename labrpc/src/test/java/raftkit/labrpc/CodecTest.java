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

    /** A class (not a record) with a field the codec must warn about. */
    static final class WithTransient {
        int kept = 1;
        transient int lost = 2;
    }

    /** A peer-like object that holds machinery. */
    static final class WithLock {
        int term;
        final java.util.concurrent.locks.ReentrantLock mu = new java.util.concurrent.locks.ReentrantLock();
    }

    /** An inner (non-static) class: it hides a link to its enclosing CodecTest. */
    final class Inner {
        int x = 5;
    }

    /** Final fields and no no-arg constructor. */
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    @Test
    void when_type_cannot_be_carried_faithfully_then_warned_once_per_type() {
        int before = Codec.warningCount();
        WithTransient sent = new WithTransient();
        sent.kept = 7;
        sent.lost = 7;
        WithTransient t = roundTrip(sent, WithTransient.class);
        assertEquals(7, t.kept);
        assertEquals(2, t.lost, "a transient field is not carried: the copy keeps its initial value");
        assertEquals(before + 1, Codec.warningCount(), "no warning about a transient field");
        roundTrip(new WithTransient(), WithTransient.class);
        assertEquals(before + 1, Codec.warningCount(), "a type must be reported once");

        assertThrows(IllegalArgumentException.class, () -> Codec.encode(new WithLock()));
        assertEquals(before + 2, Codec.warningCount(), "no warning about a lock field");

        Codec.encode(new Inner());
        assertEquals(before + 3, Codec.warningCount(), "no warning about an inner class");

        Runnable lambda = () -> { };
        assertThrows(IllegalArgumentException.class, () -> Codec.decode(Codec.encode(lambda), Runnable.class));
        assertEquals(before + 4, Codec.warningCount(), "no warning about a lambda");
    }

    @Test
    void when_class_has_final_fields_and_no_default_constructor_then_it_round_trips() {
        Point p = roundTrip(new Point(3, 4), Point.class);
        assertEquals(3, p.x);
        assertEquals(4, p.y);
    }

    @Test
    void when_view_decoded_then_unmodifiable_stays_unmodifiable_and_others_are_mutable() {
        List<Integer> base = new ArrayList<>(List.of(1, 2, 3));
        List<?> frozen = roundTrip(Collections.unmodifiableList(base), List.class);
        assertThrows(UnsupportedOperationException.class, () -> frozen.remove(0));
        List<?> immutable = roundTrip(List.copyOf(base), List.class);
        assertThrows(UnsupportedOperationException.class, () -> immutable.remove(0));
        @SuppressWarnings("unchecked")
        List<Integer> sub = roundTrip(base.subList(0, 2), List.class);
        sub.add(9);
        assertEquals(List.of(1, 2, 9), sub);
        assertEquals(Map.of("a", 1), roundTrip(Map.of("a", 1), Map.class));
        assertEquals(java.util.Set.of(1, 2), roundTrip(Collections.unmodifiableSet(new java.util.HashSet<>(
                java.util.Set.of(1, 2))), java.util.Set.class));
    }

    @Test
    void when_encoded_then_compact() {
        String s284 = "x".repeat(284);
        assertTrue(Codec.encode(s284).length <= 284 + 4, "a string costs its characters plus a few bytes");
        assertTrue(Codec.encode(107).length <= 3, "a small int costs a couple of bytes");
        int entry = Codec.encode(new Entry(3, 7)).length;
        assertTrue(entry <= 48, "a small record costs its class name and fields, got " + entry);
    }

    @Test
    void when_bytes_are_garbage_or_graph_is_cyclic_then_a_clear_error() {
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> Codec.decode(new byte[] {(byte) 0x7f, 1, 2}, State.class));
        assertTrue(garbage.getMessage().startsWith("labrpc: cannot decode a " + State.class.getName()),
                garbage.getMessage());
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Codec.encode(cyclic)).getMessage()
                .startsWith("labrpc: cannot encode a java.util.ArrayList"));
    }
}
