package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.runner.run.Library;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/** A sweep over a technique table of the profile, on the simulated rig with its dosimeter: what each station measured. */
class SweepEngineTest {
    private static final Library LIBRARY = Library.open(Path.of(".."));
    private final ScenarioLoader loader = new ScenarioLoader(LIBRARY.vocabulary().withRequirements(Set.of("REQ-ACC-006")),
            Path.of(""), LIBRARY.limits());

    /** Two stations of 10 mAs at 80 kV; {@code WINDOW} is where the air kerma is integrated. */
    private static final String SWEEP = """
            id: EXP-LIN-009
            title: Two mA stations
            requirements: [REQ-ACC-006]
            board: GEN
            sweep:
              techniques: [{kv: 80, ma: 100, ms: 100}, {kv: 80, ma: 200, ms: 50}]
              linearity: {of: kerma, max: 0.10}
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.prep.rotor_timeout}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - expect: {signal: XRAY_ON, becomes: inactive, from: XRAY_ON active, within: profile.exposure_window, measure: loading_time}
              - measure: {name: mas, signal: MA_FB, stat: integral, over: [HV_ENABLE active, HV_ENABLE inactive + 5ms]}
              - measure: {name: kerma, signal: DOSE, stat: integral, over: WINDOW}
              - set: {EXP_REQ_A: inactive, EXP_REQ_B: inactive, PREP_REQ: inactive}
              - expect: {signal: READY, becomes: inactive, within: 5ms}
              - wait: 61s
            """;

    private ScenarioOutcome run(String window) {
        Scenario s = loader.load("lin.yaml", SWEEP.replace("WINDOW", window));
        return LIBRARY.engine().run(s, LIBRARY.simulatedRigFactory().open(s, 42, List.of()));
    }

    @Test
    void eachStationsValuesAreTheirOwnAndTheAirKermaPerMasIsTheTubesOutput() {
        ScenarioOutcome o = run("[HV_ENABLE active, HV_ENABLE inactive + 5ms]");

        assertThat(o.message()).isNull();
        assertThat(o.verdict()).isEqualTo(Verdict.PASS);
        assertThat(o.values()).extracting(ValueResult::name)
                .containsExactly("mas[1]", "kerma[1]", "mas[2]", "kerma[2]", "linearity 1-2");
        assertThat(o.measurements()).extracting(m -> m.name()).containsExactly("loading_time[1]", "loading_time[2]");
        ValueResult kerma = o.values().get(1);
        assertThat(kerma.unit()).isEqualTo("uGy");
        // 70 uGy/mAs at 80 kV (gen-reference.yaml) on the mAs the rig measured, within the unit's ripple and tail
        assertThat(kerma.value() / o.values().get(0).value()).isCloseTo(70.0, within(2.0));
        assertThat(o.values().get(4).value()).isLessThan(0.02);

        // a statistic over repeats never mixes two techniques: each name was taken once
        ScenarioResult r = new ScenarioResult("EXP-LIN-009", "t", null, o.verdict(), List.of(), List.of(), List.of(), "t.vcd",
                "00", null, o.endNanos(), List.of(), o.values());
        assertThat(LotStatistics.ofRepeats(r)).isEmpty();
    }

    @Test
    void airKermaThatDoesNotFollowTheMasFailsTheLinearityBetweenTheStations() {
        // the first 40 ms of each exposure: all of the second station's 50 ms, less than half of the first's 100 ms
        ScenarioOutcome o = run("[HV_ENABLE active, HV_ENABLE active + 40ms]");

        assertThat(o.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(o.message()).startsWith("sweep: linearity of kerma per mAs between techniques 1 and 2:")
                .contains("more than 0.1");
        assertThat(o.values()).filteredOn(v -> v.name().equals("linearity 1-2")).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(Verdict.FAIL));
    }
}
