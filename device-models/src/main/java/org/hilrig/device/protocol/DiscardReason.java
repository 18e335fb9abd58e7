package org.hilrig.device.protocol;

/** Why a {@link FrameDecoder} threw input away: one receiver rule of {@code protocol.md} each. */
public enum DiscardReason {
    /** A complete frame whose CRC does not match its bytes; counted, never acted on. */
    CRC_ERROR,
    /** A frame that reached {@link ProtocolV1#MAX_FRAME_BYTES} bytes without its ETX. */
    OVERLONG,
    /** A partial frame followed by a gap longer than {@link ProtocolV1#MAX_INTER_BYTE_GAP_NANOS}. */
    INTER_BYTE_GAP,
    /** A partial frame cut short by a new STX, which starts the next frame (resynchronisation). */
    RESTARTED_BY_STX,
    /** A byte received while no frame was open (not an STX). */
    OUTSIDE_FRAME,
    /** A complete frame with a matching CRC whose content breaks the grammar (seq, name, fields). */
    MALFORMED
}
