package org.hilrig.device.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The anode's data sheet and its cooling curve, against values computed by hand. */
class AnodeModelTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theReferenceTubeCoolsWithATimeConstantOfCapacityOverMaximumRate() {
        AnodeModel gen = AnodeModel.of(ReferenceProfiles.gen());
        AnodeModel tub = AnodeModel.of(ReferenceProfiles.tub());
        // 350 kHU / 60 kHU/min = 5.833 min = 350 s
        assertThat(gen.timeConstantNanos()).isCloseTo(350.0 * S, within(1.0));
        assertThat(tub).as("the generator's model of the tube is the tube's data sheet").isEqualTo(gen);
    }

    @Test
    void theCoolingRateIsTheMaximumAtFullCapacityAndProportionalToTheHeat() {
        AnodeModel a = new AnodeModel(350, 60);
        assertThat(a.coolingRateKhuPerMinute(350)).isEqualTo(60.0);
        assertThat(a.coolingRateKhuPerMinute(175)).isEqualTo(30.0);
        assertThat(a.coolingRateKhuPerMinute(0)).isZero();
    }

    @Test
    void heatCoolsExponentiallyAndTheCurveComposes() {
        AnodeModel a = new AnodeModel(350, 60);
        // 350 s is one time constant: 1000 x exp(-1) = 367.879; 35 s: 1000 x exp(-0.1) = 904.837
        assertThat(a.cooled(1000, 350 * S)).isCloseTo(367.879, within(0.001));
        assertThat(a.cooled(1000, 35 * S)).isCloseTo(904.837, within(0.001));
        assertThat(a.cooled(a.cooled(1000, 35 * S), 315 * S)).isCloseTo(a.cooled(1000, 350 * S), within(1e-9));
        assertThat(a.cooled(1000, 0)).isEqualTo(1000.0);
    }

    @Test
    void coolingTimeIsTheTimeConstantTimesTheLogarithmOfTheRatio() {
        AnodeModel a = new AnodeModel(350, 60);
        // 350 s x ln 2 = 242.6 s from 300 to 150 kHU
        assertThat(a.coolingNanos(300, 150) / S).isCloseTo(242.6, within(0.1));
        assertThat(a.coolingNanos(150, 300)).isZero();
        assertThat(a.coolingNanos(150, 0)).isInfinite();
        assertThat(new AnodeModel(350, 0).coolingNanos(300, 150)).isInfinite();
        assertThat(new AnodeModel(350, 0).cooled(300, 3600 * S)).isEqualTo(300.0);
    }

    @Test
    void aDataSheetWithoutCapacityIsRefusedNamingTheValues() {
        assertThatThrownBy(() -> new AnodeModel(0, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("anode: capacity 0.0 kHU must be above 0 and cooling 60.0 kHU/min at least 0");
    }
}
