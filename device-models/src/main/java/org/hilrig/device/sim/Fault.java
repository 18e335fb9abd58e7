package org.hilrig.device.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The closed set of faults a {@link Machine} can inject, by name (lower case, as scenarios write them),
 * each with its parameters and their defaults. Every fault also takes {@code after} (a duration: inject
 * that long from now) and {@code when} (a line's logical name, optionally {@code :rises} or
 * {@code :falls}; inject at that line's next such edge, then wait {@code after}).
 *
 * <p>Durations are texts with a unit ({@code 5ms}) or whole numbers of nanoseconds; counts and factors
 * are numbers or numeric texts.
 */
public enum Fault {
    DOOR_OPEN("door opens (interlock loop broken)"),
    DOOR_CLOSE("door closes again"),
    ESTOP_PRESS("emergency stop pressed (chain opens)"),
    ESTOP_RELEASE("emergency stop released"),
    THERMAL_SWITCH_OPEN("tube housing thermal switch opens"),
    THERMAL_SWITCH_CLOSE("tube housing thermal switch closes"),
    ARC("a single arc in the tube"),
    ARC_BURST("a burst of arcs", "arcs", "4", "spacing", "5ms"),
    HARD_SHORT("a persistent short: every HV enable arcs", "length", "0"),
    SHORT_CLEAR("the short clears"),
    FILAMENT_OPEN("the filament breaks: no emission"),
    FILAMENT_REPAIR("the filament is whole again"),
    ROTOR_SLOW("the rotor drive is weak and accelerates slowly", "factor", "0.5"),
    ROTOR_STALL("the anode seizes"),
    PHASE_LOSS("a rotor motor phase is lost"),
    ROTOR_REPAIR("rotor faults cleared"),
    START_RATE("the tube controller has just used up its starts (start-rate limit)"),
    OVER_KV("the inverter regulates too high", "factor", "1.15"),
    KV_REGULATION("the inverter regulates too low", "factor", "0.85"),
    KV_NORMAL("the inverter regulates correctly again"),
    AEC_STOP("the AEC chamber stops each exposure this long after X-ray on", "after_xray_on", "50ms"),
    AEC_NEVER_STOPS("the AEC chamber never stops: the set time ends the exposure (with exposure_timer_lost, the backup timer)"),
    HANDSWITCH_STUCK("the handswitch contacts weld: prep and both expose channels read active"),
    HANDSWITCH_FREE("the handswitch contacts follow the rig again"),
    HANDSWITCH_MISMATCH("one expose channel breaks open", "channel", "B"),
    BROWN_OUT("the supply dips", "depth_v", "12", "length", "50ms"),
    POWER_LOSS("the supply drops to 0 (length 0: until power_restore)", "length", "0"),
    POWER_RESTORE("the supply returns"),
    FIRMWARE_HANG("the main loop hangs (the firmware watchdog must reset)", "length", "1s"),
    EXPOSURE_TIMER_LOST("the exposure timer loses its next tick (the backup timer must end the exposure)"),
    LINK_CUT("the serial cable is cut (length 0: until link_restore)", "length", "0"),
    LINK_RESTORE("the serial cable is whole again"),
    SERIAL_NOISE("garbage bytes on the board's receive line", "bytes", "16"),
    SERIAL_FLOOD("the receive line is flooded with garbage at full rate", "length", "100ms"),
    TUBE_OVERHEAT("the anode is heated by a given energy", "joules", "2000000");

    private final String description;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    Fault(String description, String... paramsAndDefaults) {
        this.description = description;
        for (int i = 0; i < paramsAndDefaults.length; i += 2) {
            defaults.put(paramsAndDefaults[i], paramsAndDefaults[i + 1]);
        }
    }

    /** The fault's name in scenarios: {@code door_open}. */
    public String faultName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Own parameters with their defaults (not counting {@code after} and {@code when}). */
    public Map<String, String> defaults() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** The fault with this scenario name, or null. */
    public static Fault byName(String name) {
        for (Fault f : values()) {
            if (f.faultName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
