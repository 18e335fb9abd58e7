package org.hilrig.runner.driver;

import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.ReceivedFrame;

/**
 * An unsolicited event from the board, {@code ee,EVT,NAME[,key=value...]}.
 *
 * @param received the frame as received, with its arrival times
 */
public record BoardEvent(ReceivedFrame received) {
    /** The board's event counter {@code ee}. */
    public int counter() {
        return received.frame().seq();
    }

    /** The event name, e.g. {@code XOFF}. */
    public String name() {
        return received.frame().subject();
    }

    /**
     * The event's fields.
     *
     * @throws IllegalArgumentException if the board sent a field that is not {@code key=value}
     */
    public KeyValues values() {
        return received.frame().values();
    }

    /** Arrival time of the event's ETX, on the driver's clock. */
    public long timeNanos() {
        return received.endNanos();
    }
}
