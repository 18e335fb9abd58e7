package org.hilrig.runner.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hilrig.runner.store.AttemptRecord.Verdict;
import org.hilrig.runner.store.QualityRecords.Attempt;
import org.hilrig.runner.store.QualityRecords.Value;

/**
 * Per measurement (a scenario's time or value, {@code SCENARIO.NAME}): its {@link Capability} and
 * {@link IndividualsChart} across the units.
 *
 * <p>One value a unit: from the unit's first tested attempt (PASS, FAIL or INCONCLUSIVE; the process as it came, before
 * retests select the good), the mean of its repeats where the scenario took it more than once; units in the order of
 * those attempts. The limits are those recorded with the values when every value has the same, else none (the row
 * says the limits differed: a new profile revision changed them). Immutable.
 */
public final class CapabilityReport {
    /**
     * One measurement.
     *
     * @param serials the units, in the order of {@code values}
     * @param values one a unit
     * @param limitsDiffered whether the values' recorded limits were not all the same (then none are used)
     * @param chart the individuals chart, null for one unit
     */
    public record Row(String scenario, String name, String unit, List<String> serials, List<Double> values,
            Capability capability, IndividualsChart chart, boolean limitsDiffered) {
        public Row {
            serials = List.copyOf(serials);
            values = List.copyOf(values);
        }

        public String measurement() {
            return scenario + "." + name;
        }
    }

    private final List<Row> rows;

    private CapabilityReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * @param attempts the attempts, oldest first ({@link org.hilrig.runner.store.QualityRecords#attempts})
     * @param values their measured values ({@link org.hilrig.runner.store.QualityRecords#values})
     */
    public static CapabilityReport of(List<Attempt> attempts, List<Value> values) {
        Map<String, Attempt> firstOfUnit = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            if (a.verdict() == Verdict.PASS || a.verdict() == Verdict.FAIL || a.verdict() == Verdict.INCONCLUSIVE) {
                firstOfUnit.putIfAbsent(a.serial(), a);
            }
        }
        Set<String> counted = new HashSet<>();
        Map<String, Attempt> byId = new LinkedHashMap<>();
        firstOfUnit.values().forEach(a -> {
            counted.add(a.attemptId());
            byId.put(a.attemptId(), a);
        });
        // measurement -> attempt (in attempt order) -> its values
        Map<String, Map<String, List<Value>>> grouped = new LinkedHashMap<>();
        Map<String, List<Value>> ofAttempt = new LinkedHashMap<>();
        for (Value v : values) {
            if (counted.contains(v.attemptId())) {
                ofAttempt.computeIfAbsent(v.attemptId(), k -> new ArrayList<>()).add(v);
            }
        }
        for (Attempt a : firstOfUnit.values()) {
            for (Value v : ofAttempt.getOrDefault(a.attemptId(), List.of())) {
                grouped.computeIfAbsent(v.scenarioId() + "\u0000" + v.name(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.attemptId(), k -> new ArrayList<>()).add(v);
            }
        }
        List<Row> rows = new ArrayList<>();
        grouped.values().forEach(byAttempt -> rows.add(row(byAttempt, byId)));
        rows.sort(java.util.Comparator.comparing(Row::scenario).thenComparing(Row::name));
        return new CapabilityReport(rows);
    }

    private static Row row(Map<String, List<Value>> byAttempt, Map<String, Attempt> byId) {
        List<String> serials = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> uncertainties = new ArrayList<>();
        Value first = byAttempt.values().iterator().next().get(0);
        boolean same = true;
        for (Map.Entry<String, List<Value>> e : byAttempt.entrySet()) {
            serials.add(byId.get(e.getKey()).serial());
            means.add(e.getValue().stream().mapToDouble(Value::value).average().orElseThrow());
            for (Value v : e.getValue()) {
                uncertainties.add(v.uncertainty());
                same &= Objects.equals(v.lower(), first.lower()) && Objects.equals(v.upper(), first.upper());
            }
        }
        Capability c = Capability.of(means, same ? first.lower() : null, same ? first.upper() : null, uncertainties);
        return new Row(first.scenarioId(), first.name(), first.unit(), serials, means, c, IndividualsChart.of(means), !same);
    }
}
