package org.hilrig.runner.realtime;

import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.gpio.RigLines;
import org.hilrig.runner.io.LinkEndpoint;

/**
 * What surrounds the board under test for one opening of a real-time rig: where its serial byte stream is
 * reached, its hardware lines, and the plant faults that are not a line the rig drives. Plain data; the
 * {@link BenchFactory} that made it says how.
 *
 * @param link the board's serial link
 * @param lines the fixture's hardware lines, opened; null for a rig without GPIO
 * @param plantFaults faults injected into the plant by other means than the rig's lines (an emulated
 *     board's plant model); null when there are none
 * @param powerOn powers the board up; the rig calls it once, at its time 0 after its link and lines are
 *     open, so the board's {@code EVT,BOOT} is seen within 500 ms of time 0; null for a board that was
 *     already running (a real board without a power switch in the fixture, {@code hil emulate})
 * @param closer ends what the bench started (an emulated board, a pseudo-terminal pair), after the rig has
 *     put its outputs in the safe state and closed its link and lines; never null
 */
public record Bench(LinkEndpoint link, RigLines lines, PlantFaults plantFaults, Runnable powerOn,
                    AutoCloseable closer) {
    /** Injects plant faults that are not lines of the rig. */
    @FunctionalInterface
    public interface PlantFaults {
        /**
         * Injects {@code fault} now.
         *
         * @throws IllegalArgumentException when the plant cannot make that fault happen
         */
        void inject(PlantFault fault);
    }
}
