package org.hilrig.runner.scenario;

import java.util.Locale;

/**
 * What a {@code measure} step takes of an analog line over its window. The value statistics are in the line's
 * unit ({@code kV}, {@code mA}; the integral in the unit times seconds, {@code mAs}); the time statistics are
 * durations and are judged like every timing measurement.
 */
enum AnalogStat {
    /** The time-weighted mean over the window. */
    MEAN(false),
    /** The largest sample. */
    PEAK(false),
    /** The smallest sample. */
    MIN(false),
    /** Peak to peak: the largest sample less the smallest. */
    RIPPLE(false),
    /** The integral over the window, in the line's unit times seconds (mA to mAs). */
    INTEGRAL(false),
    /** 10 % to 90 % of the level the line settles at (the mean over the window's second half). */
    RISE(true),
    /**
     * From the first time the line reaches {@code above:} to the last time it falls below it (IEC 60788 loading
     * time: 75 % of the set kV on the rise to 75 % on the fall, tail included).
     */
    WIDTH(true);

    private final boolean time;

    AnalogStat(boolean time) {
        this.time = time;
    }

    /** Whether the statistic is a duration (judged with {@code within}), not a value in the line's unit. */
    boolean isTime() {
        return time;
    }

    /** As scenarios write it: {@code mean}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of this statistic of a line in {@code lineUnit}: the line's, or its product with seconds for the integral. */
    String unit(String lineUnit) {
        if (this == INTEGRAL) { // a rate's integral is its quantity (uGy/s to uGy), anything else times seconds (mA to mAs)
            return lineUnit.endsWith("/s") ? lineUnit.substring(0, lineUnit.length() - 2) : lineUnit + "s";
        }
        return time ? "ns" : lineUnit;
    }
}
