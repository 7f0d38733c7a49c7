package raftkit.labrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec's record serializer: Kryo's own record bytes, without reflection per object. */
class RecordSerializerTest {

    /** Every kind of component the serializer treats differently, in an order unlike the sorted one. */
    record Every(int i, long l, boolean b, short s, char c, byte y, float f, double d, String text, byte[] bytes,
            Inner inner, Object any, List<Inner> list) {
    }

    record Inner(int term, Object command) {
    }

    record Empty() {
    }

    private record Hidden(int x) {
    }

    /** A record that checks its components, as a student's compact constructor might. */
    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, got " + value);
            }
        }
    }

    private static final List<Object> SAMPLES = List.of(
            new Every(-1, Long.MIN_VALUE, true, (short) -7, 'é', (byte) 3, 1.5f, -2.25, "héllo", new byte[] {1, 2},
                    new Inner(4, "x"), 42, new ArrayList<>(List.of(new Inner(1, null), new Inner(2, List.of(7))))),
            new Every(Integer.MAX_VALUE, 0, false, (short) 0, '\0', (byte) 0, 0f, 0d, null, null, null, null,
                    List.of()),
            new Inner(0, new Inner(1, new Empty())),
            new Empty(),
            new Hidden(12));

    private static byte[] encode(Kryo kryo, Object value) {
        Output output = new Output(256, -1);
        kryo.writeClassAndObject(output, value);
        return output.toBytes();
    }

    @Test
    void when_records_encoded_then_bytes_equal_kryos_own_record_serializer() {
        SerializerFactory<?> kryos = new SerializerFactory.ReflectionSerializerFactory<>(
                com.esotericsoftware.kryo.serializers.RecordSerializer.class);
        for (Object sample : SAMPLES) {
            byte[] ours = encode(KryoSetup.newKryo(64), sample);
            byte[] theirs = encode(KryoSetup.newKryo(64, kryos), sample);
            assertArrayEquals(theirs, ours, "bytes of " + sample);
        }
    }

    @Test
    void when_records_encoded_then_they_decode_equal() {
        for (Object sample : SAMPLES) {
            Object copy = Codec.decode(Codec.encode(sample), Object.class);
            if (sample instanceof Every every) {
                // arrays compare by identity in a record's equals: check the bytes, then the rest with them shared
                Every got = (Every) copy;
                assertArrayEquals(every.bytes(), got.bytes());
                copy = new Every(got.i(), got.l(), got.b(), got.s(), got.c(), got.y(), got.f(), got.d(), got.text(),
                        every.bytes(), got.inner(), got.any(), got.list());
            }
            assertEquals(sample, copy);
        }
    }

    @Test
    void when_canonical_constructor_rejects_the_bytes_then_decode_names_the_record_and_the_reason() {
        byte[] bytes = Codec.encode(new Positive(1));
        assertEquals(new Positive(1), Codec.decode(bytes, Positive.class));
        bytes[bytes.length - 1] = 0; // the value is the last byte, a varint: 1 becomes 0, which the record refuses
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Codec.decode(bytes, Positive.class));
        assertTrue(e.getMessage().contains(Positive.class.getName())
                && e.getMessage().contains("value must be positive, got 0"), e.getMessage());
    }
}
