package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.runner.results.StepResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * What running one scenario gave.
 *
 * @param verdict pass, fail (an expectation or invariant was not met), inconclusive (a limit lay inside a
 *     measurement's uncertainty) or error (the rig or the scenario could not be run)
 * @param message why it did not pass, one line naming the scenario line; null when it passed
 * @param taken the named measurements with where in the trace they were taken, in the order they were taken
 * @param endNanos the rig time when the scenario ended
 * @param steps the scenario file's steps as they ran, up to and including the one that ended the scenario
 *     (the boot and technique preamble is not a step of the file and is not listed)
 * @param values the named value measurements ({@code measure} steps of values), in the order taken
 * @param rigBroke whether the error was the rig itself breaking (a {@link
 *     org.hilrig.timing.RigFailureException}: a port that would not open, a link lost), rather than a
 *     scenario this rig cannot run
 */
public record ScenarioOutcome(Verdict verdict, String message, List<Taken> taken, long endNanos,
        List<StepResult> steps, boolean rigBroke, List<ValueResult> values) {
    public ScenarioOutcome {
        taken = List.copyOf(taken);
        steps = List.copyOf(steps);
        values = List.copyOf(values);
    }

    /** An outcome without value measurements. */
    public ScenarioOutcome(Verdict verdict, String message, List<Taken> taken, long endNanos, List<StepResult> steps,
            boolean rigBroke) {
        this(verdict, message, taken, endNanos, steps, rigBroke, List.of());
    }

    /** An outcome in which the rig did not break. */
    public ScenarioOutcome(Verdict verdict, String message, List<Taken> taken, long endNanos, List<StepResult> steps) {
        this(verdict, message, taken, endNanos, steps, false);
    }

    /**
     * A measurement and its place in the trace, so a report can draw the signals around it.
     *
     * @param stimulusNanos the trace time the measurement counts from (the stimulus as it actually happened)
     * @param signals full paths of the trace signals involved, stimulus first, then the response; only the
     *     response when the stimulus was a fault or a serial frame rather than a line, empty when the response
     *     was a frame
     */
    public record Taken(Measurement measurement, long stimulusNanos, List<String> signals) {
        public Taken {
            signals = List.copyOf(signals);
        }
    }

    /** An outcome without measurements or steps: the scenario could not be run. */
    public static ScenarioOutcome error(String message, long endNanos) {
        return new ScenarioOutcome(Verdict.ERROR, message, List.of(), endNanos, List.of());
    }

    /** An outcome without measurements or steps: the rig broke before the scenario could run. */
    public static ScenarioOutcome rigBroke(String message, long endNanos) {
        return new ScenarioOutcome(Verdict.ERROR, message, List.of(), endNanos, List.of(), true);
    }

    /** The named measurements, in the order they were taken. */
    public List<Measurement> measurements() {
        return taken.stream().map(Taken::measurement).toList();
    }
}
