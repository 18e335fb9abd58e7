package org.hilrig.runner.gpio;

/** How the rig knows that input edges were lost. */
public enum LossEvidence {
    /**
     * A line's own {@code line_seqno} skipped: the kernel dropped that many of the line's events (its event
     * buffer was full; it drops the oldest). Seen at the line's next event. (The request-wide {@code seqno} is
     * no evidence: the kernel reorders and repeats it across lines, see {@code EdgeSequenceCheck}.)
     */
    LINE_SEQUENCE_GAP,
    /**
     * Two edges in a row in the same direction with no sequence gap: the line pulsed faster than the
     * kernel read its level, so the edge in between was never reported.
     */
    SAME_EDGE_TWICE,
    /**
     * The edge capture stopped on an error (the device went away, a read failed): no further edges will be
     * reported, however many there are. {@code missingEdges} is 0: unknown.
     */
    CAPTURE_STOPPED
}
