package org.hilrig.device.board;

import java.util.Optional;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.Uart;

/**
 * One board's part of one machine. The machine calls the hooks phase by phase, each phase for every present
 * board in {@link org.hilrig.device.profile.Board} order, so that signals are declared, listeners registered
 * and timers armed in one fixed order (it decides the trace's bytes):
 * rig signals, plant signals, plant analogs, pins, plant parts provided, plant parts built, controller.
 * Wires come from {@link BoardDefinition#wires}. Confined to the machine's scheduler thread.
 */
public interface BoardMount {
    default void declareRigSignals(MountContext c) {
    }

    default void declarePlantSignals(MountContext c) {
    }

    default void declarePlantAnalogs(MountContext c) {
    }

    default void declarePins(MountContext c) {
    }

    /** Builds the plant parts other boards use ({@link MountContext#provide}). */
    default void providePlant(MountContext c) {
    }

    default void buildPlant(MountContext c) {
    }

    /** Builds the firmware on its MCU, or the plant-level model that stands in for it. */
    default void buildController(MountContext c) {
    }

    /**
     * From now on, samples the board's analog feedback every {@code periodNanos} while there is something to see, as
     * a rig's acquisition triggered on the board's output would (the generator: from HV_ENABLE on until kV and
     * current are back at 0), publishing each value on its signal ({@link BoardDefinition#analogs()}). Sampling
     * reads the plant and changes nothing in it; boards without analog feedback do nothing.
     */
    default void sampleAnalogs(org.hilrig.timing.sched.Scheduler scheduler, long periodNanos) {
    }

    /** Makes the plant faults of {@link BoardDefinition#faults()}. */
    FaultTarget faults();

    /** The MCU of an emulated board (supply, hangs); empty for a modelled one. */
    Optional<Mcu> mcu();

    /** The UART the host's cable plugs into; empty for a modelled board. */
    Optional<Uart> hostUart();

    /**
     * The serial counters of an emulated board's host port.
     *
     * @throws IllegalStateException for a modelled board
     */
    SerialCounters serialCounters();

    /** A part of this board by type (its firmware, its plant model), if it has one. */
    <T> Optional<T> part(Class<T> type);
}
