package org.hilrig.runner.gpio;

import org.hilrig.timing.Clock;

/** The contract on in-memory pins. */
class SimulatedRigLinesTest extends RigLinesContract {
    private SimulatedPins pins;

    @Override
    RigLines open(Clock clock) {
        pins = new SimulatedPins(clock, EDGE_UNCERTAINTY);
        return RigLines.simulated(fixture("sim"), pins, clock);
    }

    @Override
    void boardDrives(int bcmPin, boolean high) {
        pins.boardDrives(bcmPin, high);
    }

    @Override
    boolean boardSeesHigh(int bcmPin) {
        return pins.isHigh(bcmPin);
    }
}
