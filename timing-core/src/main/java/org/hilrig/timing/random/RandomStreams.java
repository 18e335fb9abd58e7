package org.hilrig.timing.random;

import java.nio.charset.StandardCharsets;

/**
 * One run seed, split into independent streams by component name. A component's stream depends only
 * on the seed and its own name, so adding a component never shifts another's draws.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for the named component; the same name always gives the same stream. */
    public SeededRandom stream(String componentName) {
        return new SeededRandom(SeededRandom.mix(seed ^ SeededRandom.mix(fnv1a64(componentName))));
    }

    private static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
