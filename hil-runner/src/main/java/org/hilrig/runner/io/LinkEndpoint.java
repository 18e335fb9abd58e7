package org.hilrig.runner.io;

import org.hilrig.timing.Clock;

/**
 * Where a board is reached, as plain data from the fixture file; opening it yields a running {@link
 * ByteLink}. The composition root picks the endpoint; nothing is auto-detected.
 */
public sealed interface LinkEndpoint permits SerialEndpoint, TcpEndpoint {
    /**
     * Opens the link; received bytes go to {@code receiver}, stamped with {@code clock}.
     *
     * @throws org.hilrig.timing.RigFailureException if the port cannot be opened or the peer reached
     */
    ByteLink open(Clock clock, ByteReceiver receiver);
}
