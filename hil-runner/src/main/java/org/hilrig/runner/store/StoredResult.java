package org.hilrig.runner.store;

import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.timing.verdict.Verdict;

/** A scenario result as the database holds it, with the run it belongs to. */
public record StoredResult(String runId, String rig, String startedUtc, String scenarioId, String title,
        Verdict status, String message, List<String> requirements, List<MeasurementResult> measurements) {
    public StoredResult {
        requirements = List.copyOf(requirements);
        measurements = List.copyOf(measurements);
    }
}
