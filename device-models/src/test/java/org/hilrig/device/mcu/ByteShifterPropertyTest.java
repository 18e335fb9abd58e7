package org.hilrig.device.mcu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hilrig.timing.sched.Scheduler;

/**
 * The shifter's buffer grows as it fills (up to its capacity): whatever is queued, in any chunks and at
 * any moment, leaves in order, back to back, one byte time each; a bounded shifter still refuses what does
 * not fit, whole.
 */
class ByteShifterPropertyTest {
    private static final int BAUD = 115_200;

    @Property(tries = 200)
    void everyByteQueuedLeavesInOrderOneByteTimeApart(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 3000) Integer> chunks,
                                                      @ForAll @IntRange(min = 0, max = 400) int bytesBetweenChunks) {
        Scheduler scheduler = new Scheduler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> times = new ArrayList<>();
        ByteShifter shifter = new ByteShifter(scheduler, "host_tx", BAUD, Integer.MAX_VALUE, (t, b) -> {
            out.write(b);
            times.add(t);
        });
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        int next = 0;
        for (int size : chunks) {
            byte[] chunk = new byte[size];
            for (int i = 0; i < size; i++) {
                chunk[i] = (byte) next++;
            }
            assertThat(shifter.send(chunk)).isTrue();
            in.writeBytes(chunk);
            scheduler.runUntil(scheduler.nowNanos() + bytesBetweenChunks * shifter.byteNanos());
        }
        scheduler.runUntilIdle();

        assertThat(out.toByteArray()).isEqualTo(in.toByteArray());
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(shifter.byteNanos());
        }
        assertThat(shifter.queued()).isZero();
    }

    @Property(tries = 100)
    void aBoundedShifterTakesAWholeArrayOrNothing(@ForAll @IntRange(min = 1, max = 2048) int capacity,
                                                  @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 700) Integer> chunks) {
        Scheduler scheduler = new Scheduler();
        ByteShifter shifter = new ByteShifter(scheduler, "uart_tx", BAUD, capacity, (t, b) -> { });
        int queued = 0;
        for (int size : chunks) {
            boolean fits = queued + size <= capacity;
            assertThat(shifter.send(new byte[size])).isEqualTo(fits);
            queued += fits ? size : 0;
            assertThat(shifter.queued()).isEqualTo(queued);
            assertThat(shifter.free()).isEqualTo(capacity - queued);
        }
    }
}
