package org.hilrig.timing.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void aLimitInsideTheUncertaintyIsInconclusive() {
        assertThat(Measurement.verdict(990, 5, null, 1_000L)).isEqualTo(Verdict.PASS);
        assertThat(Measurement.verdict(998, 5, null, 1_000L)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Measurement.verdict(1_006, 5, null, 1_000L)).isEqualTo(Verdict.FAIL);
        assertThat(Measurement.verdict(1_000, 0, null, 1_000L)).isEqualTo(Verdict.PASS);
        assertThat(Measurement.verdict(1_001, 0, null, 1_000L)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void windowsJudgeBothEnds() {
        assertThat(Measurement.verdict(15, 0, 20L, 1_500L)).isEqualTo(Verdict.FAIL);
        assertThat(Measurement.verdict(21, 2, 20L, 1_500L)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Measurement.judge("w", 700, 0, 20L, 1_500L).marginNanos()).isEqualTo(680L);
    }

    @Test
    void theWorstVerdictWins() {
        assertThat(Verdict.PASS.worst(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.FAIL.worst(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.FAIL);
        assertThat(Verdict.FAIL.worst(Verdict.ERROR)).isEqualTo(Verdict.ERROR);
    }
}
