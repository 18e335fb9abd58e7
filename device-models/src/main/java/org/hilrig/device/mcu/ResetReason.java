package org.hilrig.device.mcu;

/** Why a controller came out of reset; reported as {@code reason} in {@code EVT,BOOT} (protocol.md). */
public enum ResetReason {
    /** Supply applied from off. */
    POWERON,
    /** The independent watchdog expired because the main loop stopped kicking it. */
    WATCHDOG,
    /** The supply fell below the brown-out threshold and came back. */
    BROWNOUT,
    /** The firmware reset itself on request. */
    COMMAND
}
