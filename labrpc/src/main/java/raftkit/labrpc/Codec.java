package raftkit.labrpc;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;

/**
 * The one serializer of the kit: every RPC's args and reply cross the network as bytes, and Raft encodes its
 * persistent state with it too, so byte counts compare with the lab's.
 *
 * <p>It is Kryo 5 without registration: records (also nested ones), primitives and their boxes, strings, arrays,
 * enums, {@code ArrayList}/{@code HashMap} and friends, and the JDK's immutable and unmodifiable collections
 * ({@code List.of}, {@code List.copyOf}, {@code Collections.unmodifiableList}, {@code subList} views) all round-trip.
 * Views decode as plain lists, sets and maps (unmodifiable ones stay unmodifiable). Like the lab's labgob it warns
 * once per type, on standard error with the prefix {@code labrpc warning:}, about what it cannot carry faithfully;
 * {@link #warningCount()} counts those warnings. Thread-safe: Kryo instances are pooled.
 */
public final class Codec {

    static {
        // Kryo's optional sun.misc.Unsafe paths make JDK 24+ print a deprecation warning in every student's run;
        // Kryo's own switch turns them off (before its first class loads). Plain reflection is fast enough here.
        if (System.getProperty("kryo.unsafe") == null) {
            System.setProperty("kryo.unsafe", "false");
        }
    }

    /** Deep enough for any Raft message or state; a cyclic object graph fails here instead of overflowing. */
    private static final int MAX_DEPTH = 256;

    private static final Pool<Coder> POOL = new Pool<>(true, false, 64) {
        @Override
        protected Coder create() {
            return new Coder();
        }
    };

    private Codec() {
    }

    /** Encodes a value (records, primitives and boxes, strings, arrays, lists, maps, enums, null). */
    public static byte[] encode(Object value) {
        Coder coder = POOL.obtain();
        try {
            coder.output.reset();
            coder.kryo.writeClassAndObject(coder.output, value);
            return coder.output.toBytes();
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("labrpc: cannot encode a " + typeName(value) + ": " + oneLine(e), e);
        } finally {
            POOL.free(coder);
        }
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws IllegalArgumentException if the bytes do not hold a {@code type} (the message names both types)
     */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        Object value = decodeAny(bytes, type);
        Class<?> boxed = Types.box(type);
        if (value != null && !boxed.isInstance(value)) {
            throw new IllegalArgumentException("labrpc: cannot decode a " + type.getName() + ": the bytes hold a "
                    + value.getClass().getName());
        }
        @SuppressWarnings("unchecked")
        T result = (T) value;
        return result;
    }

    /** How many {@code labrpc warning:} lines the codec has printed (each type is reported once). */
    public static int warningCount() {
        return CodecWarnings.count();
    }

    private static Object decodeAny(byte[] bytes, Class<?> type) {
        Coder coder = POOL.obtain();
        try {
            coder.input.setBuffer(bytes);
            return coder.kryo.readClassAndObject(coder.input);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("labrpc: cannot decode a " + type.getName() + ": " + oneLine(e), e);
        } finally {
            coder.input.setBuffer(new byte[0]);
            POOL.free(coder);
        }
    }

    /** Kryo appends its serialization trace on new lines; a user error gets one line. */
    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.strip().replaceAll(":?\\s*\\R\\s*", "; ");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** One Kryo with its buffers; Kryo is not thread-safe, so each is used by one thread at a time. */
    private static final class Coder {
        final Kryo kryo = KryoSetup.newKryo(MAX_DEPTH);
        final Output output = new Output(256, -1);
        final Input input = new Input();
    }
}
