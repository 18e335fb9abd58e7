package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * What running one scenario gave.
 *
 * @param verdict pass, fail (an expectation or invariant was not met), inconclusive (a limit lay inside a
 *     measurement's uncertainty) or error (the rig or the scenario could not be run)
 * @param message why it did not pass, one line naming the scenario line; null when it passed
 * @param measurements the named measurements, in the order they were taken
 * @param endNanos the rig time when the scenario ended
 */
public record ScenarioOutcome(Verdict verdict, String message, List<Measurement> measurements, long endNanos) {
    public ScenarioOutcome {
        measurements = List.copyOf(measurements);
    }
}
