package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JVM's stop-the-world pauses, as the collectors report them; concurrent work is not a pause. */
class JvmPausesTest {
    @Test
    void aFullCollectionIsSeenAsAPauseOfAtLeastAMillisecond() {
        try (JvmPauses pauses = JvmPauses.watch()) {
            assertThat(pauses.longestNanos()).isZero();

            System.gc(); // a full, stop-the-world collection with the default collector

            await().atMost(Duration.ofSeconds(10)).until(() -> pauses.longestNanos() >= 1_000_000L);
        }
    }

    @Test
    void onlyStopTheWorldActionsCount() {
        assertThat(JvmPauses.stopsTheWorld("end of minor GC")).isTrue();
        assertThat(JvmPauses.stopsTheWorld("end of major GC")).isTrue();
        assertThat(JvmPauses.stopsTheWorld("end of GC pause")).isTrue();
        assertThat(JvmPauses.stopsTheWorld("end of GC cycle")).as("ZGC's concurrent cycle").isFalse();
    }
}
