package org.hilrig.runner.run;

import java.util.List;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.scenario.Scenario;

/** Makes a fresh rig, at time 0, for one scenario. The run closes it. */
@FunctionalInterface
public interface RigFactory {
    /**
     * @param seed the scenario's own seed (derived from the run seed and the scenario id)
     * @param defects emulator defect names to switch on (validated by the caller)
     */
    Rig open(Scenario scenario, long seed, List<String> defects);
}
