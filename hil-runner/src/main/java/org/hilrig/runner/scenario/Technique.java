package org.hilrig.runner.scenario;

/**
 * An exposure technique as a scenario sets it before its steps run.
 *
 * @param kilovolts tube voltage setpoint, kV
 * @param milliamps tube current setpoint, mA
 * @param milliseconds exposure time setpoint, ms
 */
public record Technique(double kilovolts, double milliamps, double milliseconds) {
    /** The set exposure time in nanoseconds. */
    public long exposureNanos() {
        return Math.round(milliseconds * 1_000_000.0);
    }
}
