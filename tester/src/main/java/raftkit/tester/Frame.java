package raftkit.tester;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One message between the tester and a peer host (see {@link PeerHost}): a type, the id that pairs a request with
 * its reply, the peer incarnation it concerns, three numbers and up to three payloads, whose meaning each
 * {@link Type} gives. On the wire a frame is its length, then its fields; a reader that meets a frame longer than
 * {@link #MAX_BYTES} or cut short stops, so a peer host that writes garbage only ends its own run.
 */
record Frame(Type type, long id, int incarnation, int a, int b, int c, String text, byte[] data, byte[] more) {

    /** Larger than any Raft state, snapshot or message of the graded tests by far. */
    static final int MAX_BYTES = 64 << 20;
    private static final int HEADER_BYTES = 1 + 8 + 4 * 4;

    /** What a frame asks or answers; the side that sends it is in brackets. */
    enum Type {
        /** [tester] make a peer: a = me, b = n, c = config, text = the peer's class, data = its class roots. */
        MAKE,
        /** [tester] start(command): data = the encoded command; the reply has a = index, b = term, c = leader. */
        START,
        /** [tester] getState(): the reply has a = term, c = leader. */
        STATE,
        /** [tester] snapshot(index, bytes): a = index, data = the snapshot. */
        SNAPSHOT,
        /** [tester] kill(): the reply's text is a failure message if kill() hung. */
        KILL,
        /** [tester] run a handler: text = Service.method, data = args; the reply's data is the reply or null. */
        DELIVER,
        /** [tester] the threads a config's killed peers left running: c = config; the reply's text, one a line. */
        LEAKS,
        /** [tester] the peer host's threads at a time-out: the reply's data is an encoded {@link HungThreads}. */
        HUNG,
        /**
         * [tester] part 3X's messages, with c = config: check (a = the Rpc's ordinal), build (b = 1 for a reply,
         * data = the encoded values) or read (data = the encoded record; the reply's data is an encoded Message).
         * A reply with c = 1 carries, in text, the AssertionError a check or build failed with.
         */
        MESSAGE_CHECK,
        MESSAGE_BUILD,
        MESSAGE_READ,
        /** [host] a peer's RPC: a = the end's index, text = Service.method, data = args; reply data or null. */
        CALL,
        /**
         * [host] Persister.save: data = the Raft state, more = the snapshot, or a = 1 and no more when the snapshot
         * is the one this incarnation's last save carried. No reply: the tester applies saves in the order frames
         * come, so anything the peer sends after a save reaches the tester after it.
         */
        SAVE,
        /** [host] a Persister read: a = which ({@link PeerHost#READ_STATE} ...); the reply has data or a. */
        READ,
        /** [host] a put (a = 0) or offer (a = 1, waiting b ms) on the apply queue: data = the encoded ApplyMsg. */
        APPLY,
        /** [host] a Debug.log line: a = the peer, b = the topic's ordinal, text = the formatted line. No reply. */
        DEBUG,
        /** [host] a peer's thread died of an exception: text says which and how. No reply. */
        FAILURE,
        /** [either] the answer to request {@code id}. */
        REPLY,
        /** [either] request {@code id} failed: text is an IllegalArgumentException's message for the caller. */
        ERROR
    }

    static Frame request(Type type, int incarnation) {
        return new Frame(type, 0, incarnation, 0, 0, 0, null, null, null);
    }

    Frame withId(long newId) {
        return new Frame(type, newId, incarnation, a, b, c, text, data, more);
    }

    Frame withNumbers(int newA, int newB, int newC) {
        return new Frame(type, id, incarnation, newA, newB, newC, text, data, more);
    }

    Frame withText(String newText) {
        return new Frame(type, id, incarnation, a, b, c, newText, data, more);
    }

    Frame withData(byte[] newData, byte[] newMore) {
        return new Frame(type, id, incarnation, a, b, c, text, newData, newMore);
    }

    /** An empty reply to this request. */
    Frame reply() {
        return new Frame(Type.REPLY, id, incarnation, 0, 0, 0, null, null, null);
    }

    /** The failure of this request, for the caller to throw as an IllegalArgumentException. */
    Frame error(String message) {
        return new Frame(Type.ERROR, id, incarnation, 0, 0, 0, message, null, null);
    }

    boolean expectsReply() {
        return type != Type.DEBUG && type != Type.FAILURE && type != Type.SAVE && type != Type.REPLY
                && type != Type.ERROR;
    }

    void write(DataOutputStream out) throws IOException {
        byte[] textBytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        long length = HEADER_BYTES + sized(textBytes) + sized(data) + sized(more);
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("a " + type + " frame of " + length + " bytes is larger than the "
                    + MAX_BYTES + " the peer protocol carries");
        }
        out.writeInt((int) length);
        out.writeByte(type.ordinal());
        out.writeLong(id);
        out.writeInt(incarnation);
        out.writeInt(a);
        out.writeInt(b);
        out.writeInt(c);
        writeBytes(out, textBytes);
        writeBytes(out, data);
        writeBytes(out, more);
    }

    /**
     * The next frame, or null at a clean end of the stream (between frames).
     *
     * @throws ProtocolException for a torn or malformed frame
     */
    static Frame read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < HEADER_BYTES || length > MAX_BYTES) {
            throw new ProtocolException("a frame declares " + length + " bytes (from " + HEADER_BYTES + " to "
                    + MAX_BYTES + " are allowed)");
        }
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new ProtocolException("the stream ended inside a frame of " + length + " bytes");
        }
        try (DataInputStream fields = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            int kind = fields.readUnsignedByte();
            if (kind >= Type.values().length) {
                throw new ProtocolException("unknown frame type " + kind);
            }
            Frame frame = new Frame(Type.values()[kind], fields.readLong(), fields.readInt(), fields.readInt(),
                    fields.readInt(), fields.readInt(), null, null, null);
            byte[] textBytes = readBytes(fields, length);
            byte[] data = readBytes(fields, length);
            byte[] more = readBytes(fields, length);
            if (fields.available() != 0) {
                throw new ProtocolException("a " + frame.type + " frame has " + fields.available() + " stray bytes");
            }
            return frame.withText(textBytes == null ? null : new String(textBytes, StandardCharsets.UTF_8))
                    .withData(data, more);
        } catch (EOFException e) {
            throw new ProtocolException("a frame's fields run past its declared length of " + length + " bytes");
        }
    }

    private static long sized(byte[] bytes) {
        return 4L + (bytes == null ? 0 : bytes.length);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in, int frameLength) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > frameLength) {
            throw new ProtocolException("a field declares " + length + " bytes in a frame of " + frameLength);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** The other side broke the protocol: a torn, oversized or malformed frame. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
