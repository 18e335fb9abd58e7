package org.hilrig.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hilrig.device.profile.ReferenceProfiles;
import org.junit.jupiter.api.Test;

/**
 * The anode's heat account on given times: 10 kHU capacity, 60 kHU per minute cooling (1000 HU per s), HU
 * factor 2 (so the heat of a technique is exact in binary).
 */
class AnodeHeatTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5 * S;
    /** 80 kV x 250 mA x 100 ms / 1000 x 2 = 4000 HU. */
    private static final Technique FOUR_THOUSAND_HU = new Technique(80, 250, 100);

    private static AnodeHeat heat() {
        return new AnodeHeat(10, 60, 2);
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
    void theAnodeCoolsLinearlyDownToZeroAndNotBelow() {
        AnodeHeat h = heat();
        h.add(4000, T0);
        assertThat(h.unitsAt(T0 + S)).isCloseTo(3000.0, within(1e-9));
        assertThat(h.unitsAt(T0 + 4 * S)).isCloseTo(0.0, within(1e-9));
        assertThat(h.unitsAt(T0 + 60 * S)).isEqualTo(0.0);
        assertThat(h.percentAt(T0 + 60 * S)).isZero();
    }

    @Test
    void heatAddedLaterIsAddedToWhatIsLeftAfterCooling() {
        AnodeHeat h = heat();
        h.add(4000, T0);
        h.add(1000, T0 + S);
        assertThat(h.unitsAt(T0 + S)).isCloseTo(4000.0, within(1e-9));
        assertThat(h.unitsAt(T0 + 2 * S)).isCloseTo(3000.0, within(1e-9));
    }

    @Test
    void waitSecondsIsTheCoolingTimeUntilTheTechniqueFitsRoundedUp() {
        AnodeHeat h = heat();
        h.add(8500, T0);
        // 8500 + 4000 - 10000 = 2500 HU too much, at 1000 HU per s
        assertThat(h.allows(FOUR_THOUSAND_HU, T0)).isFalse();
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0)).isEqualTo(3);
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0 + 2 * S)).isEqualTo(1);
        assertThat(h.waitSeconds(FOUR_THOUSAND_HU, T0 + 3 * S)).isZero();
        assertThat(h.allows(FOUR_THOUSAND_HU, T0 + 3 * S)).isTrue();
    }

    @Test
    void waitSecondsIsMinusOneForATechniqueBeyondTheCapacityAlone() {
        assertThat(heat().waitSeconds(new Technique(150, 500, 100), T0)).isEqualTo(-1);
    }

    @Test
    void withoutCoolingWaitSecondsIsZeroEvenWhenTheTechniqueDoesNotFit() {
        AnodeHeat h = new AnodeHeat(10, 0, 2);
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
        // hu_factor 1.4: 80 kV x 250 mA x 100 ms / 1000 x 1.4
        assertThat(h.unitsOf(FOUR_THOUSAND_HU)).isCloseTo(2800.0, within(1e-9));
    }
}
