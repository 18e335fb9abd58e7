package org.hilrig.device.fault;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.fault.PlantFault.Channel;
import org.hilrig.device.fault.PlantFault.Kind;
import org.hilrig.device.fault.PlantFault.Parameter;
import org.hilrig.device.fault.PlantFault.Quantity;
import org.hilrig.timing.Durations;

/**
 * The one parser of a fault as scenarios write it: a name ({@code arc_burst}) and text parameters
 * ({@code spacing: 5ms}) to a {@link PlantFault}. A parameter not given takes its kind's default text.
 *
 * <p>Texts: durations are a number with a unit ({@code 5ms}, see {@link Durations#parse}) or a whole number
 * of nanoseconds; counts are whole numbers, 0 or more; factors, volts and joules are decimal numbers;
 * a channel is {@code A} or {@code B}. Surrounding blanks are ignored in counts and numbers.
 *
 * <p>Stateless; safe from any thread.
 */
public final class FaultText {
    /** Keys that schedule a fault rather than describe it; {@link #parse} skips them, its caller reads them. */
    public static final Set<String> SCHEDULE_KEYS = Set.of("after", "when");

    private FaultText() {
    }

    /** Every fault name in {@link Kind} order. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Kind k : Kind.values()) {
            names.add(k.faultName());
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /**
     * The kind of this name.
     *
     * @throws FaultTextException {@code unknown fault 'x' (allowed: ...)}
     */
    public static Kind kind(String name) {
        return Kind.byName(name).orElseThrow(() -> new FaultTextException(List.of(new FaultTextException.Issue(
                "name", "unknown fault '" + name + "' (allowed: " + String.join(", ", names()) + ")"))));
    }

    /**
     * Parses a fault.
     *
     * @param name the fault's name as scenarios write it ({@code arc_burst})
     * @param params the fault's own parameters as texts; {@code after} and {@code when} are skipped
     * @return the fault, with defaults for parameters not given
     * @throws FaultTextException naming every problem: an unknown name ({@code unknown fault 'x' (allowed:
     *     ...)}), an unknown parameter ({@code fault arc_burst: unknown parameter 'count' (allowed: arcs,
     *     spacing, after, when)}), a value that is not what its parameter measures
     */
    public static PlantFault parse(String name, Map<String, String> params) {
        Kind kind = kind(name);
        Reader r = new Reader(kind, params);
        PlantFault fault = switch (kind) {
            case DOOR_OPEN, DOOR_CLOSE, ESTOP_PRESS, ESTOP_RELEASE, THERMAL_SWITCH_OPEN, THERMAL_SWITCH_CLOSE, ARC,
                    SHORT_CLEAR, DISCHARGE_OPEN, DISCHARGE_REPAIR, FILAMENT_OPEN, FILAMENT_REPAIR, ROTOR_STALL, PHASE_LOSS, ROTOR_REPAIR, START_RATE,
                    KV_NORMAL, AEC_NEVER_STOPS, HANDSWITCH_STUCK, HANDSWITCH_FREE, POWER_RESTORE, EXPOSURE_TIMER_LOST,
                    LINK_RESTORE -> new PlantFault.Simple(kind);
            case ARC_BURST -> new PlantFault.ArcBurst(r.count("arcs"), r.duration("spacing"));
            case HARD_SHORT -> new PlantFault.HardShort(r.duration("length"));
            case ROTOR_SLOW -> new PlantFault.RotorSlow(r.number("factor"));
            case OVER_KV -> new PlantFault.OverKv(r.number("factor"));
            case KV_REGULATION -> new PlantFault.KvRegulation(r.number("factor"));
            case AEC_STOP -> new PlantFault.AecStop(r.duration("after_xray_on"));
            case HANDSWITCH_MISMATCH -> new PlantFault.HandswitchMismatch(r.channel("channel"));
            case BROWN_OUT -> new PlantFault.BrownOut(r.number("depth_v"), r.duration("length"));
            case POWER_LOSS -> new PlantFault.PowerLoss(r.duration("length"));
            case FIRMWARE_HANG -> new PlantFault.FirmwareHang(r.duration("length"));
            case LINK_CUT -> new PlantFault.LinkCut(r.duration("length"));
            case SERIAL_NOISE -> new PlantFault.SerialNoise(r.count("bytes"));
            case SERIAL_FLOOD -> new PlantFault.SerialFlood(r.duration("length"));
            case TUBE_OVERHEAT -> new PlantFault.TubeOverheat(r.number("joules"));
        };
        r.done();
        return fault;
    }

    /**
     * Parses a duration as fault parameters are written (a unit, or whole nanoseconds), for a caller that
     * reads {@code after}.
     *
     * @throws FaultTextException {@code fault NAME: PARAM: ...} when it is not a duration of 0 or more
     */
    public static long duration(String faultName, String parameter, String text) {
        List<FaultTextException.Issue> issues = new ArrayList<>();
        long v = duration(faultName, parameter, text, issues);
        if (!issues.isEmpty()) {
            throw new FaultTextException(issues);
        }
        return v;
    }

    private static long duration(String fault, String param, String v, List<FaultTextException.Issue> issues) {
        if (v != null && v.matches("\\d+")) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                issues.add(new FaultTextException.Issue(param, "fault " + fault + ": " + param + ": '" + v
                        + "' is too large (at most " + Long.MAX_VALUE + " ns)"));
                return 0;
            }
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            issues.add(new FaultTextException.Issue(param, "fault " + fault + ": " + param + ": " + e.getMessage()));
            return 0;
        }
    }

    /** Reads one kind's parameters, gathering problems instead of stopping at the first. */
    private static final class Reader {
        private final Kind kind;
        private final Map<String, String> given;
        private final List<FaultTextException.Issue> issues = new ArrayList<>();

        Reader(Kind kind, Map<String, String> given) {
            this.kind = kind;
            this.given = given;
            Set<String> own = kind.defaults().keySet();
            for (String key : given.keySet()) {
                if (!own.contains(key) && !SCHEDULE_KEYS.contains(key)) {
                    issues.add(new FaultTextException.Issue(key, "fault " + kind.faultName() + ": unknown parameter '"
                            + key + "' (allowed: " + String.join(", ", own) + (own.isEmpty() ? "" : ", ") + "after, when)"));
                }
            }
        }

        private String text(String parameter, Quantity... quantities) {
            for (Parameter p : kind.parameters()) {
                if (p.name().equals(parameter) && List.of(quantities).contains(p.quantity())) {
                    return given.containsKey(parameter) ? given.get(parameter) : p.defaultText();
                }
            }
            throw new IllegalStateException("FaultText: " + kind.faultName() + " declares no " + List.of(quantities)
                    + " parameter '" + parameter + "' (declared: " + kind.parameters() + ")");
        }

        long duration(String parameter) {
            return FaultText.duration(kind.faultName(), parameter, text(parameter, Quantity.DURATION), issues);
        }

        long count(String parameter) {
            String v = text(parameter, Quantity.COUNT);
            try {
                long c = Long.parseLong(String.valueOf(v).trim());
                if (c >= 0) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // reported below, with the text as written
            }
            issues.add(new FaultTextException.Issue(parameter, "fault " + kind.faultName() + ": " + parameter + " '"
                    + v + "' is not a count (0 or more)"));
            return 0;
        }

        double number(String parameter) {
            String v = text(parameter, Quantity.FACTOR, Quantity.VOLTS, Quantity.JOULES);
            try {
                return Double.parseDouble(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                issues.add(new FaultTextException.Issue(parameter, "fault " + kind.faultName() + ": " + parameter + " '"
                        + v + "' is not a number"));
                return 0;
            }
        }

        Channel channel(String parameter) {
            String v = text(parameter, Quantity.CHANNEL);
            for (Channel c : Channel.values()) {
                if (c.name().equals(v)) {
                    return c;
                }
            }
            issues.add(new FaultTextException.Issue(parameter, "fault " + kind.faultName() + ": " + parameter + " '"
                    + v + "' (allowed: A, B)"));
            return Channel.A;
        }

        void done() {
            if (!issues.isEmpty()) {
                throw new FaultTextException(issues);
            }
        }
    }
}
