package org.hilrig.timing.trace;

/** What a traced signal carries. */
public enum SignalKind {
    /** One bit: {@link Level}. */
    DIGITAL,
    /** Several bits, as a VCD vector; the rig's own traces do not make these. */
    VECTOR,
    /** A real number (an analog value such as kV feedback). */
    REAL
}
