package org.hilrig.runner.realtime;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;

/**
 * The plant faults a real-time rig makes by driving one of its lines: a permissive going inactive (the door
 * opens, the emergency stop is pressed, the thermal switch opens) or back. Shared by {@link RealTimeRig},
 * which drives them, and by {@link RealTimeRigs#capabilities()}, which declares them. Stateless.
 */
final class LineFaults {
    /** A plant fault the rig makes by driving {@code line} to {@code active}. */
    record LineFault(HardwareLine line, boolean active) {
    }

    private static final Map<PlantFault.Kind, LineFault> ALL = new EnumMap<>(Map.of(
            PlantFault.Kind.DOOR_OPEN, new LineFault(HardwareLine.DOOR_CLOSED, false),
            PlantFault.Kind.DOOR_CLOSE, new LineFault(HardwareLine.DOOR_CLOSED, true),
            PlantFault.Kind.ESTOP_PRESS, new LineFault(HardwareLine.ESTOP_OK, false),
            PlantFault.Kind.ESTOP_RELEASE, new LineFault(HardwareLine.ESTOP_OK, true),
            PlantFault.Kind.THERMAL_SWITCH_OPEN, new LineFault(HardwareLine.THERMAL_OK, false),
            PlantFault.Kind.THERMAL_SWITCH_CLOSE, new LineFault(HardwareLine.THERMAL_OK, true)));

    private LineFaults() {
    }

    /** The line {@code kind} is made with, if it is a line fault. */
    static Optional<LineFault> of(PlantFault.Kind kind) {
        return Optional.ofNullable(ALL.get(kind));
    }

    /** The line faults {@code fixture} can make: those whose line it wires as an output, in kind order. */
    static Set<PlantFault.Kind> wiredOn(RigFixture fixture) {
        Set<PlantFault.Kind> wired = EnumSet.noneOf(PlantFault.Kind.class);
        ALL.forEach((kind, f) -> {
            if (fixture.find(f.line()).orElse(null) instanceof OutputLine) {
                wired.add(kind);
            }
        });
        return wired;
    }
}
