package org.hilrig.runner.run;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.scenario.Scenario;

/**
 * A step run once a run's results, junit.xml and traces are written: the evidence (report, identity,
 * manifest, signature) and the end of the run in the results database hook in here. Runs in registration
 * order on the run's thread, before the console's totals.
 */
@FunctionalInterface
public interface EndOfRun {
    /**
     * @param outDir the run's output folder, complete apart from what this step adds
     * @param scenarios the scenarios run, in order, as loaded (with their files)
     * @return lines for the end of the console summary saying where what this step wrote went (empty for none)
     */
    List<String> finished(Path outDir, RunResult result, List<Scenario> scenarios);
}
