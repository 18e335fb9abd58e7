package org.hilrig.timing.verdict;

/**
 * A measured duration with its uncertainty, judged against optional limits.
 *
 * <p>The true value lies in {@code [valueNanos - uncertaintyNanos, valueNanos + uncertaintyNanos]}. The
 * verdict is {@code pass} when that whole interval is inside the limits, {@code fail} when it is wholly
 * outside, and {@code inconclusive} when a limit lies inside it.
 *
 * @param minNanos lower limit, inclusive, or null for none
 * @param maxNanos upper limit, inclusive, or null for none
 */
public record Measurement(String name, long valueNanos, long uncertaintyNanos, Long minNanos, Long maxNanos,
        Verdict verdict) {

    public static Measurement judge(String name, long valueNanos, long uncertaintyNanos, Long minNanos, Long maxNanos) {
        if (uncertaintyNanos < 0) {
            throw new IllegalArgumentException("uncertainty " + uncertaintyNanos + " ns is negative");
        }
        return new Measurement(name, valueNanos, uncertaintyNanos, minNanos, maxNanos,
                verdict(valueNanos, uncertaintyNanos, minNanos, maxNanos));
    }

    public static Verdict verdict(long value, long uncertainty, Long min, Long max) {
        long lo = value - uncertainty;
        long hi = value + uncertainty;
        boolean surelyInside = (min == null || lo >= min) && (max == null || hi <= max);
        if (surelyInside) {
            return Verdict.PASS;
        }
        boolean surelyOutside = (min != null && hi < min) || (max != null && lo > max);
        return surelyOutside ? Verdict.FAIL : Verdict.INCONCLUSIVE;
    }

    /** Distance to the nearest limit (positive inside, negative outside), or null without limits. */
    public Long marginNanos() {
        Long m = null;
        if (maxNanos != null) {
            m = maxNanos - valueNanos;
        }
        if (minNanos != null) {
            long low = valueNanos - minNanos;
            m = m == null ? low : Math.min(m, low);
        }
        return m;
    }
}
