package org.hilrig.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rig's capabilities against scenarios: every need it does not meet, located where the scenario says it. */
class RigCapabilitiesTest {
    private static final Library LIBRARY = Library.open(Path.of(".."));
    private static final RigCapabilities SERIAL_ONLY = new RigCapabilities("emulate-gen-serial", Board.GEN, Set.of(),
            Set.of(), Set.of());

    @TempDir
    Path dir;

    private Scenario scenario(String board, String steps) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "id: CAP-001\ntitle: needs of a rig\nrequirements: [REQ-ILK-001]\nboard: " + board
                + "\nsteps:\n" + steps);
        return LIBRARY.load(List.of(f)).get(0);
    }

    private static List<String> texts(List<InputProblem> problems) {
        return problems.stream().map(p -> p.toString().replaceFirst("^.*s\\.yaml:", "s.yaml:")).toList();
    }

    @Test
    void everyLineDrivenOrObservedAndEveryFaultTheRigLacksIsAProblemAtItsStep() throws IOException {
        Scenario s = scenario("GEN", """
                  - set: {PREP_REQ: active}
                  - await: {signal: READY, is: active, within: 2s}
                  - fault: door_open
                  - send: {command: VER, reply: ACK}
                """);

        assertThat(texts(SERIAL_ONLY.check(s))).containsExactly(
                "s.yaml:6:5: step 'set': rig emulate-gen-serial drives no line PREP_REQ (it drives: none)",
                "s.yaml:7:5: step 'await': rig emulate-gen-serial observes no line READY (it observes: none)",
                "s.yaml:8:5: step 'fault': rig emulate-gen-serial cannot make fault door_open happen (its faults: none)");
    }

    @Test
    void aMeasureStepNeedsARigThatSamplesItsAnalogLineAndTheSimulatedRigDoes() throws IOException {
        Scenario s = scenario("GEN", """
                  - measure: {name: kv, signal: KV_FB, stat: mean, over: [XRAY_ON active, HV_ENABLE inactive]}
                """);
        RigCapabilities pi = new RigCapabilities("pi-gen", Board.GEN, Set.of(), Set.of("XRAY_ON", "HV_ENABLE"), Set.of());

        assertThat(texts(pi.check(s))).containsExactly("s.yaml:6:5: step 'measure': rig pi-gen samples no analog line"
                + " KV_FB (it samples: none; measured output needs an acquisition channel on the line)");
        assertThat(LIBRARY.simulatedRigFactory().capabilities(Board.GEN, true).check(s)).isEmpty();
    }

    @Test
    void anInvariantOnALineTheRigDoesNotRecordIsAProblemAtTheInvariantNotAPassForWantOfEvidence() throws IOException {
        Scenario s = scenario("GEN", """
                  - send: {command: VER, reply: ACK}
                always:
                  - never: HV_ENABLE active while DOOR_CLOSED inactive for more than 1ms
                  - never: XRAY_ON active while READY inactive
                """);
        RigCapabilities pi = new RigCapabilities("pi-gen", Board.GEN, Set.of("DOOR_CLOSED"), Set.of("HV_ENABLE", "XRAY_ON",
                "READY"), Set.of());

        assertThat(texts(SERIAL_ONLY.check(s))).containsExactly(
                "s.yaml:8:12: always: rig emulate-gen-serial records no line HV_ENABLE (it observes: none); an invariant"
                        + " is checked only on lines the rig records",
                "s.yaml:8:12: always: rig emulate-gen-serial records no line DOOR_CLOSED (it observes: none); an invariant"
                        + " is checked only on lines the rig records",
                "s.yaml:9:12: always: rig emulate-gen-serial records no line XRAY_ON (it observes: none); an invariant"
                        + " is checked only on lines the rig records",
                "s.yaml:9:12: always: rig emulate-gen-serial records no line READY (it observes: none); an invariant"
                        + " is checked only on lines the rig records");
        assertThat(pi.check(s)).as("a line the rig drives is in its trace too").isEmpty();
        assertThat(LIBRARY.simulatedRigFactory().capabilities(Board.GEN, true).check(s)).isEmpty();
    }

    @Test
    void aRigThatHasWhatTheStepsNeedFindsNothing() throws IOException {
        Scenario s = scenario("GEN", """
                  - set: {PREP_REQ: active}
                  - await: {signal: READY, is: active, within: 2s}
                  - fault: door_open
                """);
        RigCapabilities pi = new RigCapabilities("pi-gen", Board.GEN, Set.of("PREP_REQ"), Set.of("PREP_REQ", "READY"),
                Set.of(PlantFault.Kind.DOOR_OPEN));

        assertThat(pi.check(s)).isEmpty();
        assertThat(texts(new RigCapabilities("pi-gen", Board.GEN, Set.of("PREP_REQ", "EXP_REQ_A"), Set.of("READY"),
                Set.of(PlantFault.Kind.ARC)).check(s))).containsExactly(
                "s.yaml:8:5: step 'fault': rig pi-gen cannot make fault door_open happen (its faults: arc)");
    }

    @Test
    void aScenarioForAnotherBoardIsAProblemAtItsBoardNodeAndItsStepsAreNotChecked() throws IOException {
        Scenario s = scenario("TUB", "  - set: {ROTOR_START: active}\n");

        assertThat(texts(SERIAL_ONLY.check(s))).containsExactly(
                "s.yaml:4:8: board TUB: rig emulate-gen-serial tests board GEN (select scenarios with --tags or paths)");
    }

    @Test
    void theSimulatedRigRunsTheWholeLibraryButNotATubeAloneScenarioThatPressesTheHandswitch() throws IOException {
        RigFactory sim = LIBRARY.simulatedRigFactory();

        assertThat(sim.check(LIBRARY.load(List.of()))).isEmpty();
        assertThat(texts(sim.check(List.of(scenario("TUB", "  - set: {PREP_REQ: active}\n"))))).containsExactly(
                "s.yaml:6:5: step 'set': rig sim drives no line PREP_REQ (it drives: ROTOR_START)");
        assertThat(sim.capabilities(Board.GEN, true).faults()).containsAll(Set.of(PlantFault.Kind.values()));
    }

    @Test
    void aPlantLineAFixtureWiresAsAnOutputMayBeSetThereButNotOnTheSimulatedRig() throws IOException {
        Scenario s = scenario("GEN", "  - set: {DOOR_CLOSED: inactive}\n");
        RigCapabilities pi = new RigCapabilities("pi-gen", Board.GEN, Set.of("DOOR_CLOSED"), Set.of("DOOR_CLOSED"),
                Set.of());

        assertThat(pi.check(s)).isEmpty();
        assertThat(texts(LIBRARY.simulatedRigFactory().check(List.of(s)))).containsExactly(
                "s.yaml:6:5: step 'set': rig sim drives no line DOOR_CLOSED (it drives: AEC_STOP, EXP_REQ_A, EXP_REQ_B,"
                        + " PREP_REQ)");
    }
}
