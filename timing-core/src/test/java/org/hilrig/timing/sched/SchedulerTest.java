package org.hilrig.timing.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void eventsRunInTimeOrderAndTiesInInsertionOrder() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        s.at(30, "c", () -> log.add("c@" + s.nowNanos()));
        s.at(10, "a", () -> log.add("a@" + s.nowNanos()));
        s.at(30, "d", () -> log.add("d@" + s.nowNanos()));
        s.at(10, "b", () -> log.add("b@" + s.nowNanos()));
        s.runUntilIdle();
        assertThat(log).containsExactly("a@10", "b@10", "c@30", "d@30");
        assertThat(s.nowNanos()).isEqualTo(30);
        assertThat(s.executed()).isEqualTo(4);
    }

    /** Looking at the next due time, or running up to a time short of it, must not hide events scheduled before it. */
    @Property(tries = 300)
    void anEventScheduledBeforeTheNextDueOneRunsFirst(@ForAll @IntRange(min = 1, max = 40) int shift,
            @ForAll @IntRange(min = 0, max = 1_000) int lateOffset, @ForAll @IntRange(min = 0, max = 1_000) int earlyAt) {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        long late = (1L << shift) * 977 + lateOffset + 2_000;
        s.at(late, "late", () -> log.add("late@" + s.nowNanos()));
        assertThat(s.nextDueNanos()).isEqualTo(late);
        s.runUntil(earlyAt);
        s.at(earlyAt + 1, "early", () -> log.add("early@" + s.nowNanos()));
        assertThat(s.nextDueNanos()).isEqualTo(earlyAt + 1);
        s.runUntilIdle();
        assertThat(log).containsExactly("early@" + (earlyAt + 1), "late@" + late);
    }

    @Test
    void anEventScheduledAtTheCurrentTimeRunsAfterThoseAlreadyDue() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        s.at(5, "first", () -> {
            log.add("first");
            s.at(5, "spawned", () -> log.add("spawned"));
        });
        s.at(5, "second", () -> log.add("second"));
        s.runUntilIdle();
        assertThat(log).containsExactly("first", "second", "spawned");
    }

    @Test
    void aCancelledTimerNeverRunsAndAMovedTimerRunsOnceAtItsNewTime() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        Timer cancelled = s.at(10, "x", () -> fired.add(-1L));
        Timer moved = s.at(20, "y", () -> fired.add(s.nowNanos()));
        cancelled.cancel();
        moved.at(7);
        assertThat(cancelled.isPending()).isFalse();
        s.runUntilIdle();
        assertThat(fired).containsExactly(7L);
    }

    @Test
    void periodicTimersFireEveryPeriodUntilCancelled() {
        Scheduler s = new Scheduler();
        List<Long> ticks = new ArrayList<>();
        Timer[] self = new Timer[1];
        self[0] = s.every(1_000, 1_000, "tick", () -> {
            ticks.add(s.nowNanos());
            if (ticks.size() == 4) {
                self[0].cancel();
            }
        });
        s.runUntil(10_000);
        assertThat(ticks).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
        assertThat(s.nowNanos()).isEqualTo(10_000);
        assertThat(s.pending()).isZero();
    }

    @Test
    void runUntilStopsBeforeLaterEventsAndSetsTheClock() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        s.at(100, "a", () -> fired.add(100L));
        s.at(201, "b", () -> fired.add(201L));
        s.runUntil(200);
        assertThat(fired).containsExactly(100L);
        assertThat(s.nowNanos()).isEqualTo(200);
        assertThat(s.nextDueNanos()).isEqualTo(201);
    }

    @Test
    void runUntilConditionStopsAtTheEventThatMadeItTrue() {
        Scheduler s = new Scheduler();
        boolean[] flag = new boolean[1];
        s.at(50, "set", () -> flag[0] = true);
        s.at(60, "later", () -> { });
        assertThat(s.runUntil(() -> flag[0], 1_000)).isTrue();
        assertThat(s.nowNanos()).isEqualTo(50);
        assertThat(s.runUntil(() -> false, 1_000)).isFalse();
        assertThat(s.nowNanos()).isEqualTo(1_000);
    }

    @Test
    void schedulingInThePastIsRefusedWithBothTimes() {
        Scheduler s = new Scheduler(500);
        assertThatThrownBy(() -> s.at(499, "late", () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer 'late': cannot schedule at 499 ns, before the current time 500 ns");
    }

    @Test
    void anExceptionFromAnActionPropagatesAndLeavesTheRestScheduled() {
        Scheduler s = new Scheduler();
        s.at(1, "boom", () -> {
            throw new IllegalStateException("boom");
        });
        s.at(2, "after", () -> { });
        assertThatThrownBy(s::runUntilIdle).hasMessage("boom");
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.nextDueNanos()).isEqualTo(2);
    }

    /** The heap must behave as a stable sort by (time, insertion) under any mix of moves and cancels. */
    @Property(tries = 300)
    void executionOrderEqualsAStableSortOfTheFinalSchedule(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 50) Integer> times,
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1000) Integer> operations) {
        Scheduler s = new Scheduler();
        List<Integer> ran = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        long[] due = new long[times.size()];
        long[] seq = new long[times.size()];
        boolean[] live = new boolean[times.size()];
        long counter = 0;
        for (int i = 0; i < times.size(); i++) {
            int id = i;
            timers.add(s.at(times.get(i), "t" + i, () -> ran.add(id)));
            due[i] = times.get(i);
            seq[i] = counter++;
            live[i] = true;
        }
        for (int op : operations) {
            int i = op % times.size();
            if (op % 3 == 0) {
                timers.get(i).cancel();
                live[i] = false;
            } else {
                long t = op % 51;
                timers.get(i).at(t);
                due[i] = t;
                seq[i] = counter++;
                live[i] = true;
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            if (live[i]) {
                expected.add(i);
            }
        }
        expected.sort((a, b) -> due[a] != due[b] ? Long.compare(due[a], due[b]) : Long.compare(seq[a], seq[b]));
        s.runUntilIdle();
        assertThat(ran).isEqualTo(expected);
    }
}
