package org.hilrig.timing.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a run seed is split: a component's stream is seeded with {@code mix(seed ^ mix(fnv1a64(name)))},
 * FNV-1a over the name's UTF-8 bytes. Pinned to published FNV-1a values, so a change to the split (which
 * would change every seeded run) cannot pass unnoticed.
 */
class RandomStreamsSplitTest {

    /** FNV-1a 64 of "", "a" and "foobar", from the reference test vectors of the algorithm. */
    private static final long FNV_EMPTY = 0xCBF29CE484222325L;
    private static final long FNV_A = 0xAF63DC4C8601EC8CL;
    private static final long FNV_FOOBAR = 0x85944171F73967E8L;

    private static long firstDraw(long seed, long nameHash) {
        return new SeededRandom(SeededRandom.mix(seed ^ SeededRandom.mix(nameHash))).nextLong();
    }

    @Test
    void aStreamIsSeededFromTheRunSeedAndTheFnv1aHashOfItsName() {
        for (long seed : new long[] {0, 1, 42, -1, Long.MIN_VALUE}) {
            RandomStreams streams = new RandomStreams(seed);
            assertThat(streams.seed()).isEqualTo(seed);
            assertThat(streams.stream("").nextLong()).isEqualTo(firstDraw(seed, FNV_EMPTY));
            assertThat(streams.stream("a").nextLong()).isEqualTo(firstDraw(seed, FNV_A));
            assertThat(streams.stream("foobar").nextLong()).isEqualTo(firstDraw(seed, FNV_FOOBAR));
        }
    }

    @Test
    void namesAreHashedAsUtf8() {
        // "µ" is the two bytes C2 B5: FNV-1a over them, each taken as unsigned
        long h = FNV_EMPTY;
        for (int b : new int[] {0xC2, 0xB5}) {
            h ^= b;
            h *= 0x100000001B3L;
        }
        assertThat(new RandomStreams(7).stream("µ").nextLong()).isEqualTo(firstDraw(7, h));
    }

    @Test
    void aStreamDrawsOnFromItsOwnStateAndTwoStreamsOfOneNameAreEqual() {
        RandomStreams streams = new RandomStreams(2026);
        SeededRandom a = streams.stream("hv.arcs");
        SeededRandom b = streams.stream("hv.arcs");
        SeededRandom other = streams.stream("hv.arcz");
        long[] first = new long[5];
        for (int i = 0; i < 5; i++) {
            first[i] = a.nextLong();
        }
        assertThat(first).doesNotHaveDuplicates();
        for (int i = 0; i < 5; i++) {
            assertThat(b.nextLong()).isEqualTo(first[i]);
        }
        assertThat(other.nextLong()).isNotEqualTo(first[0]);
    }
}
