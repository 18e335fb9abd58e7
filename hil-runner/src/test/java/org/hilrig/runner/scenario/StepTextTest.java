package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's report text, pinned for one example of every kind of step (what reports and results show). */
class StepTextTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());

    private static final String EVERY_KIND = """
            id: TEXT-001
            title: Every kind of step as a reviewer reads it
            requirements: [REQ-ILK-001]
            board: GEN
            steps:
              - set: {PREP_REQ: active, EXP_REQ_A: inactive}
              - wait: 1500ms
              - fault: door_open
              - fault: {name: arc_burst, arcs: 4, spacing: 5ms}
              - await: {signal: READY, is: active, within: profile.rotor_timeout, measure: ready}
              - expect: {signal: HV_ENABLE, becomes: inactive, within: [1ms, 2ms]}
              - expect: {signal: HV_ENABLE, becomes: inactive, from: DOOR_CLOSED inactive, within: 500ms + profile.limits.comms_loss_margin, measure: off}
              - expect: {signal: XRAY_ON, stays: inactive, for: 2s}
              - expect_event: {name: FAULT, fields: {code: F01, n: 2}, within: 20ms}
              - expect_event: {name: FAULT, from: DOOR_CLOSED inactive, within: 20ms, measure: fault}
              - expect_no_event: {name: XON, for: 1s}
              - expect_no_event: {name: FAULT, fields: {code: F02}, for: 250us}
              - send: {command: VER, reply: ACK}
              - send: {command: SKV, args: [80, 1], reply: NAK 03, fields: {why: range}, within: 5ms, measure: nak}
              - send: {raw: XYZ, reply: NAK 02}
              - send: {command: VER, corrupt: crc}
              - send: {command: HBT, corrupt: truncated, copies: 3, reply: unchecked}
              - send: {again: true, reply: ACK}
              - heartbeat: {every: 100ms, for: 2s}
            """;

    private static String text(Step step) {
        return step.text();
    }

    @Test
    void everyKindOfStepReadsAsToday() {
        List<Step> steps = loader.load("text.yaml", EVERY_KIND).steps();

        assertThat(steps.stream().map(StepTextTest::text).toList()).containsExactly(
                "PREP_REQ active, EXP_REQ_A inactive",
                "1.5 s",
                "door_open",
                "arc_burst {arcs=4, spacing=5ms}",
                "READY active within profile.rotor_timeout (measure ready)",
                "HV_ENABLE becomes inactive within [1ms, 2ms]",
                "HV_ENABLE becomes inactive within 500ms + profile.limits.comms_loss_margin of DOOR_CLOSED inactive"
                        + " (measure off)",
                "XRAY_ON stays inactive for 2 s",
                "FAULT {code=F01, n=2} within 20ms",
                "FAULT within 20ms of DOOR_CLOSED inactive (measure fault)",
                "XON for 1 s",
                "FAULT {code=F02} for 250 us",
                "VER, reply ACK",
                "SKV 80,1, reply NAK 03 {why=range} within 5ms (measure nak)",
                "XYZ (raw), reply NAK 02",
                "VER, crc broken, reply none",
                "HBT, truncated broken x3, reply unchecked",
                "the previous frame again, reply ACK",
                "every 100 ms for 2 s");
    }
}
