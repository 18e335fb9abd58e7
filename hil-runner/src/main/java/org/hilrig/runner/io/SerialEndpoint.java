package org.hilrig.runner.io;

import org.hilrig.timing.Clock;

/**
 * A serial port opened by path (a device such as {@code /dev/ttyUSB0} or a pseudo-terminal such as
 * {@code /dev/pts/3}, which port listing does not enumerate), 8N1, no flow control.
 *
 * @param path the device path
 * @param baud the bit rate, 9600 to 921600 (protocol version 1)
 */
public record SerialEndpoint(String path, int baud) implements LinkEndpoint {
    public static final int MIN_BAUD = 9_600;
    public static final int MAX_BAUD = 921_600;
    public static final int DEFAULT_BAUD = 115_200;

    public SerialEndpoint {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("serial " + path + ": baud " + baud + " is out of range (allowed: "
                    + MIN_BAUD + " to " + MAX_BAUD + ")");
        }
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
