package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

class ScenarioEngineTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());
    private final ScenarioEngine engine = new ScenarioEngine(TestVocabulary.limits());

    private static final String DOOR = """
            id: INT-DOOR-003
            title: Door opened during exposure ends it
            requirements: [REQ-ILK-001]
            board: GEN
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.rotor_timeout, measure: prep_to_ready}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 100ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: profile.door_to_hv_off, measure: door_to_hv_off}
              - expect_event: {name: FAULT, fields: {code: F01}, within: 20ms}
              - send: {command: VER, reply: ACK, measure: ver_reply}
            always:
              - never: XRAY_ON active while DOOR_CLOSED inactive for more than 2ms
            """;

    @Test
    void passesAndMeasuresFromTheStimulusOnAGoodBoard() {
        ScenarioOutcome o = engine.run(loader.load("d.yaml", DOOR), new ScriptedRig(400_000));

        assertThat(o.message()).isNull();
        assertThat(o.verdict()).isEqualTo(Verdict.PASS);
        assertThat(o.measurements()).extracting(Measurement::name).containsExactly("prep_to_ready", "door_to_hv_off", "ver_reply");
        assertThat(o.measurements().get(0).valueNanos()).isEqualTo(1_200_000_000L);
        Measurement door = o.measurements().get(1);
        assertThat(door.valueNanos()).isEqualTo(400_000L);
        assertThat(door.uncertaintyNanos()).isZero();
        assertThat(door.maxNanos()).isEqualTo(1_000_000L);
        assertThat(o.measurements().get(2).valueNanos()).isEqualTo(1_000_000L);
    }

    @Test
    void failsASlowBoardNamingTheLineAndTheLimit() {
        ScenarioOutcome o = engine.run(loader.load("d.yaml", DOOR), new ScriptedRig(1_300_000));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).isEqualTo("line 12 (expect): HV_ENABLE did not become inactive within profile.door_to_hv_off (<= 1 ms) of fault door_open at 1.35 s; active at 1.351 s");
        assertThat(o.measurements()).extracting(Measurement::verdict).containsExactly(Verdict.PASS);
    }

    @Test
    void failsAnInvariantEvenWhenEveryStepPassed() {
        String tight = DOOR.replace("for more than 2ms", "for more than 800us");

        ScenarioOutcome o = engine.run(loader.load("d.yaml", tight), new ScriptedRig(400_000));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).isEqualTo("line 16 (always): never XRAY_ON active while DOOR_CLOSED inactive for more than 800us:"
                + " held for 900 us from 1.35 s");
    }

    @Test
    void failsWhenAnAwaitedLineNeverComes() {
        String s = DOOR.replace("within: profile.rotor_timeout", "within: 1s");

        ScenarioOutcome o = engine.run(loader.load("d.yaml", s), new ScriptedRig(400_000));

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).isEqualTo("line 7 (await): READY was not active within 1s (<= 1 s) of the stimulus at 50 ms");
        assertThat(o.endNanos()).isEqualTo(1_050_000_000L);
    }

    @Test
    void isAnErrorWhenTheRigRefusesAStimulus() {
        String s = DOOR.replace("fault: door_open", "fault: arc");

        ScenarioOutcome o = engine.run(loader.load("d.yaml", s), new ScriptedRig(400_000));

        assertThat(o.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(o.message()).isEqualTo("line 11 (fault): unknown fault arc");
    }
}
