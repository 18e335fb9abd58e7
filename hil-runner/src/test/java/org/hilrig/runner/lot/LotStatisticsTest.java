package org.hilrig.runner.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

class LotStatisticsTest {
    static ScenarioResult result(double kv, Double lower, Double upper, long loadingNs) {
        Verdict v = ValueResult.verdict(kv, 0, lower, upper);
        return new ScenarioResult("EXP-ACC-001", "t", null, v, List.of("REQ-ACC-001"), List.of(),
                List.of(new MeasurementResult("loading_time", loadingNs, 99_000_000L, 101_000_000L, 10_000, Verdict.PASS)),
                "traces/EXP-ACC-001.vcd", "00", null, 1, List.of(),
                List.of(new ValueResult("kv", kv, "kV", 80.0, lower, upper, 0, v, 0, 1, List.of(), 10)));
    }

    /** kV 78, 79, 80, 81, 82 of five units, limits 76.6 to 83.4 (80 +- (3 % + 1 kV)). */
    static LotStatistics fiveUnits() {
        Map<Long, List<ScenarioResult>> byUnit = new LinkedHashMap<>();
        double[] kv = {78, 79, 80, 81, 82};
        for (int i = 0; i < kv.length; i++) {
            byUnit.put((long) i + 1, List.of(result(kv[i], 76.6, 83.4, 100_000_000L + i * 10_000L)));
        }
        return LotStatistics.of(byUnit);
    }

    @Test
    void meanSdCvAndCpkOfAValueAcrossTheUnits() {
        LotStatistics.Row kv = fiveUnits().of("EXP-ACC-001").get(1);

        assertThat(kv.name()).isEqualTo("kv");
        assertThat(kv.units()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(kv.n()).isEqualTo(5);
        assertThat(kv.mean()).isEqualTo(80.0);
        // sample sd of 78..82: sqrt(10 / 4) = 1.5811
        assertThat(kv.sd()).isCloseTo(1.58114, within(1e-5));
        assertThat(kv.cv()).isCloseTo(0.0197642, within(1e-6));
        // Cpk = min(83.4 - 80, 80 - 76.6) / (3 x 1.5811) = 3.4 / 4.7434 = 0.7168
        assertThat(kv.cpk()).isCloseTo(0.71679, within(1e-5));
        assertThat(kv.outside()).isZero();
    }

    @Test
    void aTimeIsInMillisecondsAgainstItsWindow() {
        LotStatistics.Row t = fiveUnits().of("EXP-ACC-001").get(0);

        assertThat(t.unit()).isEqualTo("ms");
        assertThat(t.mean()).isCloseTo(100.02, within(1e-9));
        assertThat(t.lower()).isEqualTo(99.0);
        assertThat(t.upper()).isEqualTo(101.0);
        // sd of 100.00..100.04 step 0.01: 0.0158114; Cpk = (101 - 100.02) / (3 x 0.0158114) = 20.66
        assertThat(t.cpk()).isCloseTo(20.6600, within(1e-3));
    }

    @Test
    void limitsThatDifferFromUnitToUnitGiveNoCpkAndAValueOutsideItsLimitsIsCounted() {
        Map<Long, List<ScenarioResult>> byUnit = new LinkedHashMap<>();
        byUnit.put(1L, List.of(result(80, 76.6, 83.4, 100_000_000L)));
        byUnit.put(2L, List.of(result(84, 76.6, 83.5, 100_000_000L)));
        LotStatistics.Row kv = LotStatistics.of(byUnit).of("EXP-ACC-001").get(1);

        assertThat(kv.lower()).isEqualTo(76.6);
        assertThat(kv.upper()).isNull();
        assertThat(kv.cpk()).isCloseTo((82 - 76.6) / (3 * kv.sd()), within(1e-9));
        assertThat(kv.outside()).isEqualTo(1);
        assertThat(LotStatistics.of(Map.of(1L, List.of(result(80, 76.6, 83.4, 1)))).rows().get(1).cpk())
                .as("one unit says nothing of the spread").isNull();
    }

    @Test
    void aUnitsRepeatsCountOnceAsTheirMeanSoTheLotsNIsItsUnits() {
        Map<Long, List<ScenarioResult>> byUnit = new LinkedHashMap<>();
        double[][] shots = {{79, 81, 80}, {83, 83, 83}};
        for (int u = 0; u < shots.length; u++) {
            List<ValueResult> values = new java.util.ArrayList<>();
            for (double kv : shots[u]) {
                Verdict v = ValueResult.verdict(kv, 0, 76.6, 83.4);
                values.add(new ValueResult("kv", kv, "kV", 80.0, 76.6, 83.4, 0, v, 0, 1, List.of(), 10));
            }
            byUnit.put((long) u + 1, List.of(new ScenarioResult("EXP-REP-001", "t", null, Verdict.PASS, List.of(),
                    List.of(), List.of(), null, null, null, 1, List.of(), values)));
        }
        LotStatistics.Row kv = LotStatistics.of(byUnit).of("EXP-REP-001").get(0);

        assertThat(kv.n()).isEqualTo(2);
        assertThat(kv.values()).containsExactly(80.0, 83.0);
        assertThat(kv.units()).containsExactly(1L, 2L);
        assertThat(kv.lower()).isEqualTo(76.6);
        assertThat(kv.outside()).isZero();
    }
}
