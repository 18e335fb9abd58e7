package org.hilrig.runner.results;

import java.util.List;
import org.hilrig.timing.verdict.Verdict;

/**
 * One scenario's outcome in a run.
 *
 * @param file the scenario file, relative to the library root, or null for scenarios built in Java
 * @param trace the VCD path relative to the output folder ({@code traces/ID.vcd})
 * @param traceSha256 SHA-256 of the VCD file's bytes, lowercase hex
 * @param message why it failed or erred, one line; null when it passed
 * @param simulatedNanos how much rig time the scenario took
 * @param steps the steps as they ran, in order (empty when the engine did not record them)
 * @param values the named value measurements (kV, mA, mAs), in the order taken
 */
public record ScenarioResult(String id, String title, String file, Verdict status, List<String> requirements,
        List<String> tags, List<MeasurementResult> measurements, String trace, String traceSha256, String message,
        long simulatedNanos, List<StepResult> steps, List<ValueResult> values) {
    public ScenarioResult {
        values = List.copyOf(values);
        requirements = List.copyOf(requirements);
        tags = List.copyOf(tags);
        measurements = List.copyOf(measurements);
        steps = List.copyOf(steps);
    }

    /** A result without value measurements. */
    public ScenarioResult(String id, String title, String file, Verdict status, List<String> requirements,
            List<String> tags, List<MeasurementResult> measurements, String trace, String traceSha256, String message,
            long simulatedNanos, List<StepResult> steps) {
        this(id, title, file, status, requirements, tags, measurements, trace, traceSha256, message, simulatedNanos,
                steps, List.of());
    }

    /** A result without step records. */
    public ScenarioResult(String id, String title, String file, Verdict status, List<String> requirements,
            List<String> tags, List<MeasurementResult> measurements, String trace, String traceSha256, String message,
            long simulatedNanos) {
        this(id, title, file, status, requirements, tags, measurements, trace, traceSha256, message, simulatedNanos,
                List.of());
    }
}
