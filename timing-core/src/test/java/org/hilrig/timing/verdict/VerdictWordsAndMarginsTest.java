package org.hilrig.timing.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Verdict words and ranks, and the margin of a measurement to its nearest limit. */
class VerdictWordsAndMarginsTest {

    @Test
    void verdictsAreWrittenInLowerCase() {
        assertThat(Verdict.PASS.word()).isEqualTo("pass");
        assertThat(Verdict.FAIL.word()).isEqualTo("fail");
        assertThat(Verdict.INCONCLUSIVE.word()).isEqualTo("inconclusive");
        assertThat(Verdict.ERROR.word()).isEqualTo("error");
    }

    @Test
    void theWorstOfTwoIsTheSameWhicheverComesFirst() {
        Verdict[] order = {Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.FAIL, Verdict.ERROR};
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                assertThat(order[i].worst(order[j])).isEqualTo(order[Math.max(i, j)]);
            }
        }
    }

    @Test
    void theMarginIsToTheNearerLimit() {
        assertThat(Measurement.judge("m", 700, 0, 20L, 750L).marginNanos()).isEqualTo(50L);
        assertThat(Measurement.judge("m", 30, 0, 20L, 750L).marginNanos()).isEqualTo(10L);
        assertThat(Measurement.judge("m", 30, 0, 20L, null).marginNanos()).isEqualTo(10L);
        assertThat(Measurement.judge("m", 800, 0, null, 750L).marginNanos()).isEqualTo(-50L);
        assertThat(Measurement.judge("m", 800, 0, null, null).marginNanos()).isNull();
    }

    @Test
    void aMeasurementKeepsWhatItWasJudgedOnAndRefusesANegativeUncertainty() {
        Measurement m = Measurement.judge("door_to_hv_off", 412_000, 1_000, null, 1_000_000L);
        assertThat(m.name()).isEqualTo("door_to_hv_off");
        assertThat(m.valueNanos()).isEqualTo(412_000);
        assertThat(m.uncertaintyNanos()).isEqualTo(1_000);
        assertThat(m.verdict()).isEqualTo(Verdict.PASS);
        assertThatThrownBy(() -> Measurement.judge("x", 1, -1, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uncertainty -1 ns is negative");
        assertThat(Measurement.judge("x", 1, 0, null, null).verdict()).isEqualTo(Verdict.PASS);
    }
}
