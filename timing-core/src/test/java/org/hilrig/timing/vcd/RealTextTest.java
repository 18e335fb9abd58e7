package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RealTextTest {

    @Example
    void formatsTheShortestDecimalThatReadsBack() {
        assertThat(RealText.format(3.3)).isEqualTo("3.3");
        assertThat(RealText.format(80.0)).isEqualTo("80");
        assertThat(RealText.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(RealText.format(-0.0015)).isEqualTo("-0.0015");
        assertThat(RealText.format(1e-7)).isEqualTo("0.0000001");
        assertThat(RealText.format(1.5e-8)).isEqualTo("1.5e-8");
        assertThat(RealText.format(1e21)).isEqualTo("1e+21");
        assertThat(RealText.format(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(RealText.format(2.0E-3)).isEqualTo("0.002");
        assertThat(RealText.format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(RealText.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(RealText.format(0.0)).isEqualTo("0");
        assertThat(RealText.format(-0.0)).isEqualTo("-0");
        assertThat(RealText.format(Double.NaN)).isEqualTo("nan");
        assertThat(RealText.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(RealText.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        // JDK 17's Double.toString gives 2.82879384806159008E17 and 9.999999999999999E22 here.
        assertThat(RealText.format(2.82879384806159E17)).isEqualTo("282879384806159000");
        assertThat(RealText.format(1.0E23)).isEqualTo("1e+23");
        assertThat(RealText.format(5.0E-324 * 3)).isEqualTo("1.5e-323");
    }

    @Property(tries = 5000)
    void everyDoubleReadsBackBitForBit(@ForAll long bits) {
        double value = Double.longBitsToDouble(bits);
        String text = RealText.format(value);

        double back = parse(text);
        if (Double.isNaN(value)) {
            assertThat(back).isNaN();
        } else {
            assertThat(Double.doubleToRawLongBits(back)).as(text).isEqualTo(bits);
        }
    }

    @Property(tries = 3000)
    void aDecimalOfFewDigitsIsWrittenWithNoMoreDigits(@ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long mantissa,
            @ForAll @IntRange(min = -300, max = 300) int exponent) {
        String decimal = Long.toString(mantissa).replaceAll("0+$", "");
        double value = Double.parseDouble(mantissa + "e" + exponent);

        String text = RealText.format(value);

        assertThat(text.replaceAll("e.*$", "").replaceAll("[-.]", "").replaceAll("^0+", "").replaceAll("0+$", ""))
                .hasSizeLessThanOrEqualTo(decimal.length());
        assertThat(parse(text)).isEqualTo(value);
    }

    @Property(tries = 5000)
    void parsingAgreesWithTheJdk(@ForAll("decimals") String text) {
        assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
    }

    @Example
    void parsesSpecialWordsAndRejectsWhatStrtodWouldNot() {
        assertThat(parse("nan")).isNaN();
        assertThat(parse("-INF")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("+Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        for (String bad : new String[] {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1p3", "1d", "1f", "NaNa", "1 2", "--1"}) {
            double[] out = {42};
            byte[] b = bad.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(RealText.parse(b, 0, b.length, out)).as(bad).isFalse();
            assertThat(out[0]).isEqualTo(42);
        }
    }

    private static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        double[] out = new double[1];
        assertThat(RealText.parse(b, 0, b.length, out)).as(text).isTrue();
        return out[0];
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(25).map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> exponent = Arbitraries.integers().between(-340, 340).injectNull(0.4)
                .map(e -> e == null ? "" : "e" + e);
        return Combinators.combine(sign, digits, fraction, exponent).as((s, d, f, e) -> s + d + f + e);
    }
}
