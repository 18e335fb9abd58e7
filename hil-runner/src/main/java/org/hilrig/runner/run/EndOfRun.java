package org.hilrig.runner.run;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.scenario.Scenario;

/**
 * A step run once a run's results, junit.xml and traces are written: the evidence (report, manifest,
 * signature) and the results database hook in here. Runs in registration order on the run's thread.
 */
@FunctionalInterface
public interface EndOfRun {
    /**
     * @param outDir the run's output folder, complete apart from what this step adds
     * @param scenarios the scenarios run, in order, as loaded (with their files)
     */
    void finished(Path outDir, RunResult result, List<Scenario> scenarios);
}
