package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnalogWindowTest {
    /** 0 until 10, 80 from 10 to 20 with one dip to 78 at 15, 0 again from 20; samples hold until the next. */
    private static final long[] T = {0, 10, 15, 16, 20};
    private static final double[] V = {0, 80, 78, 80, 0};

    private static AnalogWindow over(long start, long end) {
        return new AnalogWindow(T, V, T.length, start, end);
    }

    @Test
    void theMeanIsTimeWeightedAndTheIntegralIsInUnitSeconds() {
        assertThat(over(10, 20).value(AnalogStat.MEAN, 0)).isCloseTo((80 * 5 + 78 + 80 * 4) / 10.0, within(1e-9));
        assertThat(over(0, 30).value(AnalogStat.INTEGRAL, 0)).isCloseTo((80 * 9 + 78) * 1e-9, within(1e-18));
        assertThat(over(12, 14).value(AnalogStat.MEAN, 0)).isEqualTo(80.0);
    }

    @Test
    void theIntegralOfARateIsItsQuantityAndOfAnythingElseTheUnitTimesSeconds() {
        assertThat(AnalogStat.INTEGRAL.unit("mA")).isEqualTo("mAs");
        assertThat(AnalogStat.INTEGRAL.unit("uGy/s")).isEqualTo("uGy");
        assertThat(AnalogStat.MEAN.unit("uGy/s")).isEqualTo("uGy/s");
        assertThat(AnalogStat.RISE.unit("kV")).isEqualTo("ns");
    }

    @Test
    void peakMinAndRippleSeeTheHeldValueAtTheStartAndEverySampleInside() {
        assertThat(over(11, 19).value(AnalogStat.PEAK, 0)).isEqualTo(80.0);
        assertThat(over(11, 19).value(AnalogStat.MIN, 0)).isEqualTo(78.0);
        assertThat(over(11, 19).value(AnalogStat.RIPPLE, 0)).isEqualTo(2.0);
        assertThat(over(11, 14).value(AnalogStat.RIPPLE, 0)).isEqualTo(0.0);
    }

    @Test
    void theWidthRunsFromTheFirstRiseThroughTheLevelToTheLastFallBelowIt() {
        assertThat(over(0, 30).value(AnalogStat.WIDTH, 60)).isEqualTo(10.0);
        // a dip below the level between is ripple on the way, not the end
        assertThat(over(0, 30).value(AnalogStat.WIDTH, 79)).isEqualTo(10.0);
        assertThatThrownBy(() -> over(0, 19).value(AnalogStat.WIDTH, 60)).isInstanceOf(AnalogWindow.NoValue.class)
                .hasMessage("the line did not fall below 60.00 before the window ended");
        assertThatThrownBy(() -> over(0, 30).value(AnalogStat.WIDTH, 90)).isInstanceOf(AnalogWindow.NoValue.class)
                .hasMessage("the line never reached 90.00");
    }

    @Test
    void theRiseRunsFrom10To90PercentOfTheLevelOfTheWindowsSecondHalf() {
        long[] t = {0, 100, 200, 300, 400, 1000};
        double[] v = {0, 5, 50, 95, 100, 100};
        // settles at 100: first at or above 10 at 200, at or above 90 at 300
        assertThat(new AnalogWindow(t, v, t.length, 0, 2000).value(AnalogStat.RISE, 0)).isEqualTo(100.0);
    }

    @Test
    void aWindowNeedsASampleAtItsStart() {
        assertThatThrownBy(() -> new AnalogWindow(new long[] {5}, new double[] {1}, 1, 0, 10))
                .isInstanceOf(AnalogWindow.NoValue.class);
        assertThat(over(10, 20).samplesInside()).isEqualTo(3);
    }
}
