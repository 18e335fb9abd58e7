package org.hilrig.device.protocol;

/** What a frame is, by its name: a command from the host, or a board's ACK, NAK or event. */
public enum FrameKind {
    /** {@code seq,CMD[,arg...]}, host to board. */
    COMMAND,
    /** {@code seq,ACK,CMD[,key=value...]}. */
    ACK,
    /** {@code seq,NAK,CMD,code}. */
    NAK,
    /** {@code ee,EVT,NAME[,key=value...]}; the sequence number is the board's event counter. */
    EVENT
}
