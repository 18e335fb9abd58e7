package org.hilrig.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesEveryUnitWithDecimals() {
        assertThat(Durations.parse("2.5ms")).isEqualTo(2_500_000L);
        assertThat(Durations.parse("100 us")).isEqualTo(100_000L);
        assertThat(Durations.parse("1s")).isEqualTo(1_000_000_000L);
        assertThat(Durations.parse("37ns")).isEqualTo(37L);
        assertThat(Durations.parse("0.001us")).isEqualTo(1L);
    }

    @Test
    void rejectsWhatIsNotADurationNamingTheTextAndTheUnits() {
        assertThatThrownBy(() -> Durations.parse("0.5xs"))
                .hasMessage("'0.5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
        assertThatThrownBy(() -> Durations.parse("1.5ns")).hasMessage("'1.5ns' is not a whole number of nanoseconds");
        assertThatThrownBy(() -> Durations.parse("-1ms")).hasMessage("'-1ms' is negative; durations are 0 or more");
        assertThatThrownBy(() -> Durations.parse("5")).hasMessageContaining("is not a duration");
    }

    @Test
    void formatsForPeople() {
        assertThat(Durations.format(412_000)).isEqualTo("412 us");
        assertThat(Durations.format(1_250_000)).isEqualTo("1.25 ms");
        assertThat(Durations.format(2_000_000_000L)).isEqualTo("2 s");
        assertThat(Durations.format(37)).isEqualTo("37 ns");
    }
}
