package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hilrig.timing.Clock;
import org.junit.jupiter.api.Test;

class KernelTimeBaseTest {
    /** A clock that returns the given readings in turn. */
    private static Clock readings(Long... nanos) {
        Deque<Long> q = new ArrayDeque<>(List.of(nanos));
        return q::removeFirst;
    }

    @Test
    void calibrationKeepsTheTightestBracketAndTakesItsMiddle() {
        // rig brackets: [0, 1000] around kernel 5 000 500; [2000, 2100] around kernel 5 002 060; [3000, 3400]
        Clock rig = readings(0L, 1000L, 2000L, 2100L, 3000L, 3400L);
        Deque<Long> kernel = new ArrayDeque<>(List.of(5_000_500L, 5_002_060L, 5_003_100L));

        KernelTimeBase base = KernelTimeBase.calibrate(rig, kernel::removeFirst, 3);

        assertThat(base).isEqualTo(new KernelTimeBase(5_002_060L - 2050L, 50));
        assertThat(base.toRigNanos(5_002_060L)).isEqualTo(2050L);
    }

    @Test
    void anOddBracketWidthRoundsTheUncertaintyUp() {
        KernelTimeBase base = KernelTimeBase.calibrate(readings(10L, 13L), () -> 100L, 1);

        assertThat(base.uncertaintyNanos()).isEqualTo(2);
        assertThat(base.offsetNanos()).isEqualTo(100L - 11L);
    }

    @Test
    void onAVirtualClockTheCalibrationIsExact() {
        KernelTimeBase base = KernelTimeBase.calibrate(() -> 7L, () -> 1_007L, 5);

        assertThat(base).isEqualTo(new KernelTimeBase(1_000L, 0));
    }
}
