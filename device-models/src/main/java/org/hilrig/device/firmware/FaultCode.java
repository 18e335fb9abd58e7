package org.hilrig.device.firmware;

/** A board's fault code (protocol.md section 6): the code ({@code F01}) and the name sent with it. */
public interface FaultCode {
    /** The code, as sent in {@code code=} ({@code F01}, {@code T03}). */
    String name();

    /** The name sent in {@code EVT,FAULT} ({@code DOOR_OPEN}). */
    String faultName();
}
