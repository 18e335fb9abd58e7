package org.hilrig.timing.vcd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Real numbers as VCD text: parsing straight from bytes, and the shortest decimal that reads back as
 * the same double.
 *
 * <p>Accepted syntax (that of C's {@code strtod}, which VCD writers and GTKWave use, without hex):
 * {@code [+-]digits[.digits][(e|E)[+-]digits]}, a leading or trailing point allowed, and {@code nan},
 * {@code inf}, {@code infinity} in any case, signed or not.
 */
final class RealText {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private RealText() {
    }

    /**
     * Parses {@code b[from, to)} into {@code out[0]}; false (and {@code out} untouched) when the text is
     * not a real number.
     */
    static boolean parse(byte[] b, int from, int to, double[] out) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i < to && !isDigit(b[i]) && b[i] != '.') {
            return parseWord(b, i, to, negative, out);
        }
        long mantissa = 0;
        int significant = 0;
        int dropped = 0; // digits beyond 19 significant, before the point
        int fractionDigits = 0;
        int digits = 0;
        while (i < to && isDigit(b[i])) {
            int d = b[i] - '0';
            if (significant < 19) {
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                }
            } else {
                dropped++;
            }
            digits++;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                int d = b[i] - '0';
                if (significant < 19) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        significant++;
                    }
                    fractionDigits++;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return false;
        }
        long exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int start = i;
            while (i < to && isDigit(b[i])) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == start) {
                return false;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return false;
        }
        long scale = exponent + dropped - fractionDigits;
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (significant <= 15 && dropped == 0 && scale >= -22 && scale <= 22) {
            value = scale >= 0 ? mantissa * POWERS_OF_TEN[(int) scale] : mantissa / POWERS_OF_TEN[(int) -scale];
        } else {
            value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            out[0] = value;
            return true;
        }
        out[0] = negative ? -value : value;
        return true;
    }

    private static boolean parseWord(byte[] b, int i, int to, boolean negative, double[] out) {
        String word = new String(b, i, to - i, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        switch (word) {
            case "nan" -> out[0] = Double.NaN;
            case "inf", "infinity" -> out[0] = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The shortest decimal (fewest significant digits, correctly rounded from the exact binary value)
     * that parses back to exactly {@code value}: {@code 3.3}, {@code -0.0015}, {@code 1e-9},
     * {@code 2.5e+21}; {@code nan}, {@code inf}, {@code -inf}, {@code 0}, {@code -0}. The result does not
     * depend on the JDK's {@code Double.toString}, so it is the same on every Java version.
     */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        BigDecimal exact = new BigDecimal(value);
        int low = 1;
        int high = 17; // 17 significant digits always read back exactly
        BigDecimal best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        while (low < high) {
            int mid = (low + high) >>> 1;
            BigDecimal candidate = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == value) {
                best = candidate;
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return render(best.stripTrailingZeros());
    }

    private static String render(BigDecimal d) {
        String digits = d.unscaledValue().abs().toString();
        int leadExponent = digits.length() - 1 - d.scale();
        StringBuilder s = new StringBuilder(24);
        if (d.signum() < 0) {
            s.append('-');
        }
        if (leadExponent >= -7 && leadExponent < 21) {
            s.append(d.abs().toPlainString());
        } else {
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            s.append('e').append(leadExponent < 0 ? '-' : '+').append(Math.abs(leadExponent));
        }
        return s.toString();
    }
}
