package org.hilrig.device.firmware;

/**
 * Firmware defects the emulator can carry (domain.md), each off by default and switched on by name. A
 * qualified test library fails the firmware on every one of them and passes it without any.
 */
public enum Defect {
    /** Door and e-stop polled in the 10 ms main loop instead of an interrupt. */
    SLOW_INTERLOCK,
    /** An open door does not stop prep or block the exposure start. */
    DOOR_IGNORED_IN_PREP,
    /** The arc counter carries over between exposures. */
    ARC_COUNT_NOT_RESET,
    /** Aborts on the fifth arc, not the fourth. */
    ARC_LIMIT_OFF_BY_ONE,
    /** When the exposure timer tick is lost, nothing ends the exposure. */
    NO_BACKUP_TIMER,
    /** Host watchdog expiry does not end a running exposure. */
    COMMS_LOSS_IGNORED_IN_EXPOSURE,
    /** Only EXP_REQ_A is read. */
    SINGLE_CHANNEL_EXPOSE,
    /** Rotor-not-ready declared after 5 s. */
    ROTOR_TIMEOUT_5S,
    /** READY asserted on prep without waiting for ROTOR_READY. */
    READY_BEFORE_ROTOR,
    /** Frames with a wrong CRC are executed. */
    CRC_NOT_CHECKED,
    /** Techniques beyond the anode heat limit are exposed. */
    HEAT_LIMIT_IGNORED,
    /** An exposure restarts after a brown-out while the handswitch is held. */
    RESUME_AFTER_BROWNOUT,
    /** An expose request held through boot starts an exposure. */
    EXPOSE_HELD_AT_BOOT,
    /** Techniques over 80 kW are accepted. */
    POWER_LIMIT_UNCHECKED,
    /** RST clears faults whose cause is still present. */
    RESET_WHILE_ACTIVE,
    /** XRAY_ON follows the HV command, not the measured kV (no decay tail). */
    XRAY_ON_FROM_COMMAND,
    /** The anode heat is checked only when prep starts, not before each exposure of a held prep. */
    HEAT_CHECK_AT_PREP_ONLY,
    /** A reset of the controller (watchdog, brown-out, power) zeroes the anode heat account. */
    HEAT_LOST_ON_RESET,
    /** Handswitch releases are debounced by 20 ms before the firmware acts: HV stays on about 20 ms after a release. */
    RELEASE_DEBOUNCED,
    /** The independent watchdog is refreshed from a timer interrupt, not the main loop: a hung loop is never reset. */
    IWDG_KICKED_IN_ISR,
    /** REMOTE exposures ({@code EXP 1}) are allowed while the host watchdog is off, and {@code WDG 0} leaves one running. */
    REMOTE_WITHOUT_WDG,
    /** XOFF and LXP report the setpoints, and mAs as set mA x the time HV was on after X-ray on, not what was measured. */
    MAS_FROM_SETPOINT,
    /** The exposure timer starts again with the whole set time after each arc: an arcing exposure runs long. */
    TIMER_RESTART_ON_ARC,
    /** The kV feedback is converted with a 5 % larger full scale than the divider's: every kV reads 5 % high. */
    KV_FB_SCALE;

    /**
     * The defect with this name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and listing the allowed names
     */
    public static Defect byName(String name) {
        for (Defect d : values()) {
            if (d.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown defect '" + name + "', allowed: " + java.util.Arrays.toString(values()));
    }
}
