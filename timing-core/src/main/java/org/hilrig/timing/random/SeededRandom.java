package org.hilrig.timing.random;

/**
 * A small, fully specified pseudo-random generator (SplitMix64), so that the same seed gives the same
 * numbers on every JVM and every version of the rig. Not for cryptography. Confined to one thread.
 */
public final class SeededRandom {
    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        return mix(z);
    }

    /** Uniform in [0, bound), bound above 0, without modulo bias. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound + " must be above 0");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** Uniform in [min, max], inclusive; any range of longs, the whole of them too. */
    public long nextLong(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
        }
        long size = max - min + 1;
        if (size > 0) {
            return min + nextLong(size);
        }
        // More than Long.MAX_VALUE numbers (the size overflowed): at least half of all longs are in range.
        long r;
        do {
            r = nextLong();
        } while (r < min || r > max);
        return r;
    }

    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal by Box-Muller (two draws per call; no cached spare, so the stream stays simple). */
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
