package org.hilrig.device.protocol;

import java.util.Optional;

/**
 * Every unsolicited event of protocol version 1, both boards ({@code protocol.md} sections 4 and 5): on the
 * wire {@code ee,EVT,}{@link #name()}{@code [,key=value...]}. Which board sends which is its
 * {@link BoardProtocol}.
 */
public enum Event {
    /** After power-up or any reset: {@code fw,reason}. */
    BOOT,
    /** Every state change: {@code s}. */
    STATE,
    /** Generator: HV reached, X-ray on: {@code kv,ma}. */
    XON,
    /** Generator: X-ray off: {@code ms,mas,end}. */
    XOFF,
    /** Generator: an arc: {@code n}, arcs in this exposure. */
    ARC,
    /** A fault latches: {@code code,name}. */
    FAULT,
    /** A fault is reset: {@code code}. */
    CLEAR;

    /** The event named {@code name} on the wire (exact, upper case), or empty when version 1 has none. */
    public static Optional<Event> byName(String name) {
        for (Event e : values()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
