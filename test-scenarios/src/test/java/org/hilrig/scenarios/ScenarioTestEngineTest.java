package org.hilrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hilrig.scenarios.junit.ScenarioTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ScenarioTestEngineTest {
    private static final String VER = """
            id: COM-VER-201
            title: The board answers VER
            requirements: [REQ-COM-001]
            tags: [protocol]
            board: GEN
            steps:
              - send: {command: VER, reply: ACK, measure: ver_reply}
            """;
    private static final String DOOR = """
            id: INT-DOOR-201
            title: Door opened during an exposure ends it within 1 ms
            requirements: [REQ-ILK-001]
            board: GEN
            technique: {kv: 80, ma: 250, ms: 300}
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.prep.rotor_timeout}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 50ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: 1ms}
            """;

    @Test
    void everyScenarioFileIsATestAtItsFilePosition(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ver.yaml"), VER);
        Files.writeString(dir.resolve("door.yaml"), DOOR);

        Events tests = EngineTestKit.engine(ScenarioTestEngine.ID).selectors(selectDirectory(dir.toFile()))
                .configurationParameter("hil.out", dir.resolve("out").toString()).execute().testEvents();

        tests.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getSource().orElseThrow()))
                .containsExactly(FileSource.from(dir.resolve("door.yaml").toFile(), FilePosition.from(1, 1)),
                        FileSource.from(dir.resolve("ver.yaml").toFile(), FilePosition.from(1, 1)));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("INT-DOOR-201: Door opened during an exposure ends it within 1 ms",
                        "COM-VER-201: The board answers VER");
        assertThat(dir.resolve("out/traces/INT-DOOR-201.vcd")).isNotEmptyFile();
    }

    @Test
    void aScenarioThatCatchesTheConfiguredDefectFailsWithItsReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("door.yaml"), DOOR);

        EngineTestKit.engine(ScenarioTestEngine.ID).selectors(selectFile(dir.resolve("door.yaml").toFile()))
                .configurationParameter("hil.defects", "SLOW_INTERLOCK")
                .configurationParameter("hil.out", dir.resolve("out").toString()).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("INT-DOOR-201"),
                        finishedWithFailure(message(m -> m.startsWith("fail: ") && m.contains("door.yaml: line 13 (expect): HV_ENABLE")))));
    }

    @Test
    void aLibraryProblemIsATestWithItsFileAndPosition(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ver.yaml"), VER.replace("VER", "VRE"));
        Files.writeString(dir.resolve("door.yaml"), DOOR.replace("within: 1ms", "within: soon"));

        Events tests = EngineTestKit.engine(ScenarioTestEngine.ID).selectors(selectDirectory(dir.toFile())).execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(2).failed(2).succeeded(0));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getSource().orElseThrow()))
                .containsExactly(FileSource.from(dir.resolve("door.yaml").toFile(), FilePosition.from(13, 60)),
                        FileSource.from(dir.resolve("ver.yaml").toFile(), FilePosition.from(7, 21)));
        String door = dir.resolve("door.yaml") + ":13:60: step 'expect': 'soon' is not a duration";
        String ver = dir.resolve("ver.yaml") + ":7:21: step 'send': unknown command 'VRE'";
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .satisfiesExactly(n -> assertThat(n).startsWith(door), n -> assertThat(n).startsWith(ver));
        tests.assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(message(m -> m.startsWith(door) && m.lines().count() == 1))))
                .haveExactly(1, event(finishedWithFailure(message(m -> m.startsWith(ver) && m.lines().count() == 1))));
    }

    @Test
    void aScenarioTheSimulatedRigCannotRunIsATestAtItsStepNotAnErrorWhenItRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tub.yaml"), VER.replace("board: GEN", "board: TUB")
                .replace("  - send: {command: VER, reply: ACK, measure: ver_reply}", "  - set: {PREP_REQ: active}"));

        Events tests = EngineTestKit.engine(ScenarioTestEngine.ID).selectors(selectDirectory(dir.toFile())).execute()
                .testEvents();

        tests.assertStatistics(s -> s.started(1).failed(1).succeeded(0));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getSource().orElseThrow()))
                .containsExactly(FileSource.from(dir.resolve("tub.yaml").toFile(), FilePosition.from(7, 5)));
        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(dir.resolve("tub.yaml")
                + ":7:5: step 'set': rig sim drives no line PREP_REQ (it drives: ROTOR_START)"))));
    }

    @Test
    void aUniqueIdPicksOneScenarioOfTheLibrary() {
        var id = org.junit.platform.engine.UniqueId.forEngine(ScenarioTestEngine.ID).append("scenario", "INT-DOOR-001");

        Events tests = EngineTestKit.engine(ScenarioTestEngine.ID)
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId(id)).execute().testEvents();

        tests.assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(tests.started().stream().map(e -> e.getTestDescriptor().getUniqueId())).containsExactly(id);
        FileSource source = (FileSource) tests.started().stream().findFirst().orElseThrow().getTestDescriptor().getSource().orElseThrow();
        assertThat(source.getFile()).isFile().hasName("int-door-001.yaml");
        assertThat(source.getPosition()).contains(FilePosition.from(1, 1));
    }

    @Test
    void aBadSeedFailsEveryTestSayingWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ver.yaml"), VER);

        EngineTestKit.engine(ScenarioTestEngine.ID).selectors(selectDirectory(dir.toFile()))
                .configurationParameter("hil.seed", "forty-two").execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("COM-VER-201"), finishedWithFailure(
                        message("configuration parameter hil.seed: 'forty-two' is not a whole number"))));
    }

    @Test
    void classSelectorsSelectNothing() {
        EngineTestKit.engine(ScenarioTestEngine.ID)
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(ScenarioTestEngineTest.class))
                .execute().testEvents().assertStatistics(s -> s.started(0));
    }
}
