package org.hilrig.runner.results;

import java.util.List;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * A named measurement in results.json: {@code value_ns}, {@code min_ns}/{@code max_ns} (null when
 * unbounded), {@code uncertainty_ns} and {@code status}.
 *
 * <p>The report draws a timing diagram around a measurement when it knows where in the trace it was taken:
 * {@code stimulusNanos} is the trace time the measurement counts from (the stimulus as it actually happened),
 * and {@code signals} are the paths or references of the trace signals to draw (stimulus first, then the
 * response). Both are optional: null and empty when unknown.
 */
public record MeasurementResult(String name, long valueNs, Long minNs, Long maxNs, long uncertaintyNs,
        Verdict status, Long stimulusNanos, List<String> signals) {
    public MeasurementResult {
        signals = List.copyOf(signals);
    }

    /** A measurement without a place in the trace. */
    public MeasurementResult(String name, long valueNs, Long minNs, Long maxNs, long uncertaintyNs, Verdict status) {
        this(name, valueNs, minNs, maxNs, uncertaintyNs, status, null, List.of());
    }

    public static MeasurementResult of(Measurement m) {
        return new MeasurementResult(m.name(), m.valueNanos(), m.minNanos(), m.maxNanos(), m.uncertaintyNanos(),
                m.verdict());
    }

    /** A measurement counted from {@code stimulusNanos} in the trace, between the given signals. */
    public static MeasurementResult of(Measurement m, long stimulusNanos, List<String> signals) {
        return new MeasurementResult(m.name(), m.valueNanos(), m.minNanos(), m.maxNanos(), m.uncertaintyNanos(),
                m.verdict(), stimulusNanos, signals);
    }

    /** Distance to the nearest limit (positive inside, negative outside), or null without limits. */
    public Long marginNs() {
        Long m = null;
        if (maxNs != null) {
            m = maxNs - valueNs;
        }
        if (minNs != null) {
            long low = valueNs - minNs;
            m = m == null ? low : Math.min(m, low);
        }
        return m;
    }
}
