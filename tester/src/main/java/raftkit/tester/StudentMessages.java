package raftkit.tester;

import java.util.Map;
import raftkit.labrpc.Codec;

/**
 * The student's RPC records as part 3X handles them: checked, built from Figure 2 names and values, and read back,
 * all as the bytes the network carries. {@link #local} does it in this JVM; a peer host does it where the
 * student's classes are, so building a record (the student's constructor) never runs in the tester's JVM.
 */
interface StudentMessages {

    /** Checks the handler of {@code rpc} and its records; fails with a message naming what is missing. */
    void check(Rpc rpc);

    /** The encoded args ({@code reply} false) or reply record of {@code rpc}; other components get defaults. */
    byte[] build(Rpc rpc, boolean reply, Map<String, Object> values);

    /** Reads an encoded args or reply record of {@code rpc}. */
    Message read(Rpc rpc, boolean reply, byte[] encoded);

    /** The records of {@code raftClass}, handled in this JVM. */
    static StudentMessages local(Class<?> raftClass) {
        MessageShapes shapes = MessageShapes.of(raftClass);
        return new StudentMessages() {
            @Override
            public void check(Rpc rpc) {
                shapes.handler(rpc);
            }

            @Override
            public byte[] build(Rpc rpc, boolean reply, Map<String, Object> values) {
                return Codec.encode(reply ? shapes.reply(rpc, values) : shapes.args(rpc, values));
            }

            @Override
            public Message read(Rpc rpc, boolean reply, byte[] encoded) {
                Class<?> type = reply ? shapes.replyType(rpc) : shapes.argsType(rpc);
                return Message.of(Codec.decode(encoded, type));
            }
        };
    }
}
