package org.hilrig.runner.store;

import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * A scenario result as the database holds it, with the run it belongs to. Its values come back without the
 * trace signals they were taken on (the database holds the window, not the paths).
 */
public record StoredResult(String runId, String rig, String startedUtc, String scenarioId, String title,
        Verdict status, String message, List<String> requirements, List<MeasurementResult> measurements,
        List<ValueResult> values) {
    public StoredResult {
        requirements = List.copyOf(requirements);
        measurements = List.copyOf(measurements);
        values = List.copyOf(values);
    }

    /** A result without value measurements. */
    public StoredResult(String runId, String rig, String startedUtc, String scenarioId, String title, Verdict status,
            String message, List<String> requirements, List<MeasurementResult> measurements) {
        this(runId, rig, startedUtc, scenarioId, title, status, message, requirements, measurements, List.of());
    }
}
