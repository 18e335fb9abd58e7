package org.hilrig.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"80", "80.0", "-3.5", "+2", "0", "0.25", "600"})
    void protocolNumbersParse(String text) {
        assertThat(FieldText.isDecimal(text)).isTrue();
        assertThat(FieldText.parseDecimal(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "80.", ".5", "1e3", " 80", "80 ", "0x10", "1.2.3", "--1", "NaN", "8O"})
    void anythingElseIsNotANumber(String text) {
        assertThat(FieldText.isDecimal(text)).isFalse();
        assertThatThrownBy(() -> FieldText.parseDecimal(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a number (allowed: decimal ASCII");
    }

    @Test
    void numbersAreFormattedWithTheAskedFractionDigits() {
        assertThat(FieldText.decimal(80, 1)).isEqualTo("80.0");
        assertThat(FieldText.decimal(25, 2)).isEqualTo("25.00");
        assertThat(FieldText.decimal(-3.5, 1)).isEqualTo("-3.5");
        assertThat(FieldText.decimal(0.125, 2)).isEqualTo("0.13");
        assertThat(FieldText.decimal(-0.01, 1)).isEqualTo("0.0");
        assertThat(FieldText.decimal(250, 0)).isEqualTo("250");
        assertThatThrownBy(() -> FieldText.decimal(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wholeNumbersRefuseAFraction() {
        assertThat(FieldText.parseInteger("-12")).isEqualTo(-12);
        assertThatThrownBy(() -> FieldText.parseInteger("12.0")).hasMessageStartingWith("'12.0' is not a whole number");
    }

    @Test
    void booleansAreZeroAndOne() {
        assertThat(FieldText.parseBoolean("1")).isTrue();
        assertThat(FieldText.parseBoolean("0")).isFalse();
        assertThat(FieldText.bool(true)).isEqualTo("1");
        assertThatThrownBy(() -> FieldText.parseBoolean("true")).hasMessage("'true' is not a boolean (allowed: 0 or 1)");
    }
}
