package org.hilrig.device.firmware;

/**
 * What a board's host port counted, as the {@code LNK} command reports it (docs/protocol-additions.md).
 *
 * @param receivedBytes bytes that reached the UART's receiver while the core ran (into the FIFO or lost
 *     to an overrun)
 * @param overrunBytes bytes lost because the receive FIFO was full when they arrived ({@code ovr})
 * @param droppedReplies replies (to a command, or repeated for a duplicate) that did not fit the transmit
 *     buffer and were not sent ({@code txdrop}); the command itself was executed
 * @param droppedEvents events that did not fit the transmit buffer ({@code evdrop}; the host also sees a
 *     gap in the event counter)
 */
public record SerialCounters(long receivedBytes, long overrunBytes, long droppedReplies, long droppedEvents) {
    /** These counts minus {@code earlier}'s: what was counted since then. */
    public SerialCounters since(SerialCounters earlier) {
        return new SerialCounters(receivedBytes - earlier.receivedBytes, overrunBytes - earlier.overrunBytes,
                droppedReplies - earlier.droppedReplies, droppedEvents - earlier.droppedEvents);
    }
}
