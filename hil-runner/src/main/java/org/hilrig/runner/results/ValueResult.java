package org.hilrig.runner.results;

import org.hilrig.timing.verdict.Verdict;

/**
 * A named measurement of a value in its unit (kV, mA, mAs), as results.json lists it under {@code values}:
 * {@code value}, {@code unit}, {@code min}/{@code max} (null when unbounded), {@code uncertainty} and
 * {@code status}. The window it was taken over is where the report draws it.
 *
 * @param nominal what it was judged near ({@code technique.kv}), or null when judged by bounds or not at all
 * @param windowStartNanos trace time of the window's start
 * @param windowEndNanos trace time of the window's end
 * @param signals full trace paths of the analog line measured
 * @param samples how many acquisitions the value rests on: the window's length over the acquisition's sample period
 *     (the trigger holds the acquisition from HV on until the lines are back at 0, and a stopped acquisition reads 0;
 *     the trace records a sample only when it changes the line, so its changes may be fewer); 1 for a frame's field
 */
public record ValueResult(String name, double value, String unit, Double nominal, Double min, Double max,
        double uncertainty, Verdict status, long windowStartNanos, long windowEndNanos, java.util.List<String> signals,
        int samples) {
    public ValueResult {
        signals = java.util.List.copyOf(signals);
        if (!(uncertainty >= 0)) {
            throw new IllegalArgumentException("uncertainty " + uncertainty + " is not 0 or more");
        }
    }

    /**
     * Judges a value against its bounds like every measurement: pass when the value and its uncertainty lie
     * inside, fail when they lie wholly outside, inconclusive when a bound lies inside the uncertainty.
     */
    public static Verdict verdict(double value, double uncertainty, Double min, Double max) {
        double lo = value - uncertainty;
        double hi = value + uncertainty;
        if ((min == null || lo >= min) && (max == null || hi <= max)) {
            return Verdict.PASS;
        }
        return (min != null && hi < min) || (max != null && lo > max) ? Verdict.FAIL : Verdict.INCONCLUSIVE;
    }

    /** Distance to the nearest bound (positive inside, negative outside), or null without bounds. */
    public Double margin() {
        Double m = max == null ? null : max - value;
        if (min != null) {
            double low = value - min;
            m = m == null ? low : Math.min(m, low);
        }
        return m;
    }
}
