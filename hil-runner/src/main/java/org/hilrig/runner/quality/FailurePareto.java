package org.hilrig.runner.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.store.QualityRecords.MeasurementFailure;
import org.hilrig.runner.store.QualityRecords.ScenarioFailure;

/**
 * A Pareto of failures: which scenarios (status fail or error) and which measurements (outside their limits) failed
 * most in the tested attempts, each with its count, its share of all such failures and the cumulative share, most
 * frequent first (ties by name). A measurement is named {@code SCENARIO.NAME}: the same name in two scenarios is two
 * measurements. Immutable.
 */
public final class FailurePareto {
    /**
     * One bar of the Pareto.
     *
     * @param attempts how many attempts it failed in
     * @param share its count / the count of every failure of its kind, 0 to 1
     * @param cumulative the shares of it and every bar before it
     */
    public record Bar(String name, int count, int attempts, double share, double cumulative) {
    }

    private final List<Bar> scenarios;
    private final List<Bar> measurements;

    private FailurePareto(List<Bar> scenarios, List<Bar> measurements) {
        this.scenarios = List.copyOf(scenarios);
        this.measurements = List.copyOf(measurements);
    }

    public List<Bar> scenarios() {
        return scenarios;
    }

    public List<Bar> measurements() {
        return measurements;
    }

    public static FailurePareto of(List<ScenarioFailure> scenarioFailures, List<MeasurementFailure> measurementFailures) {
        return new FailurePareto(bars(scenarioFailures.stream().map(f -> new String[] {f.scenarioId(), f.attemptId()})
                .toList()), bars(measurementFailures.stream().map(f -> new String[] {f.scenarioId() + "." + f.name(),
                        f.attemptId()}).toList()));
    }

    /** Bars from (name, attempt) pairs. */
    private static List<Bar> bars(List<String[]> failures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> attempts = new LinkedHashMap<>();
        for (String[] f : failures) {
            counts.merge(f[0], 1, Integer::sum);
            attempts.computeIfAbsent(f[0], k -> new java.util.HashSet<>()).add(f[1]);
        }
        int all = failures.size();
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey())).toList();
        List<Bar> out = new ArrayList<>();
        int running = 0;
        for (Map.Entry<String, Integer> e : sorted) {
            running += e.getValue();
            out.add(new Bar(e.getKey(), e.getValue(), attempts.get(e.getKey()).size(), (double) e.getValue() / all,
                    (double) running / all));
        }
        return out;
    }
}
