package org.hilrig.device.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver of protocol version 1: a streaming decoder fed one byte at a time with the byte's
 * arrival time, reporting valid frames and reasoned discards to a {@link DecodeListener}. Used alike by
 * the emulated UART, the board driver's links and the Netty pipeline.
 *
 * <p>Receiver rules ({@code protocol.md} section 2), in the order they are applied to each byte:
 *
 * <table>
 *   <caption>What each byte does</caption>
 *   <tr><th>state</th><th>byte</th><th>effect</th></tr>
 *   <tr><td>in a frame</td><td>any, more than {@link ProtocolV1#MAX_INTER_BYTE_GAP_NANOS} after the
 *       frame's previous byte</td><td>partial frame discarded ({@link DiscardReason#INTER_BYTE_GAP}); the
 *       byte is then handled as if outside a frame. A gap of exactly 10 ms is accepted.</td></tr>
 *   <tr><td>in a frame</td><td>STX</td><td>partial frame discarded ({@link
 *       DiscardReason#RESTARTED_BY_STX}); a new frame starts with this STX</td></tr>
 *   <tr><td>in a frame</td><td>ETX</td><td>frame complete: checked, then delivered or discarded ({@link
 *       DiscardReason#CRC_ERROR} counted, or {@link DiscardReason#MALFORMED})</td></tr>
 *   <tr><td>in a frame</td><td>other, making 128 bytes without ETX</td><td>the 128 bytes discarded
 *       ({@link DiscardReason#OVERLONG}); what follows up to the next STX is outside a frame</td></tr>
 *   <tr><td>in a frame</td><td>other</td><td>appended</td></tr>
 *   <tr><td>outside</td><td>STX</td><td>a new frame starts</td></tr>
 *   <tr><td>outside</td><td>other</td><td>discarded, one report per byte ({@link
 *       DiscardReason#OUTSIDE_FRAME})</td></tr>
 * </table>
 *
 * <p>A complete frame is checked in this order: a {@code ,crc} of 4 uppercase hex digits must close it
 * (else malformed); the CRC must match (else a CRC error, counted); then seq, name and fields must follow
 * the grammar of {@link Frame} in canonical form (else malformed). So every delivered frame re-encodes
 * to exactly the bytes received.
 *
 * <p>The gap rule is applied when the next byte arrives; the decoder has no timer. Times are the
 * caller's nanoseconds (virtual or wall) and must not decrease. Confined to one thread; the listener is
 * called on it before {@link #accept} returns.
 */
public final class FrameDecoder {
    private final DecodeListener listener;
    private final byte[] buffer = new byte[ProtocolV1.MAX_FRAME_BYTES];
    private final long[] discardCounts = new long[DiscardReason.values().length];
    private int length;
    private boolean inFrame;
    private long frameStartNanos;
    private long lastFrameByteNanos;
    private long lastByteNanos = Long.MIN_VALUE;
    private long frameCount;

    /** A decoder that reports to {@code listener}. */
    public FrameDecoder(DecodeListener listener) {
        this.listener = listener;
    }

    /**
     * Feeds one byte that arrived at {@code timeNanos}.
     *
     * @throws IllegalArgumentException if {@code timeNanos} is before the previous byte's time
     */
    public void accept(byte b, long timeNanos) {
        if (timeNanos < lastByteNanos) {
            throw new IllegalArgumentException("byte time " + timeNanos + " ns is before the previous byte's "
                    + lastByteNanos + " ns (times must not decrease)");
        }
        lastByteNanos = timeNanos;
        if (inFrame && timeNanos - lastFrameByteNanos > ProtocolV1.MAX_INTER_BYTE_GAP_NANOS) {
            long gap = timeNanos - lastFrameByteNanos;
            discardPartial(DiscardReason.INTER_BYTE_GAP, "gap of " + gap + " ns after byte " + length
                    + " (allowed: at most " + ProtocolV1.MAX_INTER_BYTE_GAP_NANOS + " ns between two bytes of a frame)");
        }
        if (b == ProtocolV1.STX) {
            if (inFrame) {
                discardPartial(DiscardReason.RESTARTED_BY_STX, "partial frame of " + length
                        + " bytes cut short by a new STX");
            }
            inFrame = true;
            buffer[0] = b;
            length = 1;
            frameStartNanos = timeNanos;
            lastFrameByteNanos = timeNanos;
            return;
        }
        if (!inFrame) {
            discard(DiscardReason.OUTSIDE_FRAME, new byte[] {b}, timeNanos, timeNanos,
                    String.format("byte 0x%02X outside a frame", b & 0xFF));
            return;
        }
        lastFrameByteNanos = timeNanos;
        if (b == ProtocolV1.ETX) {
            buffer[length++] = b;
            inFrame = false;
            complete(timeNanos);
            return;
        }
        if (length == ProtocolV1.MAX_FRAME_BYTES - 1) {
            byte[] bytes = Arrays.copyOf(buffer, ProtocolV1.MAX_FRAME_BYTES);
            bytes[length] = b;
            inFrame = false;
            length = 0;
            discard(DiscardReason.OVERLONG, bytes, frameStartNanos, timeNanos, "no ETX within "
                    + ProtocolV1.MAX_FRAME_BYTES + " bytes (allowed: at most " + ProtocolV1.MAX_FRAME_BYTES
                    + " bytes, STX and ETX included)");
            return;
        }
        buffer[length++] = b;
    }

    /** Feeds {@code count} bytes of {@code bytes} from {@code offset}, all arrived at {@code timeNanos}. */
    public void accept(byte[] bytes, int offset, int count, long timeNanos) {
        for (int i = offset; i < offset + count; i++) {
            accept(bytes[i], timeNanos);
        }
    }

    /** Frames with a wrong CRC discarded so far (the board's {@code crcerr}). */
    public long crcErrorCount() {
        return discardCounts[DiscardReason.CRC_ERROR.ordinal()];
    }

    /** Discards for {@code reason} so far. */
    public long discardCount(DiscardReason reason) {
        return discardCounts[reason.ordinal()];
    }

    /** Valid frames delivered so far. */
    public long frameCount() {
        return frameCount;
    }

    /** Whether a frame has begun and not yet ended or been discarded. */
    public boolean inFrame() {
        return inFrame;
    }

    /** Bytes of the open frame held so far (0 outside a frame); for tests that account for every byte. */
    int bufferedLength() {
        return inFrame ? length : 0;
    }

    private void complete(long etxNanos) {
        byte[] bytes = Arrays.copyOf(buffer, length);
        length = 0;
        int contentEnd = bytes.length - 1;
        int crcStart = contentEnd - 4;
        if (crcStart < 2 || bytes[crcStart - 1] != ',' || !isUpperHex(bytes, crcStart, contentEnd)) {
            discard(DiscardReason.MALFORMED, bytes, frameStartNanos, etxNanos,
                    "no ',crc' of 4 uppercase hex digits before ETX");
            return;
        }
        int sent = Integer.parseInt(new String(bytes, crcStart, 4, StandardCharsets.US_ASCII), 16);
        int computed = Crc16Ccitt.of(bytes, 1, crcStart - 1);
        if (sent != computed) {
            discard(DiscardReason.CRC_ERROR, bytes, frameStartNanos, etxNanos,
                    String.format("crc %04X sent, %04X computed", sent, computed));
            return;
        }
        Frame frame;
        try {
            frame = parse(bytes, crcStart - 1);
        } catch (IllegalArgumentException e) {
            discard(DiscardReason.MALFORMED, bytes, frameStartNanos, etxNanos, e.getMessage());
            return;
        }
        frameCount++;
        listener.frame(new ReceivedFrame(frame, bytes, frameStartNanos, etxNanos));
    }

    /** Parses {@code bytes[1..end)}, the content between STX and the comma before the crc. */
    private static Frame parse(byte[] bytes, int end) {
        for (int i = 1; i < end; i++) {
            int c = bytes[i] & 0xFF;
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException(String.format("byte 0x%02X at frame offset %d (STX is 0)"
                        + ", allowed: printable ASCII 0x21..0x7E", c, i));
            }
        }
        String text = new String(bytes, 1, end - 1, StandardCharsets.US_ASCII);
        String[] tokens = text.split(",", -1);
        if (tokens.length < 2) {
            throw new IllegalArgumentException("'" + text + "' has no name (allowed: seq,name[,field...])");
        }
        String seq = tokens[0];
        if (seq.length() != 2 || !Frame.isUpperHex(seq.charAt(0)) || !Frame.isUpperHex(seq.charAt(1))) {
            throw new IllegalArgumentException("seq '" + seq + "' is not 2 uppercase hex digits");
        }
        List<String> fields = new ArrayList<>(tokens.length - 2);
        for (int i = 2; i < tokens.length; i++) {
            fields.add(tokens[i]);
        }
        return new Frame(Integer.parseInt(seq, 16), tokens[1], fields);
    }

    private static boolean isUpperHex(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Frame.isUpperHex(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private void discardPartial(DiscardReason reason, String detail) {
        byte[] bytes = Arrays.copyOf(buffer, length);
        inFrame = false;
        length = 0;
        discard(reason, bytes, frameStartNanos, lastFrameByteNanos, detail);
    }

    private void discard(DiscardReason reason, byte[] bytes, long startNanos, long endNanos, String detail) {
        discardCounts[reason.ordinal()]++;
        listener.discarded(new DiscardedInput(reason, bytes, startNanos, endNanos, detail));
    }
}
