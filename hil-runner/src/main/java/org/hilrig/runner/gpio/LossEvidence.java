package org.hilrig.runner.gpio;

/** How the rig knows that input edges were lost. */
public enum LossEvidence {
    /**
     * The kernel's request-wide {@code seqno} skipped: its event buffer overflowed (it drops the oldest
     * event) or events were consumed elsewhere. Which lines lost edges is not known yet.
     */
    REQUEST_SEQUENCE_GAP,
    /** A line's own {@code line_seqno} skipped: that line lost edges. */
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
