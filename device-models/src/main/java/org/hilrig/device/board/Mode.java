package org.hilrig.device.board;

/** How a board takes part in a machine. */
public enum Mode {
    /** Its firmware runs on an emulated MCU, as on the real board. */
    EMULATED,
    /** A plant-level model stands in for it (no firmware, no serial port). */
    MODELLED
}
