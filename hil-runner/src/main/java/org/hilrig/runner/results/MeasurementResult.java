package org.hilrig.runner.results;

import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * A named measurement in results.json: {@code value_ns}, {@code min_ns}/{@code max_ns} (null when
 * unbounded), {@code uncertainty_ns} and {@code status}.
 */
public record MeasurementResult(String name, long valueNs, Long minNs, Long maxNs, long uncertaintyNs,
        Verdict status) {
    public static MeasurementResult of(Measurement m) {
        return new MeasurementResult(m.name(), m.valueNanos(), m.minNanos(), m.maxNanos(), m.uncertaintyNanos(),
                m.verdict());
    }
}
