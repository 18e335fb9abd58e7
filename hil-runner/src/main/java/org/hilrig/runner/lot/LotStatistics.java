package org.hilrig.runner.lot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;

/**
 * The statistics of a production lot: for each measurement of each scenario (a value in its unit, or a time in
 * ms), its values across the units of the lot (one per unit: the mean of a unit's repeats), with mean, standard deviation, coefficient of variation, range,
 * and the process capability Cpk against the measurement's limits where it has both (and the same for every
 * unit), with the sample size it rests on. Computed with Commons Math. Immutable once built.
 */
public final class LotStatistics {
    /**
     * One measurement across the lot.
     *
     * @param scenario the scenario's id
     * @param name the measurement's name
     * @param unit its unit ({@code kV}, {@code mA}, {@code mAs}; {@code ms} for a time)
     * @param values the unit's values, in unit order
     * @param units the unit seeds, in the same order
     * @param lower the lower limit, or null (none, or not the same for every unit)
     * @param upper the upper limit, or null
     * @param outside how many units' values lay outside their limits
     */
    public record Row(String scenario, String name, String unit, List<Double> values, List<Long> units, Double lower,
            Double upper, int outside) {
        public Row {
            values = List.copyOf(values);
            units = List.copyOf(units);
        }

        private DescriptiveStatistics stats() {
            DescriptiveStatistics d = new DescriptiveStatistics();
            values.forEach(d::addValue);
            return d;
        }

        public int n() {
            return values.size();
        }

        public double mean() {
            return stats().getMean();
        }

        /** The sample standard deviation (n - 1); 0 for one value. */
        public double sd() {
            return n() < 2 ? 0 : stats().getStandardDeviation();
        }

        /** sd / |mean|; null when the mean is 0. */
        public Double cv() {
            double m = mean();
            return m == 0 ? null : sd() / Math.abs(m);
        }

        public double min() {
            return stats().getMin();
        }

        public double max() {
            return stats().getMax();
        }

        /**
         * Writes the row's statistics into {@code n}: {@code name, unit, n, mean, sd, cv, min, max, lower, upper, cpk}
         * (null where there is none), as results.json and lot.json give them.
         */
        public void writeTo(com.fasterxml.jackson.databind.node.ObjectNode n) {
            n.put("name", name);
            n.put("unit", unit);
            n.put("n", n());
            n.put("mean", mean());
            n.put("sd", sd());
            put(n, "cv", cv());
            n.put("min", min());
            n.put("max", max());
            put(n, "lower", lower);
            put(n, "upper", upper);
            put(n, "cpk", cpk());
        }

        private static void put(com.fasterxml.jackson.databind.node.ObjectNode n, String key, Double v) {
            if (v == null) {
                n.putNull(key);
            } else {
                n.put(key, v);
            }
        }

        /**
         * min(upper - mean, mean - lower) / 3 sd, against the limits the row has (one side when it has one); null
         * without limits, with fewer than two values or no spread (an infinite capability says nothing).
         */
        public Double cpk() {
            double sd = sd();
            if ((lower == null && upper == null) || n() < 2 || sd == 0) {
                return null;
            }
            double m = mean();
            double c = Double.POSITIVE_INFINITY;
            if (upper != null) {
                c = Math.min(c, (upper - m) / (3 * sd));
            }
            if (lower != null) {
                c = Math.min(c, (m - lower) / (3 * sd));
            }
            return c;
        }
    }

    private final List<Row> rows;

    private LotStatistics(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows of one scenario, in the order its measurements were taken. */
    public List<Row> of(String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
    }

    /**
     * The statistics of a lot from each unit's results.
     *
     * @param byUnit each unit seed's scenario results, in unit order
     */
    public static LotStatistics of(Map<Long, List<ScenarioResult>> byUnit) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        byUnit.forEach((unit, results) -> {
            for (ScenarioResult s : results) {
                // a measurement a unit took more than once (repeat:) counts once, as the mean of its repeats: the
                // lot's n is its units, and its spread the units' spread, not the shots'
                Map<String, Acc> own = new LinkedHashMap<>();
                for (MeasurementResult m : s.measurements()) {
                    own.computeIfAbsent(m.name(), k -> new Acc(s.id(), m.name(), "ms"))
                            .add(unit, m.valueNs() / 1e6, ms(m.minNs()), ms(m.maxNs()), m.status());
                }
                for (ValueResult v : s.values()) {
                    own.computeIfAbsent(v.name(), k -> new Acc(s.id(), v.name(), v.unit()))
                            .add(unit, v.value(), v.min(), v.max(), v.status());
                }
                own.forEach((name, repeats) -> acc.computeIfAbsent(s.id() + "\u0000" + name,
                        k -> new Acc(s.id(), name, repeats.unit)).addMeanOf(unit, repeats));
            }
        });
        List<Row> rows = new ArrayList<>();
        acc.values().forEach(a -> rows.add(a.row()));
        return new LotStatistics(rows);
    }

    /**
     * The statistics over the repeats of one scenario's result ({@code repeat:}): every measurement taken more than
     * once, its values in the order taken ({@link Row#units} is the repeat, from 1).
     */
    public static List<Row> ofRepeats(ScenarioResult s) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (MeasurementResult m : s.measurements()) {
            acc.computeIfAbsent(m.name(), k -> new Acc(s.id(), m.name(), "ms")).add(seen.merge(m.name(), 1, Integer::sum),
                    m.valueNs() / 1e6, ms(m.minNs()), ms(m.maxNs()), m.status());
        }
        for (ValueResult v : s.values()) {
            acc.computeIfAbsent(v.name(), k -> new Acc(s.id(), v.name(), v.unit())).add(seen.merge(v.name(), 1, Integer::sum),
                    v.value(), v.min(), v.max(), v.status());
        }
        return acc.values().stream().map(Acc::row).filter(r -> r.n() >= 2).toList();
    }

    private static Double ms(Long ns) {
        return ns == null ? null : ns / 1e6;
    }

    /** One measurement's values as they come, unit by unit. */
    private static final class Acc {
        private final String scenario;
        private final String name;
        private final String unit;
        private final List<Double> values = new ArrayList<>();
        private final List<Long> units = new ArrayList<>();
        private Double lower;
        private Double upper;
        private boolean lowerSame = true;
        private boolean upperSame = true;
        private int outside;

        Acc(String scenario, String name, String unit) {
            this.scenario = scenario;
            this.name = name;
            this.unit = unit;
        }

        void add(long unitSeed, double value, Double min, Double max, org.hilrig.timing.verdict.Verdict status) {
            if (values.isEmpty()) {
                lower = min;
                upper = max;
            } else {
                lowerSame &= java.util.Objects.equals(lower, min);
                upperSame &= java.util.Objects.equals(upper, max);
            }
            values.add(value);
            units.add(unitSeed);
            if (status == org.hilrig.timing.verdict.Verdict.FAIL) {
                outside++;
            }
        }

        /** One unit's repeats as one value: their mean, outside when any repeat was. */
        void addMeanOf(long unitSeed, Acc repeats) {
            double mean = repeats.values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            add(unitSeed, mean, repeats.lowerSame ? repeats.lower : null, repeats.upperSame ? repeats.upper : null,
                    repeats.outside > 0 ? org.hilrig.timing.verdict.Verdict.FAIL : org.hilrig.timing.verdict.Verdict.PASS);
        }

        Row row() {
            return new Row(scenario, name, unit, Collections.unmodifiableList(values), units, lowerSame ? lower : null,
                    upperSame ? upper : null, outside);
        }
    }
}
