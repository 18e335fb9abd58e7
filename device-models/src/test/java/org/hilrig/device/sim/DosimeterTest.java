package org.hilrig.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ReferenceProfiles;
import org.hilrig.timing.trace.SignalInfo;
import org.junit.jupiter.api.Test;

/** The rig's dosimeter in the beam: on the machine only when asked for, reading Y80 x (kV / 80)^n x mA. */
class DosimeterTest {
    private static final long MS = 1_000_000;

    private static Rig rig(Set<String> instruments, String kvExponent) {
        BoardProfile gen = ReferenceProfiles.gen().with(GeneratorKeys.BOUNCE_MAX, "0ns").with(GeneratorKeys.DIVIDER_NOISE_KV, "0")
                .with(GeneratorKeys.KV_SHOT_NOISE, "0").with(GeneratorKeys.MA_SHOT_NOISE, "0").with(GeneratorKeys.RIPPLE_FRACTION, "0")
                .with(GeneratorKeys.DOSE_KV_EXPONENT, kvExponent);
        return new Rig(Machine.builder().genProfile(gen).tubProfile(ReferenceProfiles.tub()).boardUnderTest(Board.GEN)
                .defects(Set.of()).seed(7).instruments(instruments).build());
    }

    @Test
    void theAirKermaRateIsTheOutputPerMasAt80kvTimesTheTubeCurrentOnThePlateau() {
        Rig r = rig(Set.of("DOSE"), "2.0");
        r.m.sampleAnalogs(10_000);
        r.toExposing();
        r.run(50 * MS);
        double kv = r.m.analog("KV_FB").value();
        double ma = r.m.analog("MA_FB").value();
        assertThat(ma).isCloseTo(250, within(1.0));
        // 70 uGy/mAs at 80 kV (gen-reference.yaml), kV squared
        assertThat(r.m.analog("DOSE").value()).isCloseTo(70.0 * Math.pow(kv / 80, 2) * ma, within(0.01))
                .isCloseTo(17_500, within(200.0));
    }

    @Test
    void theOutputFollowsTheKvExponentOfTheProfile() {
        Rig r = rig(Set.of("DOSE"), "3.0");
        r.m.sampleAnalogs(10_000);
        r.toExposing();
        r.run(50 * MS);
        double kv = r.m.analog("KV_FB").value();
        assertThat(r.m.analog("DOSE").value()).isCloseTo(70.0 * Math.pow(kv / 80, 3) * r.m.analog("MA_FB").value(), within(0.01));
    }

    @Test
    void withoutTheInstrumentTheTraceHasNoDoseSignalAndTheLineIsRefused() {
        Rig r = rig(Set.of(), "2.0");
        assertThat(r.m.trace().signals()).extracting(SignalInfo::path).doesNotContain("plant.dose").contains("plant.kv_fb");
        assertThatThrownBy(() -> r.m.analog("DOSE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no analog signal 'DOSE'");
        assertThat(rig(Set.of("DOSE"), "2.0").m.trace().signals()).extracting(SignalInfo::path).contains("plant.dose");
    }
}
