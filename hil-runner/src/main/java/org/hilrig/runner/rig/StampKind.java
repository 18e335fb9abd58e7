package org.hilrig.runner.rig;

/**
 * What a measured time was taken from, so a rig can say how far it may lie from the truth: its stamps of
 * lines, frames and faults come from different sources (a clock bracket around a write, a kernel edge
 * stamp, a serial reader's clock).
 */
public enum StampKind {
    /** A line: one the rig drove (stamped around the write) or an edge it observed. */
    LINE,
    /** A serial frame: one the rig sent, or one it received. */
    FRAME,
    /** A plant fault the rig injected. */
    FAULT
}
