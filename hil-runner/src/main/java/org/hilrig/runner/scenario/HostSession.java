package org.hilrig.runner.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hilrig.device.protocol.Frame;

/**
 * The host's side of the serial link in a run: the next sequence number, the last frame sent (which
 * {@code send: {again: true}} repeats byte for byte) and the last reply the board gave.
 *
 * <p>Owned by one {@link EngineRun}; confined to the scenario's thread.
 */
final class HostSession {
    /**
     * A command frame as sent.
     *
     * @param seq its sequence number
     * @param name the command it carries, as written
     * @param bytes the frame on the wire, corrupted where the step asked (not copied: never changed)
     */
    record SentFrame(int seq, String name, byte[] bytes) {
        /** The frame without its STX and ETX, for messages. */
        String text() {
            return new String(bytes, 1, Math.max(0, bytes.length - 2), StandardCharsets.US_ASCII);
        }
    }

    private int nextSeq = 1;
    private SentFrame last;
    private Frame lastReply;

    /**
     * The frame {@code send} sends: the last one again, or a new command frame with the next sequence number,
     * corrupted as the step says; it becomes the last frame sent.
     *
     * @throws IllegalArgumentException for {@code again} before any frame was sent
     */
    SentFrame frameFor(Step.Send send) {
        if (send.again()) {
            if (last == null) {
                throw new IllegalArgumentException("'send: {again: true}' before any frame was sent");
            }
            return last;
        }
        String name = send.command() != null ? send.command() : send.raw();
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFF;
        byte[] bytes = corrupt(Frame.command(seq, name, send.args().toArray(new String[0])).encode(), send.corruption());
        last = new SentFrame(seq, name, bytes);
        return last;
    }

    /** The board answered the last frame with {@code reply}. */
    void replied(Frame reply) {
        lastReply = reply;
    }

    /** The last reply the board gave, or null before any. */
    Frame lastReply() {
        return lastReply;
    }

    private static byte[] corrupt(byte[] bytes, Step.Corruption c) {
        return switch (c) {
            case NONE -> bytes;
            case CRC -> {
                byte[] b = bytes.clone();
                int i = b.length - 2;
                b[i] = (byte) (b[i] == '0' ? '1' : '0');
                yield b;
            }
            case TRUNCATED -> Arrays.copyOf(bytes, bytes.length - 3);
        };
    }
}
