package org.hilrig.device.profile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.Durations;

/**
 * How far one component of a board may lie from its nominal value from unit to unit: the specification
 * limit, written in the profile's {@code units:} section as a share of the nominal value ({@code 10 %}) or
 * as an amount in the key's own unit ({@code 0.5} kV for a number, {@code 20us} for a duration). A unit
 * draws its value as the nominal plus the spread times {@code z / 3}, with {@code z} standard normal cut
 * at +-3: the spread is three standard deviations, and no unit lies outside its specification.
 *
 * @param relative the share of the nominal value (0.1 for {@code 10 %}); 0 for an absolute spread
 * @param absolute the amount in the key's unit (nanoseconds for a duration); 0 for a relative spread
 */
public record Spread(double relative, double absolute) {
    private static final Pattern PERCENT = Pattern.compile("\\s*\\+?(?:-)?\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*");

    public Spread {
        if (!(relative >= 0) || !(absolute >= 0) || !Double.isFinite(relative) || !Double.isFinite(absolute)) {
            throw new IllegalArgumentException("a spread is 0 or more, found " + relative + " and " + absolute);
        }
    }

    /**
     * Parses a spread of {@code key}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is allowed
     */
    public static Spread parse(ProfileKey key, String text) {
        String t = text == null ? "" : text.trim().replace("±", "").replace("+-", "");
        Matcher m = PERCENT.matcher(t);
        if (m.matches()) {
            return new Spread(Double.parseDouble(m.group(1)) / 100.0, 0);
        }
        return switch (key.kind()) {
            case DURATION -> new Spread(0, Durations.parse(t));
            case NUMBER -> {
                try {
                    double v = Double.parseDouble(t);
                    if (!(v >= 0) || !Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                    yield new Spread(0, v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a spread (a share such as 5 % or an"
                            + " amount in the unit of " + key.path() + ", 0 or more)");
                }
            }
            default -> throw new IllegalArgumentException(key.path() + " is a " + key.kind().name().toLowerCase(Locale.ROOT)
                    + " and cannot vary from unit to unit (only numbers and durations do)");
        };
    }

    /** The value of a unit whose draw is {@code z} (standard normal, within +-3) around {@code nominal}. */
    public double apply(double nominal, double z) {
        return nominal + (relative * Math.abs(nominal) + absolute) * z / 3.0;
    }

    /** As written in a profile: {@code 10 %}, or the amount. */
    @Override
    public String toString() {
        return relative > 0 ? Units.plain(relative * 100) + " %" : Units.plain(absolute);
    }
}
