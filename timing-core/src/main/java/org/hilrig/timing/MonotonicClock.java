package org.hilrig.timing;

/**
 * Wall time from {@link System#nanoTime()}, relative to the moment this clock was made. The only
 * place outside hardware adapters where the rig reads the machine's clock.
 */
public final class MonotonicClock implements Clock {
    private final long originNanos = System.nanoTime();

    @Override
    public long nowNanos() {
        return System.nanoTime() - originNanos;
    }
}
