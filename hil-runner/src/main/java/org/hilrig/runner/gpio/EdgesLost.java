package org.hilrig.runner.gpio;

import java.util.Set;
import org.hilrig.runner.fixture.HardwareLine;

/**
 * Evidence that input edges were lost. A measurement spanning this time on one of these lines is
 * inconclusive, never pass or fail.
 *
 * @param lines the lines that lost edges (every requested input line when the capture stopped)
 * @param missingEdges how many edges are missing, at least
 * @param timeNanos the time of the first event after the gap (when the capture stopped), in the rig's time base
 * @param evidence how the loss was detected
 */
public record EdgesLost(Set<HardwareLine> lines, long missingEdges, long timeNanos, LossEvidence evidence)
        implements LineEvent {
    public EdgesLost {
        lines = Set.copyOf(lines);
    }
}
