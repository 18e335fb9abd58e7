package org.hilrig.device.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToleranceTest {
    @Test
    void readsAShareAndAnAmountAsDataSheetsWriteThem() {
        Tolerance t = Tolerance.parse("3 % + 1 kV");

        assertThat(t).isEqualTo(new Tolerance(0.03, 1, "kV"));
        assertThat(Tolerance.parse("+-(3 % + 1 kV)")).isEqualTo(t);
        assertThat(Tolerance.parse("±(3% + 1kV)")).isEqualTo(t);
        assertThat(t.around(80)).isCloseTo(3.4, within(1e-12));
        assertThat(t.around(-80)).isCloseTo(3.4, within(1e-12));
        assertThat(t).hasToString("3 % + 1 kV");
    }

    @Test
    void eitherPartMayStandAlone() {
        assertThat(Tolerance.parse("5 %")).isEqualTo(new Tolerance(0.05, 0, ""));
        assertThat(Tolerance.parse("0.5 mAs")).isEqualTo(new Tolerance(0, 0.5, "mAs"));
        assertThat(Tolerance.parse("5 %").fits("mAs")).isTrue();
        assertThat(Tolerance.parse("1 kV").fits("mA")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3 % 1 kV", "kV", "-3 %", "3 % +", "+ 1 kV", "3 % + 1", "3 percent", "1 KV"})
    void refusesWhatIsNotATolerance(String text) {
        assertThatThrownBy(() -> Tolerance.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a tolerance (write a share, an amount with its unit, or both:"
                        + " 3 % + 1 kV, 5 %, 0.5 mAs; units: kV, V, mA, A, mAs, As, kWs, ms, us, s, rpm)");
    }

    @Test
    void aProfileRefusesABadAccuracyNamingTheKey() {
        var entries = ReferenceProfiles.gen().entriesByPath();
        entries.put("accuracy.kv", "3 percent");

        assertThatThrownBy(() -> BoardProfile.of(GeneratorKeys.SCHEMA, entries)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy.kv").hasMessageContaining("'3 percent' is not a tolerance");
        assertThat(ReferenceProfiles.gen().tolerance(GeneratorKeys.ACCURACY_MAS)).isEqualTo(new Tolerance(0.05, 0.5, "mAs"));
        assertThat(ReferenceProfiles.gen().tolerance(GeneratorKeys.ACCURACY_REPORT).around(4.4)).isCloseTo(0.088, org.assertj.core.api.Assertions.within(1e-12));
    }
}
