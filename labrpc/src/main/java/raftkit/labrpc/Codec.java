package raftkit.labrpc;

/**
 * The one serializer of the kit: every RPC's args and reply cross the network as bytes, and Raft encodes its
 * persistent state with it too, so byte counts compare with the lab's.
 */
public final class Codec {

    private Codec() {
    }

    /** Encodes a value (records, primitives and boxes, strings, arrays, lists, maps, enums, null). */
    public static byte[] encode(Object value) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Decodes bytes written by {@link #encode}. */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
