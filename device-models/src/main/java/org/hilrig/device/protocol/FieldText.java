package org.hilrig.device.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The text forms of numbers and booleans in fields ({@code protocol.md} section 2): numbers are decimal
 * ASCII, optionally signed, optionally with a fraction ({@code 80}, {@code 80.0}, {@code -3.5}, {@code
 * +2}); booleans are {@code 0} and {@code 1}. Parsing is strict: no exponent, no leading or trailing dot,
 * no spaces. Bad text raises {@link IllegalArgumentException} naming the text and the allowed form.
 */
public final class FieldText {
    private FieldText() {
    }

    /** Whether {@code text} is a protocol number. */
    public static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            i = 1;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (text.charAt(i) != '.') {
            return false;
        }
        i++;
        int fraction = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            fraction++;
        }
        return fraction > 0 && i == n;
    }

    /** Parses a protocol number, e.g. {@code "-3.5"} to {@code -3.5}. */
    public static double parseDecimal(String text) {
        if (!isDecimal(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a number (allowed: decimal ASCII,"
                    + " optionally signed, optionally with a fraction, e.g. 80, 80.0, -3.5)");
        }
        return Double.parseDouble(text);
    }

    /** Parses a protocol number that must be whole, e.g. {@code "250"}. */
    public static long parseInteger(String text) {
        if (!isDecimal(text) || text.indexOf('.') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (allowed: decimal ASCII,"
                    + " optionally signed, no fraction, e.g. 250, -3)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number (out of the range of a long)", e);
        }
    }

    /** Formats {@code value} with exactly {@code fractionDigits} digits after the point, rounding half up. */
    public static String decimal(double value, int fractionDigits) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot send " + value + " as a protocol number (finite values only)");
        }
        if (fractionDigits < 0) {
            throw new IllegalArgumentException("fractionDigits " + fractionDigits + " is negative");
        }
        String s = BigDecimal.valueOf(value).setScale(fractionDigits, RoundingMode.HALF_UP).toPlainString();
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /** Parses a protocol boolean: {@code "1"} is true, {@code "0"} false. */
    public static boolean parseBoolean(String text) {
        if (text.equals("1")) {
            return true;
        }
        if (text.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("'" + text + "' is not a boolean (allowed: 0 or 1)");
    }

    /** Formats a protocol boolean: {@code "1"} or {@code "0"}. */
    public static String bool(boolean value) {
        return value ? "1" : "0";
    }

    private static boolean isNegativeZero(String s) {
        if (!s.startsWith("-")) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
