package raftkit.labrpc;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The loader of the kit's own classes, whose Kryo instances serve every peer that runs in the tester's JVM. */
    private static final ClassLoader KIT = Codec.class.getClassLoader();
    private static final Pool<Coder> POOL = newPool(KIT);
    /**
     * Pools of the class loaders below the kit's: in a peer host each peer incarnation has a loader of its own, and
     * its classes have the same names as every other incarnation's, so a Kryo, which remembers the class it found
     * for a name, serves one loader only.
     */
    private static final Map<ClassLoader, Pool<Coder>> BELOW_KIT = new ConcurrentHashMap<>();

    private Codec() {
    }

    /** Encodes a value (records, primitives and boxes, strings, arrays, lists, maps, enums, null). */
    public static byte[] encode(Object value) {
        Pool<Coder> pool = poolFor(value == null ? null : value.getClass());
        Coder coder = pool.obtain();
        try {
            coder.output.reset();
            coder.kryo.writeClassAndObject(coder.output, value);
            return coder.output.toBytes();
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("labrpc: cannot encode a " + typeName(value) + ": " + oneLine(e), e);
        } finally {
            pool.free(coder);
        }
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws IllegalArgumentException if the bytes do not hold a {@code type} (the message names both types)
     */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        Object value = decodeAny(bytes, type, poolFor(type));
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

    /**
     * Decodes bytes whose value should be a {@code type}, without checking it: the caller checks and names the
     * mismatch itself. Classes are looked up as {@code type}'s own loader sees them.
     */
    static Object decodeFor(byte[] bytes, Class<?> type) {
        return decodeAny(bytes, type, poolFor(type));
    }

    /**
     * Drops the codec's instances for {@code loader}, whose peer incarnation has ended (a later use makes new ones).
     * Without this the instances would keep the incarnation's classes, and so its loader, alive.
     */
    public static void forget(ClassLoader loader) {
        BELOW_KIT.remove(loader);
    }

    /**
     * The pool whose Kryo instances find classes as the code using {@code type} sees them: {@code type}'s own
     * loader when that is below the kit's (a peer's class in a peer host), else the thread's context loader when
     * that is below the kit's (a peer host sets it on every thread it runs for a peer), else the kit's.
     */
    private static Pool<Coder> poolFor(Class<?> type) {
        ClassLoader own = type == null ? null : type.getClassLoader();
        ClassLoader loader = isBelowKit(own) ? own : Thread.currentThread().getContextClassLoader();
        if (!isBelowKit(loader)) {
            return POOL;
        }
        return BELOW_KIT.computeIfAbsent(loader, Codec::newPool);
    }

    private static boolean isBelowKit(ClassLoader loader) {
        if (loader == null || loader == KIT) {
            return false;
        }
        for (ClassLoader up = loader.getParent(); up != null; up = up.getParent()) {
            if (up == KIT) {
                return true;
            }
        }
        return false;
    }

    private static Pool<Coder> newPool(ClassLoader loader) {
        return new Pool<>(true, false, 64) {
            @Override
            protected Coder create() {
                return new Coder(loader);
            }
        };
    }

    private static Object decodeAny(byte[] bytes, Class<?> type, Pool<Coder> pool) {
        Coder coder = pool.obtain();
        try {
            coder.input.setBuffer(bytes);
            return coder.kryo.readClassAndObject(coder.input);
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("labrpc: cannot decode a " + type.getName() + ": " + oneLine(e), e);
        } finally {
            coder.input.setBuffer(new byte[0]);
            pool.free(coder);
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

        Coder(ClassLoader loader) {
            kryo.setClassLoader(loader);
        }
    }
}
