package org.hilrig.runner.results;

import org.hilrig.timing.verdict.Verdict;

/**
 * One step of a scenario as it ran, for the report: what the file said and when the rig did it.
 *
 * @param index 0-based position in the scenario's {@code steps}
 * @param kind the step's key in the scenario file ({@code set}, {@code await}, {@code expect}, {@code wait}, ...)
 * @param text the step as a reviewer reads it, one line (e.g. {@code HV_ENABLE becomes inactive within 1ms})
 * @param line 1-based line of the step in its scenario file, or 0 when unknown
 * @param startNanos rig time at which the step started, nanoseconds from the trace's time zero
 * @param endNanos rig time at which it ended, at or after {@code startNanos}
 * @param status the step's own verdict ({@code PASS} for steps that only act)
 * @param message why it failed or erred, one line; null when it passed
 */
public record StepResult(int index, String kind, String text, int line, long startNanos, long endNanos,
        Verdict status, String message) {
    public StepResult {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("step " + index + " ends at " + endNanos + " ns, before its start at "
                    + startNanos + " ns");
        }
    }
}
