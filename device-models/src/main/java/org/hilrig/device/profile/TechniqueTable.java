package org.hilrig.device.profile;

import java.util.List;

/**
 * A named table of exposure techniques in a generator's profile ({@code techniques: {NAME: [{kv, ma, ms}, ...]}}):
 * the stations a product is verified at, which a scenario sweeps ({@code sweep: {table: NAME}}), so that the
 * grid lives with the product's limits and not in the scenario.
 *
 * @param name the table's name, as scenarios refer to it
 * @param stations its techniques, in the order they run (two or more)
 */
public record TechniqueTable(String name, List<Station> stations) {
    /** One technique of a table: tube voltage kV, tube current mA, exposure time ms. */
    public record Station(double kv, double ma, double ms) {
    }

    public TechniqueTable {
        stations = List.copyOf(stations);
        if (stations.size() < 2) {
            throw new IllegalArgumentException("technique table '" + name + "' has " + stations.size()
                    + " technique(s); a table has two or more");
        }
    }

    /**
     * Why {@code s} cannot be set on a board of {@code profile} (outside its kV, mA or time range, or above its
     * power rating), or null when it can.
     */
    public static String problem(BoardProfile profile, Station s) {
        return problem(profile::number, s);
    }

    /**
     * As {@link #problem(BoardProfile, Station)}, with the board's {@code technique.*} numbers from {@code number}
     * (a loader checks a table before the rest of its file makes a profile).
     */
    public static String problem(java.util.function.ToDoubleFunction<ProfileKey> number, Station s) {
        String r = range("kv", s.kv(), number.applyAsDouble(GeneratorKeys.KV_MIN), number.applyAsDouble(GeneratorKeys.KV_MAX), "kV");
        if (r == null) {
            r = range("ma", s.ma(), number.applyAsDouble(GeneratorKeys.MA_MIN), number.applyAsDouble(GeneratorKeys.MA_MAX), "mA");
        }
        if (r == null) {
            r = range("ms", s.ms(), number.applyAsDouble(GeneratorKeys.MS_MIN), number.applyAsDouble(GeneratorKeys.MS_MAX), "ms");
        }
        double kw = s.kv() * s.ma() / 1000;
        double max = number.applyAsDouble(GeneratorKeys.POWER_MAX_KW);
        if (r == null && kw > max) {
            r = "kv x ma is " + Units.plain(kw) + " kW, above technique.power_max_kw " + Units.plain(max) + " kW";
        }
        return r;
    }

    private static String range(String key, double v, double min, double max, String unit) {
        return v >= min && v <= max ? null : "'" + key + "' " + Units.plain(v) + " " + unit + " is outside the board's range "
                + Units.plain(min) + " to " + Units.plain(max) + " " + unit;
    }
}
