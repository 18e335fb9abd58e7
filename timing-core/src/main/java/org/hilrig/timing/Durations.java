package org.hilrig.timing;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as they are written in scenarios, rules and profiles: a decimal number and a unit,
 * {@code ns}, {@code us}, {@code ms} or {@code s} ({@code 2.5ms}, {@code 100 us}). Time inside the rig
 * is always a {@code long} of nanoseconds.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)\\s*");

    private Durations() {
    }

    /**
     * Parses a duration to nanoseconds.
     *
     * @throws IllegalArgumentException with a message that names the text and the allowed units when it
     *     is not a duration, is negative, or is not a whole number of nanoseconds
     */
    public static long parse(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    (text == null ? "nothing" : "'" + text + "'") + " is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        if (number.signum() < 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' is negative; durations are 0 or more");
        }
        long scale = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = number.multiply(BigDecimal.valueOf(scale));
        try {
            return nanos.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a whole number of nanoseconds", e);
        }
    }

    /** Formats nanoseconds for people: {@code 412 us}, {@code 1.25 ms}, {@code 2 s}, {@code 37 ns}. */
    public static String format(long nanos) {
        long abs = Math.abs(nanos);
        if (abs < 1_000L) {
            return nanos + " ns";
        }
        if (abs < 1_000_000L) {
            return trim(nanos / 1e3) + " us";
        }
        if (abs < 1_000_000_000L) {
            return trim(nanos / 1e6) + " ms";
        }
        return trim(nanos / 1e9) + " s";
    }

    private static String trim(double value) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
