package org.hilrig.timing.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every draw of {@link SeededRandom} as a function of the SplitMix64 stream, exactly, and its distribution
 * over many draws of one seed (deterministic, so the bounds below are checked once and hold forever).
 */
class SeededRandomDrawsTest {

    /** The first two outputs of SplitMix64 seeded with 0, as published with the algorithm. */
    private static final long FIRST = 0xE220A8397B1DCDAFL;
    private static final long SECOND = 0x6E789E6AA1B965F4L;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    @Test
    void aBoundedDrawIsTheTop63BitsModuloTheBound() {
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextLong(1_000_003)).isEqualTo((FIRST >>> 1) % 1_000_003);
        assertThat(r.nextInt(10)).isEqualTo((int) ((SECOND >>> 1) % 10));
        assertThat(new SeededRandom(0).nextLong(1)).isZero();
    }

    @Test
    void aRangeDrawIsOffsetFromItsMinimum() {
        assertThat(new SeededRandom(0).nextLong(-1_000, 1_000)).isEqualTo(-1_000 + (FIRST >>> 1) % 2_001);
        assertThat(new SeededRandom(0).nextLong(5, 5)).isEqualTo(5);
        assertThat(new SeededRandom(0).nextLong(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void everyValueOfASmallRangeIsDrawn() {
        SeededRandom r = new SeededRandom(11);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long v = r.nextLong(-2, 2);
            assertThat(v).isBetween(-2L, 2L);
            seen.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrder(-2L, -1L, 0L, 1L, 2L);
    }

    @Test
    void rangesOfMoreThanLongMaxValueNumbersAreDrawnToo() {
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(FIRST);
        assertThat(r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(SECOND);
        // [-1, Long.MAX_VALUE]: outputs outside it are drawn again, so the draws are the stream's outputs in it
        SeededRandom half = new SeededRandom(3);
        SeededRandom raw = new SeededRandom(3);
        int redrawn = 0;
        for (int i = 0; i < 1_000; i++) {
            long expected = raw.nextLong();
            while (expected < -1) {
                expected = raw.nextLong();
                redrawn++;
            }
            assertThat(half.nextLong(-1, Long.MAX_VALUE)).isEqualTo(expected);
        }
        assertThat(redrawn).isBetween(400, 1_600);
    }

    /** Both ends of such a range are in it: a first output equal to either end is kept. */
    @Test
    void theEndsOfAWideRangeAreDrawn() {
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(-1)).nextLong(-1, Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(Long.MAX_VALUE)).nextLong(-5, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(Long.MIN_VALUE)).nextLong(Long.MIN_VALUE, 5))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(5)).nextLong(Long.MIN_VALUE, 5)).isEqualTo(5);
        long seed = seedWhoseFirstOutputIs(6);
        SeededRandom raw = new SeededRandom(seed);
        raw.nextLong();
        long second = raw.nextLong();
        long expected = second;
        while (expected > 5) {
            expected = raw.nextLong();
        }
        assertThat(new SeededRandom(seed).nextLong(Long.MIN_VALUE, 5)).as("6 is drawn again").isEqualTo(expected);
    }

    @Test
    void badBoundsAndEmptyRangesAreRefused() {
        SeededRandom r = new SeededRandom(0);
        assertThatThrownBy(() -> r.nextLong(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound 0 must be above 0");
        assertThatThrownBy(() -> r.nextLong(-7)).hasMessage("bound -7 must be above 0");
        assertThatThrownBy(() -> r.nextInt(0)).hasMessage("bound 0 must be above 0");
        assertThatThrownBy(() -> r.nextLong(5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range [5, 4] is empty");
        assertThat(r.nextLong()).as("a refused draw consumes nothing").isEqualTo(FIRST);
    }

    /**
     * Without modulo bias: a draw at or above the largest multiple of the bound is drawn again. A seed is
     * made whose first output, shifted, is exactly that limit ({@code Long.MAX_VALUE - 1} for bound 3).
     */
    @Test
    void aDrawAtTheRejectionLimitIsDrawnAgainAndOneBelowItIsKept() {
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % 3;
        long atLimit = seedWhoseFirstOutputIs(limit << 1);
        SeededRandom raw = new SeededRandom(atLimit);
        assertThat(raw.nextLong() >>> 1).isEqualTo(limit);
        long next = raw.nextLong();
        assertThat(new SeededRandom(atLimit).nextLong(3)).isEqualTo((next >>> 1) % 3);

        long belowLimit = seedWhoseFirstOutputIs((limit - 1) << 1);
        assertThat(new SeededRandom(belowLimit).nextLong(3)).isEqualTo((limit - 1) % 3).isEqualTo(2);
    }

    @Test
    void aDoubleIsTheTop53BitsScaledIntoTheUnitInterval() {
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextDouble()).isEqualTo((FIRST >>> 11) * 0x1.0p-53);
        assertThat(r.nextDouble()).isEqualTo((SECOND >>> 11) * 0x1.0p-53);
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(-1L)).nextDouble()).isEqualTo(1.0 - 0x1.0p-53);
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(0L)).nextDouble()).isZero();
    }

    @Test
    void aBooleanIsTheSignOfTheNextOutput() {
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextBoolean()).isTrue(); // FIRST is negative
        assertThat(r.nextBoolean()).isFalse(); // SECOND is positive
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(0L)).nextBoolean()).isFalse();
        assertThat(new SeededRandom(seedWhoseFirstOutputIs(Long.MIN_VALUE)).nextBoolean()).isTrue();
    }

    @Test
    void aGaussianIsBoxMullerOnTheNextTwoDoubles() {
        double u1 = (FIRST >>> 11) * 0x1.0p-53;
        double u2 = (SECOND >>> 11) * 0x1.0p-53;
        double expected = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
        SeededRandom r = new SeededRandom(0);
        assertThat(r.nextGaussian()).isEqualTo(expected);
        assertThat(r.nextLong()).as("two outputs used").isEqualTo(SeededRandom.mix(3 * GOLDEN_GAMMA));
    }

    @Test
    void boundedDrawsAreUniform() {
        SeededRandom r = new SeededRandom(20_260_101);
        int n = 100_000;
        int[] counts = new int[10];
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(10)]++;
        }
        double chiSquare = 0;
        for (int c : counts) {
            chiSquare += Math.pow(c - n / 10.0, 2) / (n / 10.0);
        }
        assertThat(chiSquare).as("chi-square, 9 degrees of freedom (27.9 at p = 0.001)").isLessThan(27.9);
    }

    @Test
    void doublesBooleansAndGaussiansHaveTheirMoments() {
        SeededRandom r = new SeededRandom(99);
        int n = 200_000;
        double sum = 0;
        int trues = 0;
        double gSum = 0;
        double gSquares = 0;
        int withinOneSigma = 0;
        for (int i = 0; i < n; i++) {
            double d = r.nextDouble();
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += d;
            trues += r.nextBoolean() ? 1 : 0;
            double g = r.nextGaussian();
            gSum += g;
            gSquares += g * g;
            withinOneSigma += Math.abs(g) <= 1.0 ? 1 : 0;
        }
        // Standard errors: 0.00065 for the mean of a uniform, 0.0011 for a fraction, 0.0022 for a gaussian mean.
        assertThat(sum / n).isCloseTo(0.5, within(0.004));
        assertThat((double) trues / n).isCloseTo(0.5, within(0.006));
        assertThat(gSum / n).isCloseTo(0.0, within(0.012));
        assertThat(gSquares / n).isCloseTo(1.0, within(0.02));
        assertThat((double) withinOneSigma / n).isCloseTo(0.6827, within(0.006));
    }

    // ---- making seeds: SplitMix64's output function is a bijection, so it can be inverted ------------

    /** The seed whose first {@link SeededRandom#nextLong()} is {@code output}. */
    static long seedWhoseFirstOutputIs(long output) {
        long z = unxorShift(output, 31);
        z *= inverse(0x94D049BB133111EBL);
        z = unxorShift(z, 27);
        z *= inverse(0xBF58476D1CE4E5B9L);
        z = unxorShift(z, 30);
        long seed = z - GOLDEN_GAMMA;
        assertThat(SeededRandom.mix(seed + GOLDEN_GAMMA)).isEqualTo(output);
        return seed;
    }

    private static long unxorShift(long y, int k) {
        long x = y;
        for (int i = 0; i < 64 / k + 1; i++) {
            x = y ^ (x >>> k);
        }
        return x;
    }

    /** The inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each step). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }
}
