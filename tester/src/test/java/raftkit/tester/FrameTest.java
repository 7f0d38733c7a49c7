package raftkit.tester;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The peer protocol's framing: what is written reads back, and a torn or lying frame stops the reader. */
class FrameTest {

    private static byte[] written(Frame... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Frame frame : frames) {
            frame.write(out);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream reading(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    void when_a_frame_is_written_then_every_field_reads_back() throws IOException {
        Frame sent = Frame.request(Frame.Type.CALL, 7).withId(42).withNumbers(1, -2, 3).withText("Raft.requestVote é")
                .withData(new byte[] {1, 2, 3}, new byte[0]);
        DataInputStream in = reading(written(sent, Frame.request(Frame.Type.STATE, 8)));

        Frame got = Frame.read(in);
        assertEquals(Frame.Type.CALL, got.type());
        assertEquals(42, got.id());
        assertEquals(7, got.incarnation());
        assertEquals(1, got.a());
        assertEquals(-2, got.b());
        assertEquals(3, got.c());
        assertEquals("Raft.requestVote é", got.text());
        assertArrayEquals(new byte[] {1, 2, 3}, got.data());
        assertArrayEquals(new byte[0], got.more());
        Frame second = Frame.read(in);
        assertEquals(Frame.Type.STATE, second.type());
        assertNull(second.text(), "null stays null");
        assertNull(second.data());
        assertNull(Frame.read(in), "a clean end between frames");
    }

    @Test
    void when_the_stream_ends_inside_a_frame_then_the_reader_says_so() throws IOException {
        byte[] whole = written(Frame.request(Frame.Type.SAVE, 1).withData(new byte[100], null));
        byte[] torn = Arrays.copyOf(whole, whole.length - 10);

        Frame.ProtocolException e = assertThrows(Frame.ProtocolException.class, () -> Frame.read(reading(torn)));
        assertTrue(e.getMessage().startsWith("the stream ended inside a frame of"), e.getMessage());
    }

    @Test
    void when_a_frame_declares_more_than_the_limit_then_nothing_is_allocated_for_it() {
        byte[] lying = ByteBuffer.allocate(4).putInt(Frame.MAX_BYTES + 1).array();

        Frame.ProtocolException e = assertThrows(Frame.ProtocolException.class, () -> Frame.read(reading(lying)));
        assertTrue(e.getMessage().contains("declares " + (Frame.MAX_BYTES + 1) + " bytes"), e.getMessage());
    }

    @Test
    void when_a_field_runs_past_its_frame_then_the_frame_is_refused() throws IOException {
        byte[] bytes = written(Frame.request(Frame.Type.DEBUG, 1).withText("hello"));
        // the text's length field sits right after the 4-byte length and the 25-byte header
        ByteBuffer.wrap(bytes).putInt(4 + 25, 1000);

        assertThrows(Frame.ProtocolException.class, () -> Frame.read(reading(bytes)));
    }

    @Test
    void when_the_type_is_unknown_then_the_frame_is_refused() throws IOException {
        byte[] bytes = written(Frame.request(Frame.Type.STATE, 1));
        bytes[4] = (byte) 200;

        Frame.ProtocolException e = assertThrows(Frame.ProtocolException.class, () -> Frame.read(reading(bytes)));
        assertTrue(e.getMessage().contains("unknown frame type 200"), e.getMessage());
    }

    @Test
    void when_a_frame_would_pass_the_limit_then_it_is_not_sent() {
        Frame huge = Frame.request(Frame.Type.SAVE, 1).withData(new byte[Frame.MAX_BYTES], null);

        assertThrows(IllegalArgumentException.class, () -> written(huge));
    }
}
