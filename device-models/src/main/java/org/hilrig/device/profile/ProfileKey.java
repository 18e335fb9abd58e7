package org.hilrig.device.profile;

import java.util.Objects;

/**
 * One entry a board profile holds: its dotted path (as written in {@code fixtures/boards/*.yaml}), its kind
 * and its allowed range. Each board declares its own keys with the board ({@link GeneratorKeys},
 * {@link TubeKeys}; those every board holds in {@link CommonKeys}) and lists them in its
 * {@link ProfileSchema}; the catalogue of every board's keys, and the lookup by path, is
 * {@code org.hilrig.device.board.Boards}. The YAML loader in hil-runner and {@link BoardProfile#check} both
 * read the schema, so there is one list of keys per board.
 *
 * <p>Durations are written with a unit ({@code 2ms}); numbers are plain decimals in the unit the path
 * names ({@code _kv}, {@code _ma}, {@code _rpm}); fractions are 0..1 (or a little above for ratios).
 *
 * <p>Immutable; two keys are equal when their paths are.
 */
public final class ProfileKey {
    /** What a value is written as. */
    public enum Kind {
        /** A duration with a unit ({@code 2.5ms}); held as nanoseconds. */
        DURATION,
        /** A decimal number. */
        NUMBER,
        /** A whole number. */
        INTEGER,
        /** Free text without commas (it travels in protocol fields). */
        TEXT,
        /** An accuracy, {@code 3 % + 1 kV} ({@link Tolerance}). */
        TOLERANCE
    }

    private final String name;
    private final String path;
    private final Kind kind;
    private final double min;
    private final double max;

    private ProfileKey(String name, String path, Kind kind, double min, double max) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = Objects.requireNonNull(path, "path");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.min = min;
        this.max = max;
        if (!path.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a profile key's path is section.name in lower case: '" + path + "'");
        }
        if (min > max) {
            throw new IllegalArgumentException(path + ": minimum " + min + " above maximum " + max);
        }
    }

    /**
     * A key.
     *
     * @param name the constant's name, for messages of the code ({@code KV_MIN})
     * @param path the dotted path in a profile file ({@code technique.kv_min})
     * @param min smallest allowed value (nanoseconds for durations); unused for text and tolerances
     * @param max largest allowed value
     */
    public static ProfileKey of(String name, String path, Kind kind, double min, double max) {
        return new ProfileKey(name, path, kind, min, max);
    }

    /** The constant's name ({@code KV_MIN}). */
    public String name() {
        return name;
    }

    /** The dotted path of this key in a profile file, e.g. {@code mcu.tick}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Smallest allowed value (nanoseconds for durations); unused for text. */
    public double min() {
        return min;
    }

    /** Largest allowed value (nanoseconds for durations); unused for text. */
    public double max() {
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileKey k && k.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    /** The constant's name, as an enum constant printed. */
    @Override
    public String toString() {
        return name;
    }
}
