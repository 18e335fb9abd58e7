package org.hilrig.timing.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler's and the timer's contracts at their edges: equal times, the ends of time, bad arguments. */
class SchedulerBoundariesTest {

    @Test
    void runUntilTheCurrentTimeRunsWhatIsDueNowAndAnEventAtTheLimitRuns() {
        Scheduler s = new Scheduler(1_000);
        List<Long> fired = new ArrayList<>();
        s.at(1_000, "now", () -> fired.add(s.nowNanos()));
        s.runUntil(1_000);
        assertThat(fired).containsExactly(1_000L);
        s.at(2_000, "at-limit", () -> fired.add(s.nowNanos()));
        s.at(2_001, "beyond", () -> fired.add(s.nowNanos()));
        s.runUntil(2_000);
        assertThat(fired).containsExactly(1_000L, 2_000L);
        assertThat(s.nowNanos()).isEqualTo(2_000);
        assertThat(s.pending()).isEqualTo(1);
    }

    @Test
    void runUntilAnEarlierTimeIsRefusedWithBothTimes() {
        Scheduler s = new Scheduler(500);
        assertThatThrownBy(() -> s.runUntil(499))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot run until 499 ns: the clock is already at 500 ns");
        assertThat(s.nowNanos()).isEqualTo(500);
    }

    @Test
    void aConditionThatAlreadyHoldsRunsNothing() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        s.at(0, "due-now", () -> fired.add(0L));
        assertThat(s.runUntil(() -> true, 1_000)).isTrue();
        assertThat(fired).isEmpty();
        assertThat(s.nowNanos()).isZero();
        assertThat(s.executed()).isZero();
    }

    @Test
    void anEventAtTheDeadlineStillRunsAndMayMakeTheConditionHold() {
        Scheduler s = new Scheduler();
        boolean[] done = new boolean[1];
        s.at(1_000, "at-deadline", () -> done[0] = true);
        assertThat(s.runUntil(() -> done[0], 1_000)).isTrue();
        assertThat(s.nowNanos()).isEqualTo(1_000);
    }

    @Test
    void aDeadlineAlreadyPassedLeavesTheClockWhereItIs() {
        Scheduler s = new Scheduler(5_000);
        s.at(6_000, "later", () -> { });
        assertThat(s.runUntil(() -> false, 4_000)).isFalse();
        assertThat(s.nowNanos()).isEqualTo(5_000);
        assertThat(s.pending()).isEqualTo(1);
    }

    @Test
    void aConditionNeverMetRunsEverythingUpToTheDeadlineAndStopsThere() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        s.every(100, 100, "tick", () -> fired.add(s.nowNanos()));
        assertThat(s.runUntil(() -> false, 450)).isFalse();
        assertThat(fired).containsExactly(100L, 200L, 300L, 400L);
        assertThat(s.nowNanos()).isEqualTo(450);
        assertThat(s.nextDueNanos()).isEqualTo(500);
    }

    @Test
    void timersDueAtTheEndOfTimeRunInInsertionOrder() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        s.at(1_024, "early", () -> log.add("early@" + s.nowNanos()));
        assertThat(s.step()).isTrue(); // the calendar's cursor has moved off bucket 0
        s.at(Long.MAX_VALUE, "last", () -> log.add("last"));
        s.at(Long.MAX_VALUE, "very-last", () -> log.add("very-last"));
        // no nextDueNanos() first: step() itself must find them (a year from the cursor does not reach them)
        assertThat(s.step()).isTrue();
        assertThat(s.nowNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(s.step()).isTrue();
        assertThat(s.step()).isFalse();
        assertThat(log).containsExactly("early@1024", "last", "very-last");
    }

    @Test
    void aPeriodOfZeroIsRefusedByEvery() {
        Scheduler s = new Scheduler();
        assertThatThrownBy(() -> s.every(0, 0, "tick", () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer 'tick': period 0 ns must be above 0");
        assertThatThrownBy(() -> s.every(0, -5, "tick", () -> { }))
                .hasMessage("timer 'tick': period -5 ns must be above 0");
        assertThat(s.pending()).isZero();
    }

    @Test
    void periodZeroMakesATimerOneShotAndANegativePeriodIsRefused() {
        Scheduler s = new Scheduler();
        List<Long> fired = new ArrayList<>();
        Timer t = s.timer("once", () -> fired.add(s.nowNanos())).period(100).period(0).at(10);
        assertThat(t.periodNanos()).isZero();
        s.runUntil(1_000);
        assertThat(fired).containsExactly(10L);
        assertThat(t.isPending()).isFalse();
        assertThatThrownBy(() -> t.period(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer 'once': period -1 ns is negative");
        assertThat(s.every(2_000, 250, "tick", () -> { }).periodNanos()).isEqualTo(250);
    }

    @Test
    void afterSchedulesRelativeToTheCurrentTime() {
        Scheduler s = new Scheduler(1_000);
        List<String> log = new ArrayList<>();
        Timer t = s.after(250, "a", () -> log.add("a@" + s.nowNanos()));
        assertThat(t.isPending()).isTrue();
        assertThat(t.dueNanos()).isEqualTo(1_250);
        s.at(1_250, "b", () -> {
            log.add("b@" + s.nowNanos());
            s.timer("c", () -> log.add("c@" + s.nowNanos())).after(0);
        });
        s.at(1_250, "d", () -> log.add("d@" + s.nowNanos()));
        s.runUntilIdle();
        assertThat(log).containsExactly("a@1250", "b@1250", "d@1250", "c@1250");
        assertThat(t.after(5).dueNanos()).isEqualTo(1_255);
    }

    @Test
    void aNegativeDelayIsRefusedAndSchedulesNothing() {
        Scheduler s = new Scheduler(100);
        Timer t = s.timer("late", () -> { });
        assertThatThrownBy(() -> t.after(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer 'late': delay -1 ns is negative");
        assertThat(t.isPending()).isFalse();
        assertThat(s.pending()).isZero();
    }

    @Test
    void aTimerOfAnotherSchedulerIsRefused() {
        Scheduler mine = new Scheduler();
        Scheduler other = new Scheduler();
        Timer t = other.timer("theirs", () -> { });
        assertThatThrownBy(() -> mine.enqueue(t, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer 'theirs' belongs to another scheduler");
        assertThat(mine.pending()).isZero();
    }

    @Test
    void aTimerKnowsItsNameDueTimeAndPeriodAndSaysWhetherItIsPending() {
        Scheduler s = new Scheduler();
        Timer t = s.at(42, "door-debounce", () -> { });
        assertThat(t.name()).isEqualTo("door-debounce");
        assertThat(t.dueNanos()).isEqualTo(42);
        assertThat(t.periodNanos()).isZero();
        assertThat(t).hasToString("Timer[door-debounce due 42 ns]");
        s.runUntilIdle();
        assertThat(t.dueNanos()).as("the time it was last due").isEqualTo(42);
        assertThat(t).hasToString("Timer[door-debounce idle]");
        t.at(50);
        t.cancel();
        assertThat(t.dueNanos()).isEqualTo(50);
        assertThat(t.isPending()).isFalse();
    }

    @Test
    void aOneShotTimerIsNotPendingWhileItsActionRunsAndMayRescheduleItself() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        Timer[] self = new Timer[1];
        self[0] = s.timer("retry", () -> {
            log.add(s.nowNanos() + (self[0].isPending() ? " pending" : " idle"));
            if (s.nowNanos() < 30) {
                self[0].after(10);
            }
        });
        self[0].at(10);
        s.runUntilIdle();
        assertThat(log).containsExactly("10 idle", "20 idle", "30 idle");
        assertThat(s.executed()).isEqualTo(3);
    }
}
