package org.hilrig.runner.gpio;

/**
 * What an input line reports: an edge, or evidence that edges were lost. Times are in the rig's time base
 * (the {@link org.hilrig.timing.Clock} the lines were opened with), in nanoseconds.
 */
public sealed interface LineEvent permits LineEdge, EdgesLost {
    /** When it happened, in the rig's time base. */
    long timeNanos();
}
