package org.hilrig.runner.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Western Electric rules (Statistical Quality Control Handbook, 1956; NIST/SEMATECH e-Handbook 6.3.2), each on a
 * series made to break it: a steady alternation 9, 11, 9, ... (centre 10, MR̄ 2, σ = 2 / 1.128) with one pattern put
 * in, which moves the centre and σ a little; each rule fires where its pattern completes.
 */
class IndividualsChartTest {
    /** 40 values alternating 9 and 11. */
    private static List<Double> steady() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            v.add(i % 2 == 0 ? 9.0 : 11.0);
        }
        return v;
    }

    @Test
    void aSteadySeriesBreaksNoRuleAndItsLimitsAreTheCentrePlusOrMinusThreeMovingRangesOverD2() {
        IndividualsChart c = IndividualsChart.of(steady());
        assertThat(c.flagged()).isEmpty();
        assertThat(c.center()).isEqualTo(10.0);
        assertThat(c.movingRangeMean()).isEqualTo(2.0);
        assertThat(c.sigma()).isCloseTo(2 / 1.128, within(1e-12));
        assertThat(c.upperLimit()).isCloseTo(10 + 3 * 2 / 1.128, within(1e-12));
        assertThat(c.lowerLimit()).isCloseTo(10 - 3 * 2 / 1.128, within(1e-12));
        assertThat(c.movingRangeUpperLimit()).isCloseTo(3.267 * 2, within(1e-12));
        assertThat(IndividualsChart.of(List.of(1.0))).as("one value: no chart").isNull();
    }

    @Test
    void rule1FlagsAPointBeyondThreeSigma() {
        List<Double> v = steady();
        v.set(20, 17.0); // centre 10.2, σ 1.955: z 3.48
        assertThat(IndividualsChart.of(v).flagged()).containsOnlyKeys(1).containsEntry(1, List.of(20));
    }

    @Test
    void rule2FlagsTheSecondOfTwoOutOfThreeBeyondTwoSigmaOnOneSide() {
        List<Double> v = steady();
        v.set(20, 14.6); // centre 10.28, σ 1.919: z 2.25, inside 3σ
        v.set(22, 14.6);
        assertThat(IndividualsChart.of(v).flagged()).containsOnlyKeys(2).containsEntry(2, List.of(22));
    }

    @Test
    void rule3FlagsTheFourthOfFourOutOfFiveBeyondOneSigmaOnOneSide() {
        List<Double> v = steady();
        for (int i : new int[] {20, 21, 22, 24}) {
            v.set(i, 12.5); // centre 10.3, σ 1.637: z 1.34, inside 2σ
        }
        assertThat(IndividualsChart.of(v).flagged()).containsOnlyKeys(3).containsEntry(3, List.of(24));
    }

    @Test
    void rule4FlagsEveryPointThatEndsARunOfEightOnOneSideOfTheCentre() {
        List<Double> v = steady();
        for (int i = 20; i < 29; i++) {
            v.set(i, 10.5); // centre 10.19: with the 11 before and after, points 19 to 29 lie above it
        }
        Map<Integer, List<Integer>> f = IndividualsChart.of(v).flagged();
        assertThat(f).containsOnlyKeys(4).containsEntry(4, List.of(26, 27, 28, 29));
    }
}
