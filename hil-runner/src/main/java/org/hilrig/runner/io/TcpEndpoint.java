package org.hilrig.runner.io;

import org.hilrig.timing.Clock;
import org.hilrig.timing.Durations;

/**
 * A TCP server carrying the board's byte stream (an emulated board, or a serial-over-IP server); one
 * connection is one cable.
 *
 * @param host host name or address
 * @param port TCP port, 1 to 65535
 * @param connectTimeoutNanos how long to wait for the connection
 * @param writeTimeoutNanos how long one write may go without the socket taking a byte of it (a peer that stops
 *     reading fills the socket's buffers); past it the link is lost; above 0
 */
public record TcpEndpoint(String host, int port, long connectTimeoutNanos, long writeTimeoutNanos)
        implements LinkEndpoint {
    public static final long DEFAULT_CONNECT_TIMEOUT_NANOS = 2_000_000_000L;
    /** How long a write may go without the socket taking a byte, unless the fixture says otherwise: as for serial. */
    public static final long DEFAULT_WRITE_TIMEOUT_NANOS = SerialEndpoint.DEFAULT_WRITE_TIMEOUT_NANOS;

    public TcpEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("tcp host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("tcp " + host + ": port " + port + " is out of range (allowed: 1 to 65535)");
        }
        if (connectTimeoutNanos <= 0) {
            throw new IllegalArgumentException("tcp " + host + ":" + port + ": connect timeout " + connectTimeoutNanos
                    + " ns is not positive");
        }
        if (writeTimeoutNanos <= 0) {
            throw new IllegalArgumentException("tcp " + host + ":" + port + ": write timeout "
                    + Durations.format(writeTimeoutNanos) + " is not above 0");
        }
    }

    public TcpEndpoint(String host, int port, long connectTimeoutNanos) {
        this(host, port, connectTimeoutNanos, DEFAULT_WRITE_TIMEOUT_NANOS);
    }

    public TcpEndpoint(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT_NANOS);
    }

    @Override
    public ByteLink open(Clock clock, ByteReceiver receiver) {
        return TcpByteLink.connect(this, clock, receiver);
    }

    @Override
    public String toString() {
        return "tcp " + host + ":" + port;
    }
}
