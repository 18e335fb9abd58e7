package org.hilrig.device.protocol;

import java.util.Optional;

/**
 * Every command of protocol version 1, both boards: {@code protocol.md} sections 4 (generator) and 5 (tube
 * controller), and {@code LNK} and {@code AEC} of {@code docs/protocol-additions.md}. On the wire a command is its
 * {@link #name()}; which board speaks which is its {@link BoardProtocol}.
 *
 * <p>A new constant here does not compile until every firmware's dispatch says what it does with it (each
 * switches over this enum with no {@code default}).
 */
public enum Command {
    /** Identity: board, firmware version, protocol version, serial number, build. */
    VER,
    /** Status of the board's state machine and counters. */
    STA,
    /** Generator: {@code LOCAL} or {@code REMOTE} mode. */
    MOD,
    /** Generator: set kV. */
    SKV,
    /** Generator: set mA. */
    SMA,
    /** Generator: set ms. */
    SMS,
    /** Generator: prep on or off (remote mode). */
    PRP,
    /** Generator: expose on or off (remote mode). */
    EXP,
    /** Generator: abort whatever runs; never refused. */
    ABT,
    /** Clear the latched faults whose cause is gone. */
    RST,
    /** Host-communication watchdog period in ms, 0 for off. */
    WDG,
    /** Heartbeat: feeds the watchdog, changes nothing. */
    HBT,
    /** The latched fault codes. */
    FLT,
    /** Generator: anode and housing heat. */
    HEA,
    /** Generator: the last exposure. */
    LXP,
    /** Tube controller: rotor speed {@code LOW} or {@code HIGH}. */
    SRS,
    /** The board's serial counters since boot (docs/protocol-additions.md). */
    LNK,
    /** Generator: AEC on ({@code 1}: the AEC chamber ends the exposure, the mAs backup at the latest) or off (docs/protocol-additions.md). */
    AEC;

    /** The command named {@code name} on the wire (exact, upper case), or empty when version 1 has none. */
    public static Optional<Command> byName(String name) {
        for (Command c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
