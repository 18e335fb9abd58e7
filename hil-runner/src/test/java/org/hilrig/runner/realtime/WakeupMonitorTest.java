package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The wake-up monitor on a scripted clock: the monitor's first sleep starts at 0 and wakes to find 7 ms
 * passed, so it was 6 ms late (its 1 ms period not counted); after that the clock stands still (no wake-up
 * is late). A mark starts a new window.
 */
class WakeupMonitorTest {
    @Test
    void aLateWakeUpIsSeenUntilTheNextMark() {
        AtomicLong reads = new AtomicLong();
        try (WakeupMonitor monitor = WakeupMonitor.start(() -> reads.getAndIncrement() == 0 ? 0 : 7_000_000L)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.worstSinceMarkNanos() == 6_000_000L);
            monitor.mark();
            assertThat(monitor.worstSinceMarkNanos()).isZero();
        }
    }
}
