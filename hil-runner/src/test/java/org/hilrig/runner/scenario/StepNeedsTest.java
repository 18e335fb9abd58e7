package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepNeedsTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestVocabulary.vocabulary());

    private static final String EVERY_KIND = """
            id: NEEDS-001
            title: Every kind of step says what it needs
            requirements: [REQ-ILK-001]
            board: GEN
            steps:
              - set: {PREP_REQ: active, EXP_REQ_A: active}
              - wait: 1ms
              - fault: door_open
              - await: {signal: READY, is: active, within: 5ms}
              - expect: {signal: HV_ENABLE, becomes: inactive, from: DOOR_CLOSED inactive, within: 1ms}
              - expect: {signal: XRAY_ON, stays: inactive, for: 1ms}
              - expect_event: {name: FAULT, from: EXP_REQ_B active, within: 20ms}
              - expect_no_event: {name: XON, for: 1ms}
              - send: {command: VER, reply: ACK}
              - send: {raw: XYZ, reply: NAK 02}
              - send: {again: true, reply: NAK 02}
              - heartbeat: {every: 1ms, for: 2ms}
            """;

    /** Each need as "kind NAME", in the order told. */
    private static final class Told implements StepNeeds {
        final List<String> told = new ArrayList<>();

        @Override
        public void drives(String line) {
            told.add("drives " + line);
        }

        @Override
        public void observes(String line) {
            told.add("observes " + line);
        }

        @Override
        public void looksBackOn(String line) {
            told.add("looksBackOn " + line);
        }

        @Override
        public void fault(String name) {
            told.add("fault " + name);
        }

        @Override
        public void command(String name) {
            told.add("command " + name);
        }

        @Override
        public void event(String name) {
            told.add("event " + name);
        }
    }

    private static List<String> needsOf(Step step) {
        Told t = new Told();
        step.needs(t);
        return t.told;
    }

    @Test
    void everyKindOfStepTellsExactlyWhatItNeeds() {
        List<Step> steps = loader.load("needs.yaml", EVERY_KIND).steps();

        assertThat(steps.stream().map(StepNeedsTest::needsOf).toList()).containsExactly(
                List.of("drives PREP_REQ", "drives EXP_REQ_A"),
                List.of(),
                List.of("fault door_open"),
                List.of("observes READY", "looksBackOn READY"),
                List.of("observes HV_ENABLE", "looksBackOn HV_ENABLE", "observes DOOR_CLOSED", "looksBackOn DOOR_CLOSED"),
                List.of("observes XRAY_ON", "looksBackOn XRAY_ON"),
                List.of("event FAULT", "observes EXP_REQ_B", "looksBackOn EXP_REQ_B"),
                List.of("event XON"),
                List.of("command VER"),
                List.of("command XYZ"),
                List.of(),
                List.of("command HBT"));
    }

    @Test
    void theCollectedNeedsOfAScenarioNameEachThingOnceInTheOrderFirstNamed() {
        StepNeeds.Collected c = StepNeeds.of(loader.load("needs.yaml", EVERY_KIND).steps());

        assertThat(c.driven()).containsExactly("PREP_REQ", "EXP_REQ_A");
        assertThat(c.observed()).containsExactly("READY", "HV_ENABLE", "DOOR_CLOSED", "XRAY_ON", "EXP_REQ_B");
        // the trace watch keeps the edges of exactly these; a line only driven (PREP_REQ) is not among them
        assertThat(c.lookedBackOn()).containsExactly("READY", "HV_ENABLE", "DOOR_CLOSED", "XRAY_ON", "EXP_REQ_B");
        assertThat(c.faults()).containsExactly("door_open");
        assertThat(c.commands()).containsExactly("VER", "XYZ", "HBT");
        assertThat(c.events()).containsExactly("FAULT", "XON");
    }
}
