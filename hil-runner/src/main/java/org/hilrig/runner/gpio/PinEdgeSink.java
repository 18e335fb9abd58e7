package org.hilrig.runner.gpio;

import java.util.Set;

/**
 * Where electrical pins report what their inputs do, in electrical terms (BCM pin numbers, high or low).
 * Called on the pins' own event thread; implementations only hand over and never block.
 */
interface PinEdgeSink {
    /** Input {@code bcmPin} became {@code high} at {@code timeNanos} (rig time base), plus or minus {@code uncertaintyNanos}. */
    void edge(int bcmPin, boolean high, long timeNanos, long uncertaintyNanos);

    /** At least {@code missingEdges} edges of these pins were lost before {@code timeNanos}. */
    void lost(Set<Integer> bcmPins, long missingEdges, long timeNanos, LossEvidence evidence);
}
