package org.hilrig.runner.driver;

/**
 * A snapshot of what the driver has counted since it opened.
 *
 * @param framesReceived valid frames from the board
 * @param crcErrors frames discarded for a wrong CRC
 * @param otherDiscards other discards (overlong, gap, restart, garbage, malformed)
 * @param resends commands sent again after a time-out
 * @param staleReplies replies that matched no waiting command
 * @param events events delivered
 * @param eventsLost events the counter says never arrived
 * @param duplicateEvents events dropped as repeats of the previous counter
 */
public record DriverCounters(long framesReceived, long crcErrors, long otherDiscards, long resends,
        long staleReplies, long events, long eventsLost, long duplicateEvents) {
}
