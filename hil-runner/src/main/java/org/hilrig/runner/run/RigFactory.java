package org.hilrig.runner.run;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.InputProblem;

/** Makes a fresh rig, at time 0, for one scenario, and says what such a rig can do. The run closes each rig. */
public interface RigFactory {
    /**
     * @param seed the scenario's own seed (derived from the run seed and the scenario id)
     * @param defects emulator defect names to switch on (validated by the caller)
     */
    Rig open(Scenario scenario, long seed, List<String> defects);

    /**
     * What the rig opened for a scenario on {@code board} (with the other board emulated or not) can do; a
     * rig that tests one board only says so whatever is asked ({@link RigCapabilities#board()}).
     */
    RigCapabilities capabilities(Board board, boolean emulateOtherBoard);

    /** Every need of {@code scenarios} the rigs made for them do not meet, scenario by scenario (see {@link RigCapabilities#check}). */
    default List<InputProblem> check(List<Scenario> scenarios) {
        List<InputProblem> problems = new ArrayList<>();
        for (Scenario s : scenarios) {
            problems.addAll(capabilities(s.board(), s.emulateOtherBoard()).check(s));
        }
        return problems;
    }
}
