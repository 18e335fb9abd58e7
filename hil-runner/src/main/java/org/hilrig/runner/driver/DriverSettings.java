package org.hilrig.runner.driver;

import org.hilrig.device.protocol.ProtocolV1;

/**
 * How patient the driver is.
 *
 * @param replyTimeoutNanos how long to wait for a reply after each send, from the write
 * @param maxResends how many times the same frame is sent again before the link is declared down
 * @param firstSeq the sequence number of the first command, 0..255
 */
public record DriverSettings(long replyTimeoutNanos, int maxResends, int firstSeq) {
    /** Protocol version 1: 100 ms, two resends, first command {@code 00}. */
    public static final DriverSettings PROTOCOL_V1 =
            new DriverSettings(ProtocolV1.HOST_REPLY_TIMEOUT_NANOS, ProtocolV1.HOST_MAX_RESENDS, 0);

    public DriverSettings {
        if (replyTimeoutNanos <= 0) {
            throw new IllegalArgumentException("reply timeout " + replyTimeoutNanos + " ns is not positive");
        }
        if (maxResends < 0) {
            throw new IllegalArgumentException("maxResends " + maxResends + " is negative");
        }
        if (firstSeq < 0 || firstSeq > 0xFF) {
            throw new IllegalArgumentException("firstSeq " + firstSeq + " is out of range (allowed: 0..255)");
        }
    }
}
