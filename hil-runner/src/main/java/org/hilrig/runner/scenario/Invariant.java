package org.hilrig.runner.scenario;

/**
 * A condition for the whole run, checked on the trace by the timing-core rule monitors:
 * {@code never: XRAY_ON active while DOOR_CLOSED inactive for more than profile.door_to_xray_off}.
 * The two states must not overlap for longer than the tolerance.
 *
 * @param whileSignal the second line, or null for "never: HV_ENABLE active" (the first state alone)
 * @param tolerance how long the overlap may last, or null for not at all
 * @param text the invariant as written
 */
public record Invariant(Position at, String signal, LineState state, String whileSignal, LineState whileState,
        Limit tolerance, String text) {
}
