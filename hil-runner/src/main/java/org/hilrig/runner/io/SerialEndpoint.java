package org.hilrig.runner.io;

import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;

/**
 * A serial port opened by path (a device such as {@code /dev/ttyUSB0} or a pseudo-terminal such as
 * {@code /dev/pts/3}, which port listing does not enumerate), 8N1, no flow control.
 *
 * @param path the device path
 * @param baud the bit rate, 9600 to 921600 (protocol version 1)
 * @param writeTimeoutNanos how long one write may go without the port taking a byte of it (a far end that
 *     stops reading fills the port's buffer); past it the link is lost; above 0
 */
public record SerialEndpoint(String path, int baud, long writeTimeoutNanos) implements LinkEndpoint {
    public static final int MIN_BAUD = 9_600;
    public static final int MAX_BAUD = 921_600;
    public static final int DEFAULT_BAUD = 115_200;
    /**
     * How long a write may go without the port taking a byte before the link is lost, unless the fixture says
     * otherwise: 5 s, well above what a loaded machine's scheduling adds to a write that does go through.
     */
    public static final long DEFAULT_WRITE_TIMEOUT_NANOS = 5_000_000_000L;

    public SerialEndpoint {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("serial " + path + ": baud " + baud + " is out of range (allowed: "
                    + MIN_BAUD + " to " + MAX_BAUD + ")");
        }
        if (writeTimeoutNanos <= 0) {
            throw new IllegalArgumentException("serial " + path + ": write timeout " + Durations.format(writeTimeoutNanos)
                    + " is not above 0");
        }
    }

    /** A port with the {@linkplain #DEFAULT_WRITE_TIMEOUT_NANOS default write timeout}. */
    public SerialEndpoint(String path, int baud) {
        this(path, baud, DEFAULT_WRITE_TIMEOUT_NANOS);
    }

    @Override
    public ByteLink open(Clock clock, ByteReceiver receiver) {
        return SerialByteLink.open(this, clock, receiver);
    }

    @Override
    public String toString() {
        return "serial " + path + " at " + baud + " baud";
    }
}
