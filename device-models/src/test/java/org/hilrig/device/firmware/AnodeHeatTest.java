package org.hilrig.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hilrig.device.profile.AnodeModel;
import org.hilrig.device.profile.ReferenceProfiles;
import org.junit.jupiter.api.Test;

/**
 * The anode's heat account on given times: 10 kHU capacity, 60 kHU per minute maximum cooling (1000 HU per s
 * at full capacity), so the anode cools exponentially with the time constant 10 kHU / 60 kHU/min = 10 s; HU
 * factor 2 (so the heat of a technique is exact in binary). exp(-0.1) = 0.904837, exp(-1) = 0.367879.
 */
class AnodeHeatTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5 * S;
    /** 80 kV x 250 mA x 100 ms / 1000 x 2 = 4000 HU. */
    private static final Technique FOUR_THOUSAND_HU = new Technique(80, 250, 100);

    private static AnodeHeat heat() {
        return new AnodeHeat(new AnodeModel(10, 60), 2);
    }

    @Test
    void aTechniquesHeatIsKvTimesMaTimesMsOverAThousandTimesTheFactor() {
        assertThat(heat().unitsOf(FOUR_THOUSAND_HU)).isEqualTo(4000.0);
        assertThat(heat().unitsOf(new Technique(120, 500, 50))).isEqualTo(6000.0);
    }

    @Test
    void aColdAnodeHasNoHeatAndAllowsWhatFitsItsCapacity() {
        AnodeHeat h = heat();
        assertThat(h.unitsAt(T0)).isEqualTo(0.0);
        assertThat(h.percentAt(T0)).isZero();
        assertThat(h.allows(new Technique(100, 250, 200), T0)).as("exactly 10000 HU").isTrue();
        assertThat(h.allows(new Technique(100, 250, 201), T0)).isFalse();
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0)).isZero();
    }

    @Test
    void anExposuresHeatIsAddedAndReportedAsAPercentageOfTheCapacity() {
        AnodeHeat h = heat();
        h.add(4000, T0);
        assertThat(h.unitsAt(T0)).isEqualTo(4000.0);
        assertThat(h.percentAt(T0)).isEqualTo(40);
    }

    @Test
    void theAnodeCoolsExponentiallyWithTheTimeConstantCapacityOverMaximumRate() {
        AnodeHeat h = heat();
        h.add(4000, T0);
        // 4000 x exp(-1 s / 10 s) = 3619.35; one time constant: 4000 x exp(-1) = 1471.52
        assertThat(h.unitsAt(T0 + S)).isCloseTo(3619.35, within(0.01));
        assertThat(h.unitsAt(T0 + 10 * S)).isCloseTo(1471.52, within(0.01));
        // never below 0, never quite 0: six time constants, 4000 x exp(-6) = 9.915 HU, 0 %
        assertThat(h.unitsAt(T0 + 60 * S)).isCloseTo(9.915, within(0.001));
        assertThat(h.percentAt(T0 + 60 * S)).isZero();
    }

    @Test
    void heatAddedLaterIsAddedToWhatIsLeftAfterCooling() {
        AnodeHeat h = heat();
        h.add(4000, T0);
        h.add(1000, T0 + S);
        // 3619.35 + 1000 = 4619.35, then x exp(-0.1) = 4179.76
        assertThat(h.unitsAt(T0 + S)).isCloseTo(4619.35, within(0.01));
        assertThat(h.unitsAt(T0 + 2 * S)).isCloseTo(4179.76, within(0.01));
    }

    @Test
    void waitSecondsIsTheCoolingTimeUntilTheTechniqueFitsRoundedUp() {
        AnodeHeat h = heat();
        h.add(8500, T0);
        // 4000 HU fit once 6000 HU are left: 10 s x ln(8500 / 6000) = 3.48 s
        assertThat(h.allows(FOUR_THOUSAND_HU, T0)).isFalse();
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0)).isEqualTo(4);
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0 + 3 * S)).isEqualTo(1);
        assertThat(h.allows(FOUR_THOUSAND_HU, T0 + 3 * S)).isFalse();
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0 + 4 * S)).isZero();
        assertThat(h.allows(FOUR_THOUSAND_HU, T0 + 4 * S)).isTrue();
    }

    @Test
    void waitSecondsIsMinusOneForATechniqueBeyondTheCapacityAlone() {
        assertThat(heat().waitSeconds(new Technique(150, 500, 100), T0)).isEqualTo(-1);
        assertThat(heat().fitsCold(new Technique(150, 500, 100))).isFalse();
        assertThat(heat().fitsCold(new Technique(100, 250, 200))).as("exactly 10000 HU").isTrue();
    }

    @Test
    void aTechniqueThatTakesTheWholeCapacityNeverFitsAWarmAnode() {
        AnodeHeat h = heat();
        h.add(1, T0);
        // 10000 HU need an anode at 0 HU, which exponential cooling approaches but never reaches
        assertThat(h.waitSeconds(new Technique(100, 250, 200), T0)).isEqualTo(-1);
    }

    @Test
    void withoutCoolingWaitSecondsIsZeroEvenWhenTheTechniqueDoesNotFit() {
        AnodeHeat h = new AnodeHeat(new AnodeModel(10, 0), 2);
        h.add(8500, T0);
        assertThat(h.unitsAt(T0 + 3600 * S)).isEqualTo(8500.0);
        assertThat(h.allows(FOUR_THOUSAND_HU, T0)).isFalse();
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0)).isZero();
    }

    @Test
    void theReferenceProfilesAnodeHoldsThreeHundredAndFiftyKiloHeatUnits() {
        AnodeHeat h = AnodeHeat.of(ReferenceProfiles.gen());
        h.add(35_000, T0);
        assertThat(h.percentAt(T0)).isEqualTo(10);
        // time constant 350 kHU / 60 kHU/min = 350 s: 35 s later 35000 x exp(-0.1) = 31669 HU, 9 %
        assertThat(h.unitsAt(T0 + 35 * S)).isCloseTo(31_669.3, within(0.1));
        assertThat(h.percentAt(T0 + 35 * S)).isEqualTo(9);
        // hu_factor 1.4: 80 kV x 250 mA x 100 ms / 1000 x 1.4
        assertThat(h.unitsOf(FOUR_THOUSAND_HU)).isCloseTo(2800.0, within(1e-9));
    }
}
