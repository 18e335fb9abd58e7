package org.hilrig.runner.store;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.verdict.Verdict;

/**
 * One scenario's measurement across its most recent runs.
 *
 * @param points the values, oldest first; never empty
 * @param medianNs the median of the points' values (the mean of the two middle ones, rounded down, for an
 *     even count)
 */
public record MeasurementTrend(String scenarioId, String name, List<Point> points, long minNs, long medianNs,
        long maxNs) {
    /** One run's value. */
    public record Point(String runId, String startedUtc, long valueNs, long uncertaintyNs, Verdict status) {
    }

    public MeasurementTrend {
        points = List.copyOf(points);
    }

    /** The trend of {@code points} (oldest first), with min, median and max computed from their values. */
    public static MeasurementTrend of(String scenarioId, String name, List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trend of " + scenarioId + "/" + name + " needs at least one value");
        }
        List<Long> sorted = new ArrayList<>();
        for (Point p : points) {
            sorted.add(p.valueNs());
        }
        sorted.sort(null);
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2)
                : Math.floorDiv(sorted.get(n / 2 - 1) + sorted.get(n / 2), 2L);
        return new MeasurementTrend(scenarioId, name, points, sorted.get(0), median, sorted.get(n - 1));
    }

    public Point last() {
        return points.get(points.size() - 1);
    }
}
