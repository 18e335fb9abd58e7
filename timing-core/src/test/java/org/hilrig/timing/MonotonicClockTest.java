package org.hilrig.timing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wall clock adapter: System.nanoTime() from the moment the clock was made. */
class MonotonicClockTest {

    @Test
    void readsTheNanosecondsSinceItWasMade() {
        long before = System.nanoTime();
        MonotonicClock clock = new MonotonicClock();
        long made = System.nanoTime();
        // let the machine's clock move on by a microsecond, without sleeping
        long spun;
        do {
            spun = System.nanoTime();
        } while (spun - made < 1_000);
        long reading = clock.nowNanos();
        long after = System.nanoTime();
        assertThat(reading).isBetween(spun - made, after - before);
        assertThat(clock.nowNanos()).isGreaterThanOrEqualTo(reading);
    }
}
