package org.hilrig.device.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accuracy as data sheets state it: {@code +-(3 % + 1 kV)}, a share of the nominal value plus an amount in
 * the quantity's unit, written in a profile's {@code accuracy:} section as {@code 3 % + 1 kV} (either part
 * may stand alone: {@code 5 %}, {@code 0.5 mAs}). A value is within it when it lies no further from the
 * nominal than {@code share x |nominal| + amount}.
 *
 * @param share the share of the nominal value (0.03 for {@code 3 %}), 0 or more
 * @param amount the amount in {@code unit}, 0 or more
 * @param unit the quantity's unit ({@code kV}, {@code mA}, {@code mAs}, {@code ms}); empty for a share alone
 */
public record Tolerance(double share, double amount, String unit) {
    private static final Pattern TEXT = Pattern.compile(
            "\\s*(?:(\\d+(?:\\.\\d+)?)\\s*%)?\\s*(\\+)?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+))?\\s*");

    /** The units an amount may be in: those of the quantities a generator delivers and a rig measures. */
    public static final java.util.List<String> UNITS = java.util.List.of("kV", "V", "mA", "A", "mAs", "As", "kWs", "ms",
            "us", "s", "rpm");

    public Tolerance {
        if (!(share >= 0) || !(amount >= 0) || !Double.isFinite(share) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("a tolerance is 0 or more, found " + share + " and " + amount);
        }
        unit = unit == null ? "" : unit;
    }

    /**
     * Parses {@code 3 % + 1 kV}, {@code 5 %} or {@code 1 kV} (a leading {@code +-} or {@code ±} and brackets
     * are allowed, as data sheets print it).
     *
     * @throws IllegalArgumentException saying what is wrong and what is allowed
     */
    public static Tolerance parse(String text) {
        String t = text == null ? "" : text.trim().replace("±", "").replace("+-", "").replace("(", "").replace(")", "");
        Matcher m = TEXT.matcher(t);
        boolean share = m.matches() && m.group(1) != null;
        boolean amount = m.matches() && m.group(3) != null;
        if (!m.matches() || !(share || amount) || (m.group(2) != null) != (share && amount)
                || amount && !UNITS.contains(m.group(4))) {
            throw new IllegalArgumentException("'" + text + "' is not a tolerance (write a share, an amount with its"
                    + " unit, or both: 3 % + 1 kV, 5 %, 0.5 mAs; units: " + String.join(", ", UNITS) + ")");
        }
        return new Tolerance(share ? Double.parseDouble(m.group(1)) / 100.0 : 0,
                amount ? Double.parseDouble(m.group(3)) : 0, amount ? m.group(4) : "");
    }

    /** The half-width of the band around {@code nominal}: {@code share x |nominal| + amount}. */
    public double around(double nominal) {
        return share * Math.abs(nominal) + amount;
    }

    /** Whether the amount's unit (if any) is {@code u}, case as written in SI ({@code kV}, not {@code KV}). */
    public boolean fits(String u) {
        return unit.isEmpty() || unit.equals(u);
    }

    /** As written in a profile: {@code 3 % + 1 kV}. */
    @Override
    public String toString() {
        String s = share > 0 ? Units.plain(share * 100) + " %" : "";
        String a = amount > 0 || share == 0 ? Units.plain(amount) + (unit.isEmpty() ? "" : " " + unit) : "";
        return s.isEmpty() ? a : a.isEmpty() ? s : s + " + " + a;
    }
}
