package org.hilrig.device.protocol;

/**
 * The constants that define protocol version 1 ({@code protocol.md}); changing one is a new protocol
 * version, which is why they are code and not board-profile values.
 */
public final class ProtocolV1 {
    /** The protocol version a board reports in {@code VER} ({@code proto=1}). */
    public static final int VERSION = 1;
    /** Start of text: always begins a new frame. */
    public static final byte STX = 0x02;
    /** End of text: ends a frame. */
    public static final byte ETX = 0x03;
    /** A frame is at most this many bytes, STX and ETX included. */
    public static final int MAX_FRAME_BYTES = 128;
    /**
     * A frame with more than this between two of its bytes is discarded. A gap of exactly this long is
     * still accepted ({@code gap > MAX_INTER_BYTE_GAP_NANOS} discards).
     */
    public static final long MAX_INTER_BYTE_GAP_NANOS = 10_000_000L;
    /** The host waits this long for a reply before sending the same frame again. */
    public static final long HOST_REPLY_TIMEOUT_NANOS = 100_000_000L;
    /** The host sends the same frame again at most this many times, then declares the link down. */
    public static final int HOST_MAX_RESENDS = 2;
    /** After power-up or any reset the board sends {@code EVT,BOOT} within this long. */
    public static final long BOOT_EVENT_NANOS = 500_000_000L;

    private ProtocolV1() {
    }
}
