package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());

    static final String DOOR = """
            id: INT-DOOR-003
            title: Door opened during exposure ends it
            requirements: [REQ-ILK-001]
            tags: [interlock]
            board: GEN
            technique: {kv: 80, ma: 250, ms: 500}
            catches: [SLOW_INTERLOCK]
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.rotor_timeout}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 100ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: profile.door_to_hv_off, measure: door_to_hv_off}
              - expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}
              - send: {command: VER, reply: ACK}
            always:
              - never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms
            """;

    @Test
    void readsEveryKindOfStepInOrder() {
        Scenario s = loader.load("door.yaml", DOOR);

        assertThat(s.id()).isEqualTo("INT-DOOR-003");
        assertThat(s.technique()).isEqualTo(new Technique(80, 250, 500));
        assertThat(s.steps()).extracting(Step::keyword).containsExactly("set", "await", "set", "await", "wait",
                "fault", "expect", "expect_event", "send");
        Step.Expect e = (Step.Expect) s.steps().get(6);
        assertThat(e.within().max()).isEqualTo(new Limit.ProfileRef("door_to_hv_off"));
        assertThat(e.at()).isEqualTo(new Position("door.yaml", 15, 5));
        assertThat(((Step.Set) s.steps().get(2)).lines()).containsOnlyKeys("EXP_REQ_A", "EXP_REQ_B");
        Invariant inv = s.always().get(0);
        assertThat(inv.whileSignal()).isEqualTo("DOOR_CLOSED");
        assertThat(inv.tolerance().max()).isEqualTo(new Limit.Fixed(2_000_000));
    }

    @Test
    void reportsEveryProblemOfAFileWithLineAndColumn() {
        String bad = DOOR.replace("title:", "titel:")
                .replace("within: 5ms", "within: 5xs")
                .replace("fault: door_open", "fault: door_opened")
                .replace("signal: HV_ENABLE", "signal: HV_ENABLED")
                .replace("REQ-ILK-001", "REQ-ILK-999")
                .replace("SLOW_INTERLOCK", "SLOW_INTERLOK")
                .replace("command: VER", "command: VRS")
                .replace("profile.rotor_timeout", "profile.rotor_timout");

        assertThatThrownBy(() -> loader.load("door.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "door.yaml:2:1: unknown key 'titel' in scenario, allowed: id, title, requirements, tags, board, other_board, technique, catches, steps, always",
                        "door.yaml:1:1: scenario has no 'title'",
                        "door.yaml:3:16: unknown requirement 'REQ-ILK-999' in test-scenarios/requirements.yaml, allowed: REQ-ILK-001",
                        "door.yaml:7:11: unknown defect 'SLOW_INTERLOK' of the emulator, allowed: SLOW_INTERLOCK",
                        "door.yaml:10:48: step 'await': unknown profile limit 'profile.rotor_timout', allowed: profile.door_to_hv_off, profile.rotor_timeout",
                        "door.yaml:12:50: step 'await': '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms) or a profile limit (profile.NAME)",
                        "door.yaml:14:12: step 'fault': unknown fault 'door_opened', allowed: arc_burst, door_open",
                        "door.yaml:15:22: step 'expect': unknown signal 'HV_ENABLED', allowed: DOOR_CLOSED, EXP_REQ_A, EXP_REQ_B, HV_ENABLE, PREP_REQ, READY, XRAY_ON",
                        "door.yaml:17:21: step 'send': unknown command 'VRS', allowed: HBT, SKV, SMA, SMS, VER (use 'raw' to send an unknown one on purpose)"));
    }

    @Test
    void rejectsUnknownStepKeysAndDuplicateKeys() {
        String bad = DOOR.replace("- wait: 100ms", "- wait: 100ms\n  - wiat: 1ms")
                .replace("{signal: READY, is: active,", "{signal: READY, is: active, is: inactive,");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "d.yaml:10:40: key 'is' appears twice in step 'await'",
                        "d.yaml:14:5: unknown step 'wiat', allowed: set, wait, fault, await, expect, expect_event, expect_no_event, send, heartbeat"));
    }

    @Test
    void rejectsFaultParametersTheFaultDoesNotTakeAndTechniquesForTheTubeController() {
        String bad = DOOR.replace("fault: door_open", "fault: {name: arc_burst, arcs: 4, spaceing: 5ms}")
                .replace("board: GEN", "board: TUB");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOfSatisfying(BadInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "d.yaml:6:12: a technique applies to the generator (board GEN), not to board TUB",
                        "d.yaml:14:39: step 'fault': arc_burst has no parameter 'spaceing', allowed: arcs, spacing"));
    }

    @Test
    void rejectsInvariantsThatDoNotRead() {
        String bad = DOOR.replace("never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms",
                "never: XRAY_ON on while DOOR_CLOSED inactive");

        assertThatThrownBy(() -> loader.load("d.yaml", bad)).isInstanceOf(BadInputException.class)
                .hasMessage("d.yaml:19:12: invariant 'XRAY_ON on while DOOR_CLOSED inactive' does not read 'SIGNAL active|inactive"
                        + " [while SIGNAL active|inactive] [for more than DURATION]'");
    }

    @Test
    void rejectsBrokenYamlWithItsPlace() {
        assertThatThrownBy(() -> loader.load("b.yaml", "id: X\ntitle: [unclosed\n")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("b.yaml:3:1: not valid YAML:");
    }

    @Test
    void rejectsTheSameIdInTwoFilesNamingBoth(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), DOOR);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.yaml"), DOOR);

        assertThatThrownBy(() -> loader.loadAll(List.of(dir))).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0)).endsWith("b.yaml:1:1: duplicate scenario id 'INT-DOOR-003', already used at "
                    + e.problems().get(0).substring(0, e.problems().get(0).indexOf("sub")) + "a.yaml:1:1");
        });
    }

    @Test
    void loadsFoldersInPathOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), DOOR);
        Files.writeString(dir.resolve("a.yaml"), DOOR.replace("INT-DOOR-003", "INT-DOOR-001"));

        assertThat(loader.loadAll(List.of(dir))).extracting(Scenario::id).containsExactly("INT-DOOR-001", "INT-DOOR-003");
    }
}
