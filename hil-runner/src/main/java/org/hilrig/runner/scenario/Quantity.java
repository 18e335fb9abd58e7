package org.hilrig.runner.scenario;

import java.util.Locale;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.ProfileKey;

/**
 * A number a scenario names for a measurement: a literal ({@code 80}), the scenario's technique
 * ({@code technique.kv}, {@code technique.ma}, {@code technique.ms}, {@code technique.mas}), or a number of the
 * board profile ({@code profile.exposure.over_kv_fraction}), optionally a share of it ({@code 75 % of
 * technique.kv}), or a value a {@code measure} step of the scenario took before ({@code value.mas}: the rig's
 * measurement, to judge what the board reports against it). Resolved when the step runs, against the
 * technique, profiles and measurements of the run.
 *
 * @param factor what the reference is multiplied by (1, or 0.75 for {@code 75 % of})
 * @param reference {@code technique.kv}, {@code profile.PATH} or {@code value.NAME}; null for a literal
 * @param literal the literal's value; unused with a reference
 * @param text as written, for reports
 */
record Quantity(double factor, String reference, double literal, String text) {
    /** The technique references a quantity may name. */
    static final java.util.List<String> TECHNIQUE = java.util.List.of("technique.kv", "technique.ma", "technique.ms",
            "technique.mas");

    /**
     * Reads {@code s}, or returns null after a problem message in {@code why[0]}.
     */
    static Quantity parse(String s, String[] why) {
        String t = s.trim();
        double factor = 1;
        int of = t.toLowerCase(Locale.ROOT).indexOf(" of ");
        if (of > 0 && t.substring(0, of).trim().endsWith("%")) {
            try {
                factor = Double.parseDouble(t.substring(0, of).trim().replace("%", "").trim()) / 100.0;
            } catch (NumberFormatException e) {
                why[0] = "'" + s + "' is not a share of a value (write 75 % of technique.kv)";
                return null;
            }
            t = t.substring(of + 4).trim();
        }
        if (t.startsWith("technique.")) {
            if (!TECHNIQUE.contains(t)) {
                why[0] = "unknown technique value '" + t + "', allowed: " + String.join(", ", TECHNIQUE);
                return null;
            }
            return new Quantity(factor, t, 0, s.trim());
        }
        if (t.startsWith("value.")) {
            if (!t.substring("value.".length()).matches("\\w+")) {
                why[0] = "'" + t + "' does not name a measurement (value.NAME, NAME a measure step's name)";
                return null;
            }
            return new Quantity(factor, t, 0, s.trim());
        }
        if (t.startsWith("profile.")) {
            ProfileKey k = org.hilrig.device.board.Boards.profileKey(t.substring("profile.".length()));
            if (k == null || (k.kind() != ProfileKey.Kind.NUMBER && k.kind() != ProfileKey.Kind.INTEGER)) {
                why[0] = "'" + t + "' is not a number of the board profiles";
                return null;
            }
            return new Quantity(factor, t, 0, s.trim());
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && factor == 1) {
                return new Quantity(1, null, d, s.trim());
            }
        } catch (NumberFormatException e) {
            // below
        }
        why[0] = "'" + s + "' is not a number, a technique value (" + String.join(", ", TECHNIQUE)
                + "), a profile number (profile.PATH) or a measurement (value.NAME)";
        return null;
    }

    /**
     * The value for this run.
     *
     * @throws IllegalArgumentException when it names the technique and there is none
     */
    double value(ProfileLimits profile, Board board, Technique technique) {
        return value(profile, board, technique, name -> null);
    }

    /**
     * The value for this run, {@code value.NAME} the last value of that name {@code measured} gives.
     *
     * @throws IllegalArgumentException when it names the technique and there is none, or a measurement not taken
     */
    double value(ProfileLimits profile, Board board, Technique technique,
            java.util.function.Function<String, Double> measured) {
        if (reference == null) {
            return literal;
        }
        if (reference.startsWith("value.")) {
            Double v = measured.apply(reference.substring("value.".length()));
            if (v == null) {
                throw new IllegalArgumentException(text + ": no measurement " + reference.substring("value.".length())
                        + " was taken before this step");
            }
            return factor * v;
        }
        if (reference == null) {
            return literal;
        }
        if (reference.startsWith("technique.")) {
            if (technique == null) {
                throw new IllegalArgumentException(text + " needs the scenario's technique");
            }
            double v = switch (reference) {
                case "technique.kv" -> technique.kilovolts();
                case "technique.ma" -> technique.milliamps();
                case "technique.ms" -> technique.milliseconds();
                default -> technique.milliamps() * technique.milliseconds() / 1000.0;
            };
            return factor * v;
        }
        return factor * profile.number(reference.substring("profile.".length()), board);
    }

    @Override
    public String toString() {
        return text;
    }
}
