package org.hilrig.timing.trace;

/**
 * A signal declared in a trace.
 *
 * @param id dense index in declaration order, 0-based; changes refer to signals by it
 * @param path full dotted path of scopes and reference, e.g. {@code rig.gen.hv_enable}
 * @param reference the signal's own name (the VCD reference, without a bit range)
 * @param kind what it carries
 * @param width bits for digital and vector signals; 64 for reals
 */
public record SignalInfo(int id, String path, String reference, SignalKind kind, int width) {
}
