package org.hilrig.device.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.random.SeededRandom;

/**
 * Units that differ: one board of a production lot, drawn from its unit seed within the spreads of its
 * profile's {@code units:} section. Every component the section names (kV divider, tank capacitance, rise
 * time, filament emission, rotor acceleration, interrupt latency, ...) gets its own draw from the unit seed
 * and the key's path, so a unit is the same unit whatever else the section lists, and two keys never share
 * a draw. The unit's serial number follows its seed.
 *
 * <p>Serial numbers and seeds: unit seed {@code N} reports {@code <prefix>-U<N>} ({@code GEN-U17}, the
 * prefix is the reference serial's text before its last {@code -}); a serial of that form is that unit; any
 * other serial number (a scanned label) gives a seed of its own: the first draw of the seeded stream named
 * by its text. The nominal
 * unit (every component at its nominal value, the reference profile as written) has no unit seed.
 *
 * <p>Stateless; no clock, no unseeded randomness.
 */
public final class Units {
    /** The seeds of serial numbers not of the {@code -U<N>} form: one stream per serial text. */
    private static final RandomStreams SERIALS = new RandomStreams(0);
    private static final Pattern CANONICAL = Pattern.compile("[!-~&&[^,]]+-U(\\d{1,18})");

    private Units() {
    }

    /** The seed of the unit with this serial number. */
    public static long seedOf(String serial) {
        Matcher m = CANONICAL.matcher(serial.trim());
        if (m.matches()) {
            return Long.parseLong(m.group(1));
        }
        return SERIALS.stream(serial.trim()).nextLong() & Long.MAX_VALUE;
    }

    /** The serial number the unit of {@code unitSeed} reports, after the reference profile's prefix. */
    public static String serialOf(BoardProfile reference, long unitSeed) {
        if (unitSeed < 0) {
            throw new IllegalArgumentException("a unit seed is 0 or more, found " + unitSeed);
        }
        String ref = reference.text(CommonKeys.SERIAL_NUMBER);
        int dash = ref.lastIndexOf('-');
        return (dash > 0 ? ref.substring(0, dash) : ref) + "-U" + unitSeed;
    }

    /**
     * The profile of the unit of {@code unitSeed}: every key of the reference's spreads drawn, clamped to the
     * key's allowed range, and its serial number; everything else as the reference has it.
     */
    public static BoardProfile draw(BoardProfile reference, long unitSeed) {
        return draw(reference, unitSeed, serialOf(reference, unitSeed));
    }

    /** The unit of this serial number (its seed from {@link #seedOf}), reporting that serial number. */
    public static BoardProfile ofSerial(BoardProfile reference, String serial) {
        return draw(reference, seedOf(serial), serial.trim());
    }

    private static BoardProfile draw(BoardProfile reference, long unitSeed, String serial) {
        Map<ProfileKey, String> e = new LinkedHashMap<>(reference.entries());
        for (Map.Entry<ProfileKey, Spread> s : reference.spreads().entrySet()) {
            ProfileKey k = s.getKey();
            double nominal = k.kind() == ProfileKey.Kind.DURATION ? reference.nanos(k) : reference.number(k);
            double v = Math.max(k.min(), Math.min(k.max(), s.getValue().apply(nominal, z(unitSeed, k))));
            e.put(k, k.kind() == ProfileKey.Kind.DURATION ? Math.round(v) + "ns" : plain(v));
        }
        e.put(CommonKeys.SERIAL_NUMBER, serial);
        return new BoardProfile(reference.schema(), e, reference.spreads(), reference.techniques());
    }

    /** The unit's standard normal draw for one key, within +-3. */
    static double z(long unitSeed, ProfileKey key) {
        SeededRandom r = new RandomStreams(unitSeed).stream("unit." + key.path());
        double z;
        do {
            z = r.nextGaussian();
        } while (Math.abs(z) > 3.0);
        return z;
    }

    /** A number as profile text: plain decimal, 9 significant digits. */
    static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }
}
