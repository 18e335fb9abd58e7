package org.hilrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.run.ScenarioRun;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library qualifies the rig as a test tool: for every defect the emulator can carry ({@code hil
 * defects}), at least one scenario written for that behaviour ({@code catches: [DEFECT]}) fails when the
 * defect is switched on. (That the library passes on the defect-free emulator is {@link ScenarioLibraryTest}.)
 */
class SelfQualificationTest {
    private static final Library LIBRARY = Library.open(Library.home());
    private static final List<Scenario> SCENARIOS = LIBRARY.load(List.of());

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> everyDefectFailsAScenarioWrittenToCatchIt() {
        return LIBRARY.simulatedRigs().defectNames().stream().map(defect -> DynamicTest.dynamicTest(defect, () -> {
            List<Scenario> catching = SCENARIOS.stream().filter(s -> s.catches().contains(defect)).toList();
            assertThat(catching).as("scenarios written to catch %s", defect).isNotEmpty();
            ScenarioRun run = new ScenarioRun(LIBRARY.engine(), LIBRARY.simulatedRigFactory(),
                    new ScenarioRun.Options("sim", 42, List.of(defect), out), List.of());
            java.nio.file.Files.createDirectories(out.resolve("traces"));
            List<String> failed = catching.stream().map(s -> run.runOne(s, out.resolve("traces")))
                    .filter(r -> r.status() == Verdict.FAIL).map(ScenarioResult::id).toList();
            assertThat(failed).as("scenarios FAILING (not error or inconclusive) with %s among %s", defect,
                    catching.stream().map(Scenario::id).toList()).isNotEmpty();
        }));
    }
}
