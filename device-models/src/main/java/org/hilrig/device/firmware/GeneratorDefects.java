package org.hilrig.device.firmware;

import java.util.List;

/**
 * The defects the generator controller's emulated firmware can carry (domain.md), each off by default and
 * switched on by name. A qualified test library fails the firmware on every one of them and passes it
 * without any. The generator's board definition lists them ({@link #ALL}); a new defect of this board is a
 * constant here, its place in {@link #ALL} and the firmware branch that carries it. Stateless.
 */
public final class GeneratorDefects {
    private GeneratorDefects() {
    }

    /** Door and e-stop polled in the 10 ms main loop instead of an interrupt. */
    public static final Defect SLOW_INTERLOCK = new Defect("SLOW_INTERLOCK",
            "Door and e-stop polled in the 10 ms main loop instead of an interrupt.");

    /** An open door does not stop prep or block the exposure start. */
    public static final Defect DOOR_IGNORED_IN_PREP = new Defect("DOOR_IGNORED_IN_PREP",
            "An open door does not stop prep or block the exposure start.");

    /** The arc counter carries over between exposures. */
    public static final Defect ARC_COUNT_NOT_RESET = new Defect("ARC_COUNT_NOT_RESET",
            "The arc counter carries over between exposures.");

    /** Aborts on the fifth arc, not the fourth. */
    public static final Defect ARC_LIMIT_OFF_BY_ONE = new Defect("ARC_LIMIT_OFF_BY_ONE",
            "Aborts on the fifth arc, not the fourth.");

    /** When the exposure timer tick is lost, nothing ends the exposure. */
    public static final Defect NO_BACKUP_TIMER = new Defect("NO_BACKUP_TIMER",
            "When the exposure timer tick is lost, nothing ends the exposure.");

    /** Host watchdog expiry does not end a running exposure. */
    public static final Defect COMMS_LOSS_IGNORED_IN_EXPOSURE = new Defect("COMMS_LOSS_IGNORED_IN_EXPOSURE",
            "Host watchdog expiry does not end a running exposure.");

    /** Only EXP_REQ_A is read. */
    public static final Defect SINGLE_CHANNEL_EXPOSE = new Defect("SINGLE_CHANNEL_EXPOSE",
            "Only EXP_REQ_A is read.");

    /** Rotor-not-ready declared after 5 s. */
    public static final Defect ROTOR_TIMEOUT_5S = new Defect("ROTOR_TIMEOUT_5S",
            "Rotor-not-ready declared after 5 s.");

    /** READY asserted on prep without waiting for ROTOR_READY. */
    public static final Defect READY_BEFORE_ROTOR = new Defect("READY_BEFORE_ROTOR",
            "READY asserted on prep without waiting for ROTOR_READY.");

    /** Techniques beyond the anode heat limit are exposed. */
    public static final Defect HEAT_LIMIT_IGNORED = new Defect("HEAT_LIMIT_IGNORED",
            "Techniques beyond the anode heat limit are exposed.");

    /** An exposure restarts after a brown-out while the handswitch is held. */
    public static final Defect RESUME_AFTER_BROWNOUT = new Defect("RESUME_AFTER_BROWNOUT",
            "An exposure restarts after a brown-out while the handswitch is held.");

    /** An expose request held through boot starts an exposure. */
    public static final Defect EXPOSE_HELD_AT_BOOT = new Defect("EXPOSE_HELD_AT_BOOT",
            "An expose request held through boot starts an exposure.");

    /** Techniques over 80 kW are accepted. */
    public static final Defect POWER_LIMIT_UNCHECKED = new Defect("POWER_LIMIT_UNCHECKED",
            "Techniques over 80 kW are accepted.");

    /** XRAY_ON follows the HV command, not the measured kV (no decay tail). */
    public static final Defect XRAY_ON_FROM_COMMAND = new Defect("XRAY_ON_FROM_COMMAND",
            "XRAY_ON follows the HV command, not the measured kV (no decay tail).");

    /** The anode heat is checked only when prep starts, not before each exposure of a held prep. */
    public static final Defect HEAT_CHECK_AT_PREP_ONLY = new Defect("HEAT_CHECK_AT_PREP_ONLY",
            "The anode heat is checked only when prep starts, not before each exposure of a held prep.");

    /** A reset of the controller (watchdog, brown-out, power) zeroes the anode heat account. */
    public static final Defect HEAT_LOST_ON_RESET = new Defect("HEAT_LOST_ON_RESET",
            "A reset of the controller (watchdog, brown-out, power) zeroes the anode heat account.");

    /** Handswitch releases are debounced by 20 ms before the firmware acts: HV stays on about 20 ms after a release. */
    public static final Defect RELEASE_DEBOUNCED = new Defect("RELEASE_DEBOUNCED",
            "Handswitch releases are debounced by 20 ms before the firmware acts: HV stays on about 20 ms "
            + "after a release.");

    /** The independent watchdog is refreshed from a timer interrupt, not the main loop: a hung loop is never reset. */
    public static final Defect IWDG_KICKED_IN_ISR = new Defect("IWDG_KICKED_IN_ISR",
            "The independent watchdog is refreshed from a timer interrupt, not the main loop: a hung loop is "
            + "never reset.");

    /** REMOTE exposures ({@code EXP 1}) are allowed while the host watchdog is off, and {@code WDG 0} leaves one running. */
    public static final Defect REMOTE_WITHOUT_WDG = new Defect("REMOTE_WITHOUT_WDG",
            "REMOTE exposures (EXP 1) are allowed while the host watchdog is off, and WDG 0 "
            + "leaves one running.");

    /** XOFF and LXP report the setpoints, and mAs as set mA x the time HV was on after X-ray on, not what was measured. */
    public static final Defect MAS_FROM_SETPOINT = new Defect("MAS_FROM_SETPOINT",
            "XOFF and LXP report the setpoints, and mAs as set mA x the time HV was on after X-ray on, not "
            + "what was measured.");

    /** The exposure timer starts again with the whole set time after each arc: an arcing exposure runs long. */
    public static final Defect TIMER_RESTART_ON_ARC = new Defect("TIMER_RESTART_ON_ARC",
            "The exposure timer starts again with the whole set time after each arc: an arcing exposure runs "
            + "long.");

    /** The kV feedback is converted with a 5 % larger full scale than the divider's: every kV reads 5 % high. */
    public static final Defect KV_FB_SCALE = new Defect("KV_FB_SCALE",
            "The kV feedback is converted with a 5 % larger full scale than the divider's: every kV reads 5 % "
            + "high.");

    /**
     * Every defect the generator's firmware carries, its own and the common ones ({@link CommonDefects}), in
     * the order {@code hil defects} lists them.
     */
    public static final List<Defect> ALL = List.of(SLOW_INTERLOCK, DOOR_IGNORED_IN_PREP, ARC_COUNT_NOT_RESET,
            ARC_LIMIT_OFF_BY_ONE, NO_BACKUP_TIMER, COMMS_LOSS_IGNORED_IN_EXPOSURE, SINGLE_CHANNEL_EXPOSE,
            ROTOR_TIMEOUT_5S, READY_BEFORE_ROTOR, CommonDefects.CRC_NOT_CHECKED, HEAT_LIMIT_IGNORED,
            RESUME_AFTER_BROWNOUT, EXPOSE_HELD_AT_BOOT, POWER_LIMIT_UNCHECKED, CommonDefects.RESET_WHILE_ACTIVE,
            XRAY_ON_FROM_COMMAND, HEAT_CHECK_AT_PREP_ONLY, HEAT_LOST_ON_RESET, RELEASE_DEBOUNCED, IWDG_KICKED_IN_ISR,
            REMOTE_WITHOUT_WDG, MAS_FROM_SETPOINT, TIMER_RESTART_ON_ARC, KV_FB_SCALE);
}
