package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.device.profile.GeneratorKeys;
import org.junit.jupiter.api.Test;

/** A unit's divider, emission and shots: what it delivers against what its firmware reads. */
class UnitVarianceTest {
    private static final long MS = 1_000_000;

    @Test
    void aDividerReadingHighDeliversLessKvWhileTheFirmwareReadsTheDemand() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.DIVIDER_GAIN, "1.02").with(GeneratorKeys.DIVIDER_OFFSET_KV, "0.4"));
        r.toExposing();
        r.run(50 * MS);
        // the inverter regulates the divider's reading to 80 kV: (80 - 0.4) / 1.02 = 78.039 kV delivered (KV_FB as
        // the firmware's main loop last sampled it: the 2 % ripple adds up to +-0.78 kV)
        assertThat(r.m.analog("KV_FB").value()).isCloseTo(78.039, within(0.8));
        r.run(100 * MS);
        assertThat(r.m.generator().lastExposure().kv()).isCloseTo(80.0, within(0.1));
    }

    @Test
    void theEmissionGainScalesTheTubeCurrentTheFirmwareReports() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.EMISSION_GAIN, "0.97"));
        r.toExposing();
        r.run(50 * MS);
        assertThat(r.m.analog("MA_FB").value()).isCloseTo(242.5, within(1e-9));
        r.run(100 * MS);
        assertThat(r.m.generator().lastExposure().ma()).isCloseTo(242.5, within(0.4)); // one ADC code is 0.37 mA
    }

    @Test
    void everyShotDiffersAndTheSameSeedGivesTheSameShots() {
        assertThat(shots()).doesNotHaveDuplicates().isEqualTo(shots());
    }

    /** The kV delivered by three exposures in a row, with 1 % rms shot noise on kV. */
    private static List<Double> shots() {
        Rig r = Rig.gen(p -> p.with(GeneratorKeys.KV_SHOT_NOISE, "0.01"));
        List<Double> kv = new ArrayList<>();
        r.toExposing();
        for (int i = 0; i < 3; i++) {
            r.run(50 * MS);
            kv.add(r.m.analog("KV_FB").value());
            r.release("EXP_REQ_A", "EXP_REQ_B");
            r.run(200 * MS);
            r.press("EXP_REQ_A", "EXP_REQ_B");
            r.run(5 * MS);
        }
        assertThat(kv).allSatisfy(v -> assertThat(v).isCloseTo(80.0, within(3.2)));
        return kv;
    }
}
