package org.hilrig.timing.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calendar queue's geometry, pinned to the rules in {@link Scheduler}'s class comment: the bucket
 * count follows the pending count, the bucket width is twice the mean gap between the distinct due times
 * of the earliest half, rounded to the nearest power of two, and the width is estimated again when the
 * work per event exceeds 2 (checked every 1024 events, less often while that changes nothing). None of
 * this may change the order of events, so every test also checks the order against the plain rule.
 */
class SchedulerCalendarTest {

    private static final long MS = 1_000_000L;

    @Test
    void aNewSchedulerHasFourBucketsOf1024Nanoseconds() {
        Scheduler s = new Scheduler(123_456);
        assertThat(s.bucketCount()).isEqualTo(4);
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        assertThat(s.nowNanos()).isEqualTo(123_456);
        assertThat(s.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.step()).isFalse();
    }

    /** Buckets grow to the pending count rounded up to a power of two once it exceeds twice the buckets. */
    @Test
    void theBucketCountGrowsWhenThePendingCountExceedsTwiceTheBuckets() {
        Scheduler s = new Scheduler();
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i <= 129; i++) {
            s.at(i * 1_000L, "t" + i, () -> { });
            counts.add(s.bucketCount());
        }
        for (int pending = 1; pending <= 129; pending++) {
            int expected = pending <= 8 ? 4 : pending <= 32 ? 16 : pending <= 128 ? 64 : 256;
            assertThat(counts.get(pending - 1)).as("buckets with %d pending", pending).isEqualTo(expected);
        }
        assertThat(s.pending()).isEqualTo(129);
    }

    /** Buckets shrink to the pending count rounded up to a power of two once it falls below a quarter of them. */
    @Test
    void theBucketCountShrinksAsCancelledTimersLeave() {
        Scheduler s = new Scheduler();
        List<Timer> timers = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            timers.add(s.at(i * 1_000L, "t" + i, () -> { }));
        }
        assertThat(s.bucketCount()).isEqualTo(64);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            timers.get(i).cancel();
            seen.add(s.pending() + ":" + s.bucketCount());
        }
        List<String> expected = new ArrayList<>();
        for (int pending = 32; pending >= 0; pending--) {
            expected.add(pending + ":" + (pending >= 16 ? 64 : pending >= 4 ? 16 : 4));
        }
        assertThat(seen).isEqualTo(expected);
        timers.get(0).cancel(); // cancelling what is not pending changes nothing
        assertThat(s.pending()).isZero();
        assertThat(s.bucketCount()).isEqualTo(4);
    }

    @Test
    void theBucketCountShrinksAsOneShotTimersFireAndTheirOrderIsKept() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        for (int i = 33; i >= 1; i--) {
            long at = i * 1_000L;
            s.at(at, "t" + i, () -> fired.add(at));
        }
        List<String> seen = new ArrayList<>();
        while (s.step()) {
            seen.add(s.pending() + ":" + s.bucketCount());
        }
        List<String> expected = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        for (int pending = 32; pending >= 0; pending--) {
            expected.add(pending + ":" + (pending >= 16 ? 64 : pending >= 4 ? 16 : 4));
            order.add((33 - pending) * 1_000L);
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(fired).isEqualTo(order);
    }

    /** A periodic timer stays pending when it fires, so it never shrinks the calendar. */
    @Test
    void periodicTimersFiringDoNotShrinkTheCalendar() {
        Scheduler s = new Scheduler();
        for (int i = 1; i <= 9; i++) {
            s.every(i * 100L, 10_000L, "p" + i, () -> { });
        }
        assertThat(s.bucketCount()).isEqualTo(16);
        for (int i = 0; i < 500; i++) {
            s.step();
            assertThat(s.pending()).isEqualTo(9);
            assertThat(s.bucketCount()).isEqualTo(16);
        }
    }

    // ---- the width estimate, on the growth rebuild (the 9th pending timer with 4 buckets) ---------------

    /** Due times {@code 0, g, 2g, ... 8g} give a mean gap {@code g} in the earliest half, so a width near {@code 2g}. */
    private static int shiftForEvenGaps(long gap) {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        for (int i = 8; i >= 0; i--) {
            long at = i * gap;
            s.at(at, "t" + i, () -> fired.add(at));
        }
        int shift = s.bucketWidthShift();
        s.runUntilIdle();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i <= 8; i++) {
            expected.add(i * gap);
        }
        assertThat(fired).isEqualTo(expected);
        return shift;
    }

    @Test
    void aWidthOfExactlyAPowerOfTwoIsThatPower() {
        assertThat(shiftForEvenGaps(512)).isEqualTo(10); // width 1024
        assertThat(shiftForEvenGaps(1 << 19)).isEqualTo(20);
        assertThat(shiftForEvenGaps(1)).isEqualTo(1); // width 2
    }

    /** Rounded to the nearest power of two on a ratio scale: up once the width is 1.4 times the power below. */
    @Test
    void aWidthIsRoundedUpFromFourTenthsAbove() {
        // width 2g with 1024 below: rounded up from 1024 * 1.4 = 1433.6 on
        assertThat(shiftForEvenGaps(717)).isEqualTo(11); // width 1434
        assertThat(shiftForEvenGaps(716)).isEqualTo(10); // width 1432
        assertThat(shiftForEvenGaps(662)).isEqualTo(10); // width 1324
        assertThat(shiftForEvenGaps(3)).isEqualTo(3); // width 6 -> 8 (6 >= 4 * 1.4)
        assertThat(shiftForEvenGaps(2)).isEqualTo(2); // width 4
        assertThat(shiftForEvenGaps(5)).isEqualTo(3); // width 10 -> 8 (10 < 8 * 1.4)
        assertThat(shiftForEvenGaps(1_000)).isEqualTo(11); // width 2000
        assertThat(shiftForEvenGaps(MS)).isEqualTo(21); // width 2e6, 2^20 * 1.9
    }

    @Test
    void onlyTheEarliestHalfOfTheDueTimesIsMeasured() {
        // earliest five of nine: 0, 100, 200, 1000, 2000: mean gap 500, width 1000 -> 2^10 (1000 >= 512 * 1.4)
        Scheduler s = new Scheduler();
        long[] dues = {0, 100, 200, 1_000, 2_000, 50_000, 90_000, 700_000, 9_000_000};
        for (long due : dues) {
            s.at(due, "t" + due, () -> { });
        }
        assertThat(s.bucketWidthShift()).isEqualTo(10);
    }

    @Test
    void gapsAreMeasuredBetweenDistinctDueTimesOnly() {
        // earliest five: 0, 0, 0, 1000, 1000: one distinct gap of 1000, width 2000 -> 2^11
        Scheduler s = new Scheduler();
        long[] dues = {0, 0, 0, 1_000, 1_000, 2_000, 3_000, 4_000, 5_000};
        for (long due : dues) {
            s.at(due, "t" + due, () -> { });
        }
        assertThat(s.bucketWidthShift()).isEqualTo(11);
    }

    @Test
    void whenTheEarliestHalfSharesOneTimeTheGapsOfAllAreMeasured() {
        // earliest five all at 0: then all nine, 0 x5, 1000, 2000, 3000, 4000: mean gap 1000, width 2000 -> 2^11
        Scheduler s = new Scheduler();
        long[] dues = {0, 0, 0, 0, 0, 1_000, 2_000, 3_000, 4_000};
        for (long due : dues) {
            s.at(due, "t" + due, () -> { });
        }
        assertThat(s.bucketWidthShift()).isEqualTo(11);
    }

    @Test
    void whenEveryTimerIsDueAtOneTimeTheWidthIsKept() {
        Scheduler s = new Scheduler();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int id = i;
            s.at(5_000, "t" + i, () -> order.add(id));
        }
        assertThat(s.bucketCount()).isEqualTo(16);
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        s.runUntilIdle();
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    /** A mean gap of 2^60 ns is the largest that is doubled; a larger one gives the widest bucket, 2^62 ns. */
    @Test
    void theWidestGapsGiveTheWidestBuckets() {
        long g = 1L << 60;
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        long[] dues = {4 * g + 4, 4 * g + 3, 4 * g + 2, 4 * g + 1, 4 * g, 3 * g, 2 * g, g, 0};
        for (long due : dues) {
            s.at(due, "t" + due, () -> fired.add(due));
        }
        assertThat(s.bucketWidthShift()).isEqualTo(61); // mean gap exactly 2^60: width 2^61
        s.runUntilIdle();
        assertThat(fired).containsExactly(0L, g, 2 * g, 3 * g, 4 * g, 4 * g + 1, 4 * g + 2, 4 * g + 3, 4 * g + 4);

        Scheduler wider = new Scheduler();
        long h = g + 1;
        for (int i = 0; i < 9; i++) {
            wider.at(Math.min(i, 4) * h + Math.max(0, i - 4), "t" + i, () -> { });
        }
        assertThat(wider.bucketWidthShift()).isEqualTo(62);
    }

    /** Due times across most of the long range overflow the span: the widest bucket, and the order still holds. */
    @Test
    void dueTimesAcrossTheWholeLongRangeKeepTheirOrder() {
        Scheduler s = new Scheduler(Long.MIN_VALUE);
        List<Long> fired = new ArrayList<>();
        long[] dues = {Long.MAX_VALUE - 4, Long.MIN_VALUE + 3, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
            Long.MIN_VALUE + 1, Long.MAX_VALUE - 2, Long.MIN_VALUE + 2, 0};
        for (long due : dues) {
            s.at(due, "t" + due, () -> fired.add(due));
        }
        assertThat(s.bucketWidthShift()).isEqualTo(62);
        s.runUntilIdle();
        assertThat(fired).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2, Long.MIN_VALUE + 3, 0L,
                Long.MAX_VALUE - 4, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(s.nowNanos()).isEqualTo(Long.MAX_VALUE);
    }

    // ---- the work check --------------------------------------------------------------------------------

    /**
     * {@code count} periodic timers {@code gap} apart, each firing every {@code count * gap}: with gaps far
     * wider than a year of the calendar, every event needs the direct search over all 4 buckets.
     */
    private static Scheduler spread(int count, long gap, List<Long> fired) {
        Scheduler s = new Scheduler();
        for (int i = 1; i <= count; i++) {
            s.every(i * gap, count * gap, "p" + i, () -> fired.add(s.nowNanos()));
        }
        return s;
    }

    @Test
    void costlyEventsMakeTheWidthBeEstimatedAgainAtThe1024thEvent() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = spread(5, MS, fired);
        for (int i = 0; i < 1023; i++) {
            s.step();
        }
        assertThat(s.bucketCount()).isEqualTo(4);
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        s.step();
        // pending: five times 1 ms apart: mean gap 1 ms, width 2 ms -> 2^21 ns; 5 pending -> 8 buckets
        assertThat(s.bucketCount()).isEqualTo(8);
        assertThat(s.bucketWidthShift()).isEqualTo(21);
        for (int i = 0; i < 3_000; i++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).isEqualTo(21);
        assertThat(fired).hasSize(4_024);
        for (int i = 0; i < fired.size(); i++) {
            assertThat(fired.get(i)).isEqualTo((i + 1) * MS);
        }
    }

    @Test
    void twoPendingTimersAreEnoughToEstimateAWidth() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = spread(2, MS, fired);
        for (int i = 0; i < 1024; i++) {
            s.step();
        }
        assertThat(s.bucketCount()).isEqualTo(4);
        assertThat(s.bucketWidthShift()).isEqualTo(21);
    }

    /** Events found in the very bucket the cursor is on cost nothing: the width stays, wrong as it may look. */
    @Test
    void cheapEventsKeepTheGeometry() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = spread(5, 100, fired);
        for (int i = 0; i < 5_000; i++) {
            s.step();
        }
        assertThat(s.bucketCount()).isEqualTo(4);
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        assertThat(fired.get(4_999)).isEqualTo(500_000L);
    }

    /** Scanning three empty buckets per event is work too. */
    @Test
    void emptyBucketsScannedWithinTheYearCountAsWork() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = spread(4, 3 * 1024, fired);
        for (int i = 0; i < 1023; i++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        s.step();
        // mean gap 3072 ns, width 6144 -> 2^13 (6144 >= 4096 * 1.4)
        assertThat(s.bucketWidthShift()).isEqualTo(13);
    }

    /** Exactly 2 units of work per event is not too much: two buckets ahead each time. */
    @Test
    void twoUnitsOfWorkPerEventAreWithinTheLimit() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = spread(2, 2 * 1024, fired);
        for (int i = 0; i < 5_000; i++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        assertThat(fired.get(4_999)).isEqualTo(5_000 * 2_048L);
    }

    /**
     * While estimating again changes nothing, the work is checked half as often: 1024 events, then 2048
     * more. One periodic timer alone is costly (a direct search per event) yet gives no gaps to measure;
     * a second one, added after the first check, only changes the width at the next check.
     */
    @Test
    void whileEstimatingAgainChangesNothingTheCheckComesHalfAsOften() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        s.every(MS, MS, "alone", () -> fired.add(s.nowNanos()));
        for (int i = 0; i < 1024; i++) {
            s.step();
        }
        assertThat(s.bucketCount()).isEqualTo(4);
        assertThat(s.bucketWidthShift()).as("one pending timer: nothing to estimate from").isEqualTo(10);
        for (int i = 0; i < 76; i++) {
            s.step();
        }
        s.every(s.nowNanos() + MS / 2, MS, "second", () -> fired.add(s.nowNanos()));
        for (int event = 1101; event < 3072; event++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).as("no check between the 1024th and the 3072nd event").isEqualTo(10);
        s.step();
        // two pending 0.5 ms apart: width 1 ms -> 2^20 (1e6 >= 2^19 * 1.4)
        assertThat(s.bucketWidthShift()).isEqualTo(20);
        assertThat(fired).hasSize(3072);
        assertThat(fired.get(1100)).isEqualTo(1100 * MS + MS / 2);
    }

    /**
     * The cursor starts at the bucket of the start time, not at the first timer's: from 1024 ns, a first
     * timer 3 buckets on costs 3, and then 2 per event make 2049 for 1024 events, one over the limit.
     */
    @Test
    void theCursorStartsAtTheStartTimesBucket() {
        List<Long> fired = new ArrayList<>();
        Scheduler s = new Scheduler(1_024);
        s.every(1_024 + 3 * 1_024, 4_096, "a", () -> fired.add(s.nowNanos()));
        s.every(1_024 + 5 * 1_024, 4_096, "b", () -> fired.add(s.nowNanos()));
        for (int i = 0; i < 1023; i++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        s.step();
        assertThat(s.bucketWidthShift()).as("gap 2048: width 4096").isEqualTo(12);
        assertThat(fired.get(1023)).isEqualTo(4_096 + 1023 * 2_048L);
    }

    /** Inserting in front of entries of the same bucket passes them: that is work as well. */
    @Test
    void entriesPassedOnInsertionCountAsWork() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        Timer[] ts = new Timer[8];
        for (int i = 0; i < 8; i++) {
            int id = i;
            // each fires and comes back 1 ns later, in front of the seven others in its bucket
            ts[i] = s.timer("t" + i, () -> {
                fired.add(s.nowNanos());
                ts[id].at(s.nowNanos() + 1);
            });
            ts[i].at(100 + 100L * i);
        }
        for (int i = 0; i < 1023; i++) {
            s.step();
        }
        assertThat(s.bucketWidthShift()).isEqualTo(10);
        s.step();
        assertThat(s.bucketWidthShift()).isEqualTo(1); // the eight now march 1 ns apart: width 2 ns
    }
}
