package org.hilrig.runner.gpio;

import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.timing.Clock;

/** A clock that moves only when the test says. */
final class ManualClock implements Clock {
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nowNanos() {
        return nanos.get();
    }

    void set(long timeNanos) {
        nanos.set(timeNanos);
    }
}
