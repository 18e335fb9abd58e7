package org.hilrig.device.fault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One plant fault as a value: the closed set of faults a rig can make happen, each kind with its own typed
 * parameters. Scenarios write a fault by name with text parameters; {@link FaultText#parse} turns that text
 * into a value once, so a bad value is found where it is written and never later in (virtual) time.
 *
 * <p>Every record checks its own ranges (durations and counts 0 or more), so a value that exists is one
 * a rig can inject. When and after what delay a fault happens ({@code after}, {@code when}) is not part of
 * the fault: see {@link FaultText#SCHEDULE_KEYS}.
 */
public sealed interface PlantFault {

    /** Which fault this is. */
    Kind kind();

    /** What a parameter measures: how its text is read and which record field it becomes. */
    enum Quantity {
        /** A duration with a unit ({@code 5ms}) or a whole number of nanoseconds; 0 or more. */
        DURATION,
        /** A whole number, 0 or more. */
        COUNT,
        /** A dimensionless multiplier ({@code 0.85}). */
        FACTOR,
        /** A voltage in volts. */
        VOLTS,
        /** An energy in joules. */
        JOULES,
        /** A handswitch expose channel: {@code A} or {@code B}. */
        CHANNEL
    }

    /** A fault's own parameter: its name in scenarios, what it measures and the text used when it is not given. */
    record Parameter(String name, Quantity quantity, String defaultText) {
    }

    /** A handswitch expose channel. */
    enum Channel {
        A, B
    }

    /** The kinds of plant fault, in a stable order (the order fault names are listed to users). */
    enum Kind {
        DOOR_OPEN("door opens (interlock loop broken)"),
        DOOR_CLOSE("door closes again"),
        ESTOP_PRESS("emergency stop pressed (chain opens)"),
        ESTOP_RELEASE("emergency stop released"),
        THERMAL_SWITCH_OPEN("tube housing thermal switch opens"),
        THERMAL_SWITCH_CLOSE("tube housing thermal switch closes"),
        ARC("a single arc in the tube"),
        ARC_BURST("a burst of arcs", count("arcs", "4"), duration("spacing", "5ms")),
        HARD_SHORT("a persistent short: every HV enable arcs", duration("length", "0")),
        SHORT_CLEAR("the short clears"),
        DISCHARGE_OPEN("the active HV discharge fails open: the cable discharges through the tube and the bleeder only"),
        DISCHARGE_REPAIR("the active HV discharge works again"),
        FILAMENT_OPEN("the filament breaks: no emission"),
        FILAMENT_REPAIR("the filament is whole again"),
        ROTOR_SLOW("the rotor drive is weak and accelerates slowly", factor("factor", "0.5")),
        ROTOR_STALL("the anode seizes"),
        PHASE_LOSS("a rotor motor phase is lost"),
        ROTOR_REPAIR("rotor faults cleared"),
        START_RATE("the tube controller has just used up its starts (start-rate limit)"),
        OVER_KV("the inverter regulates too high", factor("factor", "1.15")),
        KV_REGULATION("the inverter regulates too low", factor("factor", "0.85")),
        KV_NORMAL("the inverter regulates correctly again"),
        AEC_STOP("the AEC chamber stops each exposure this long after X-ray on", duration("after_xray_on", "50ms")),
        AEC_NEVER_STOPS("the AEC chamber never stops: the set time ends the exposure (with exposure_timer_lost, the backup timer)"),
        HANDSWITCH_STUCK("the handswitch contacts weld: prep and both expose channels read active"),
        HANDSWITCH_FREE("the handswitch contacts follow the rig again"),
        HANDSWITCH_MISMATCH("one expose channel breaks open", new Parameter("channel", Quantity.CHANNEL, "B")),
        BROWN_OUT("the supply dips", new Parameter("depth_v", Quantity.VOLTS, "12"), duration("length", "50ms")),
        POWER_LOSS("the supply drops to 0 (length 0: until power_restore)", duration("length", "0")),
        POWER_RESTORE("the supply returns"),
        FIRMWARE_HANG("the main loop hangs (the firmware watchdog must reset)", duration("length", "1s")),
        EXPOSURE_TIMER_LOST("the exposure timer loses its next tick (the backup timer must end the exposure)"),
        LINK_CUT("the serial cable is cut (length 0: until link_restore)", duration("length", "0")),
        LINK_RESTORE("the serial cable is whole again"),
        SERIAL_NOISE("garbage bytes on the board's receive line", count("bytes", "16")),
        SERIAL_FLOOD("the receive line is flooded with garbage at full rate", duration("length", "100ms")),
        TUBE_OVERHEAT("the anode is heated by a given energy", new Parameter("joules", Quantity.JOULES, "2000000"));

        private final String description;
        private final List<Parameter> parameters;

        Kind(String description, Parameter... parameters) {
            this.description = description;
            this.parameters = List.of(parameters);
        }

        private static Parameter duration(String name, String defaultText) {
            return new Parameter(name, Quantity.DURATION, defaultText);
        }

        private static Parameter count(String name, String defaultText) {
            return new Parameter(name, Quantity.COUNT, defaultText);
        }

        private static Parameter factor(String name, String defaultText) {
            return new Parameter(name, Quantity.FACTOR, defaultText);
        }

        /** The fault's name in scenarios: {@code door_open}. */
        public String faultName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** One line for people: what happens in the plant. */
        public String description() {
            return description;
        }

        /** Own parameters in declaration order (not counting {@code after} and {@code when}). */
        public List<Parameter> parameters() {
            return parameters;
        }

        /** Own parameter names with their default texts, in declaration order. */
        public Map<String, String> defaults() {
            Map<String, String> d = new LinkedHashMap<>();
            for (Parameter p : parameters) {
                d.put(p.name(), p.defaultText());
            }
            return Collections.unmodifiableMap(d);
        }

        /** The kind with this scenario name ({@code arc_burst}), if there is one. */
        public static Optional<Kind> byName(String name) {
            for (Kind k : values()) {
                if (k.faultName().equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A fault without parameters (door_open, arc, power_restore, ...). */
    record Simple(Kind kind) implements PlantFault {
        public Simple {
            if (!kind.parameters().isEmpty()) {
                throw new IllegalArgumentException("PlantFault.Simple: " + kind.faultName() + " takes parameters "
                        + kind.defaults().keySet() + " (use its own record)");
            }
        }
    }

    /** {@code arcs} arcs, the first now, then one every {@code spacingNanos}. */
    record ArcBurst(long arcs, long spacingNanos) implements PlantFault {
        public ArcBurst {
            atLeastZero("arc_burst", "arcs", arcs);
            atLeastZero("arc_burst", "spacing", spacingNanos);
        }

        @Override
        public Kind kind() {
            return Kind.ARC_BURST;
        }
    }

    /** Every HV enable arcs; for {@code lengthNanos}, or until short_clear when 0. */
    record HardShort(long lengthNanos) implements PlantFault {
        public HardShort {
            atLeastZero("hard_short", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.HARD_SHORT;
        }
    }

    /** The rotor accelerates at {@code factor} of its normal rate. */
    record RotorSlow(double factor) implements PlantFault {
        @Override
        public Kind kind() {
            return Kind.ROTOR_SLOW;
        }
    }

    /** The inverter regulates to {@code factor} of the demand (above 1). */
    record OverKv(double factor) implements PlantFault {
        @Override
        public Kind kind() {
            return Kind.OVER_KV;
        }
    }

    /** The inverter regulates to {@code factor} of the demand (below 1). */
    record KvRegulation(double factor) implements PlantFault {
        @Override
        public Kind kind() {
            return Kind.KV_REGULATION;
        }
    }

    /** The AEC chamber stops each exposure {@code afterXrayOnNanos} after X-ray on. */
    record AecStop(long afterXrayOnNanos) implements PlantFault {
        public AecStop {
            atLeastZero("aec_stop", "after_xray_on", afterXrayOnNanos);
        }

        @Override
        public Kind kind() {
            return Kind.AEC_STOP;
        }
    }

    /** The handswitch expose contact of {@code channel} breaks open. */
    record HandswitchMismatch(Channel channel) implements PlantFault {
        public HandswitchMismatch {
            java.util.Objects.requireNonNull(channel, "handswitch_mismatch: channel");
        }

        @Override
        public Kind kind() {
            return Kind.HANDSWITCH_MISMATCH;
        }
    }

    /** The supply dips by {@code depthVolts} for {@code lengthNanos}. */
    record BrownOut(double depthVolts, long lengthNanos) implements PlantFault {
        public BrownOut {
            atLeastZero("brown_out", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.BROWN_OUT;
        }
    }

    /** The supply drops to 0 for {@code lengthNanos}, or until power_restore when 0. */
    record PowerLoss(long lengthNanos) implements PlantFault {
        public PowerLoss {
            atLeastZero("power_loss", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.POWER_LOSS;
        }
    }

    /** The board under test's main loop blocks for {@code lengthNanos}. */
    record FirmwareHang(long lengthNanos) implements PlantFault {
        public FirmwareHang {
            atLeastZero("firmware_hang", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.FIRMWARE_HANG;
        }
    }

    /** The serial cable is cut for {@code lengthNanos}, or until link_restore when 0. */
    record LinkCut(long lengthNanos) implements PlantFault {
        public LinkCut {
            atLeastZero("link_cut", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.LINK_CUT;
        }
    }

    /** {@code bytes} garbage bytes arrive on the board's receive line, back to back. */
    record SerialNoise(long bytes) implements PlantFault {
        public SerialNoise {
            atLeastZero("serial_noise", "bytes", bytes);
        }

        @Override
        public Kind kind() {
            return Kind.SERIAL_NOISE;
        }
    }

    /** Garbage at full rate on the board's receive line for {@code lengthNanos}. */
    record SerialFlood(long lengthNanos) implements PlantFault {
        public SerialFlood {
            atLeastZero("serial_flood", "length", lengthNanos);
        }

        @Override
        public Kind kind() {
            return Kind.SERIAL_FLOOD;
        }
    }

    /** {@code joules} of heat go into the anode at once. */
    record TubeOverheat(double joules) implements PlantFault {
        @Override
        public Kind kind() {
            return Kind.TUBE_OVERHEAT;
        }
    }

    private static void atLeastZero(String fault, String parameter, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("fault " + fault + ": " + parameter + " " + value + " is negative (0 or more)");
        }
    }
}
