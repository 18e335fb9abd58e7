package org.hilrig.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Durations at the edges of their units and of what parses. */
class DurationsEdgesTest {

    @Test
    void zeroIsADurationInAnyUnitAndASignMayPrecedeIt() {
        assertThat(Durations.parse("0ms")).isZero();
        assertThat(Durations.parse("0.0 s")).isZero();
        assertThat(Durations.parse("-0ns")).isZero();
        assertThat(Durations.parse("+3us")).isEqualTo(3_000L);
        assertThat(Durations.parse(" 7 µs ")).isEqualTo(7_000L);
    }

    @Test
    void nothingAndTooLargeAreRefusedNamingTheText() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
        assertThatThrownBy(() -> Durations.parse(" -0.5 us ")).hasMessage("'-0.5 us' is negative; durations are 0 or more");
        assertThatThrownBy(() -> Durations.parse("10000000000s"))
                .hasMessage("'10000000000s' is not a whole number of nanoseconds");
    }

    @Test
    void eachUnitStartsAtAThousandOfTheOneBelow() {
        assertThat(Durations.format(0)).isEqualTo("0 ns");
        assertThat(Durations.format(999)).isEqualTo("999 ns");
        assertThat(Durations.format(1_000)).isEqualTo("1 us");
        assertThat(Durations.format(999_999)).isEqualTo("999.999 us");
        assertThat(Durations.format(1_000_000)).isEqualTo("1 ms");
        assertThat(Durations.format(999_999_000)).isEqualTo("999.999 ms");
        assertThat(Durations.format(1_000_000_000)).isEqualTo("1 s");
        assertThat(Durations.format(-1_000)).isEqualTo("-1 us");
        assertThat(Durations.format(-999)).isEqualTo("-999 ns");
        assertThat(Durations.format(1_500_000_000)).isEqualTo("1.5 s");
    }
}
