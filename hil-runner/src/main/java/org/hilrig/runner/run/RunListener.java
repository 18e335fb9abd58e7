package org.hilrig.runner.run;

import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.trace.Trace;

/**
 * Told about a run as it goes, on the run's thread: the results database records each scenario here as soon
 * as it completes, so a run killed half-way keeps what it finished; the report keeps each trace for its
 * diagrams. A listener that throws stops the run.
 */
public interface RunListener {
    /**
     * The run has its id and start time and is about to run its first scenario.
     *
     * @param run the run without scenarios and end time
     */
    default void started(RunResult run) {
    }

    /**
     * A scenario completed: its trace is written to {@code traces/ID.vcd}.
     *
     * @param trace everything the rig recorded, ended; read-only from here on
     */
    default void scenarioFinished(Scenario scenario, ScenarioResult result, Trace trace) {
    }
}
