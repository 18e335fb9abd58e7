package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.hilrig.timing.MonotonicClock;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.sched.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock adapter: virtual events run no earlier than their wall time, on the pacer thread alone. */
class WallPacerTest {
    private static final long MS = 1_000_000L;
    private final Scheduler scheduler = new Scheduler();
    private final MonotonicClock wall = new MonotonicClock();
    private final WallPacer pacer = new WallPacer(scheduler, wall, WallPacer.DEFAULT_SPIN_NANOS);
    private final List<long[]> ran = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pacer.close();
    }

    @Test
    void eventsRunAtTheirDueTimeOnTheWallClockNeverBefore() {
        for (long at : new long[] {20 * MS, 40 * MS, 60 * MS}) {
            scheduler.at(at, "e", () -> {
                ran.add(new long[] {at, wall.nowNanos(), scheduler.nowNanos()});
                threads.add(Thread.currentThread().getName());
            });
        }

        pacer.start("pacer-under-test");

        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 3);
        for (long[] r : ran) {
            assertThat(r[1]).as("wall time when the event ran").isGreaterThanOrEqualTo(r[0]);
            assertThat(r[2]).as("virtual time when the event ran").isEqualTo(r[0]);
        }
        assertThat(threads).containsOnly("pacer-under-test");
    }

    @Test
    void submittedTasksRunInOrderOnThePacerThreadAtTheWallTimeTheyAreTaken() {
        pacer.start("pacer-under-test");

        long before = wall.nowNanos();
        for (int i = 0; i < 3; i++) {
            long n = i;
            pacer.submit(() -> {
                ran.add(new long[] {n, scheduler.nowNanos()});
                threads.add(Thread.currentThread().getName());
            });
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 3);
        assertThat(ran).extracting(r -> r[0]).containsExactly(0L, 1L, 2L);
        assertThat(ran.get(0)[1]).as("virtual time of the first task").isGreaterThanOrEqualTo(before);
        assertThat(threads).containsOnly("pacer-under-test");
    }

    @Test
    void aTaskStampedInThePastRunsAtItsStampBetweenTheEventsAroundIt() {
        List<String> order = new CopyOnWriteArrayList<>();
        for (long at : new long[] {30 * MS, 60 * MS}) {
            scheduler.at(at, "e", () -> order.add("event@" + at / MS));
        }
        AtomicLong driven = new AtomicLong(80 * MS); // the wall clock, already past both events
        WallPacer paced = new WallPacer(scheduler, driven::get, 0);
        try {
            // queued before the pacer runs, so its first pass takes them with the clock at 80 ms
            paced.submitAt(45 * MS, () -> order.add("task@" + scheduler.nowNanos() / MS));
            paced.submitAt(10 * MS, () -> order.add("late task@" + scheduler.nowNanos() / MS));

            paced.start("driven-pacer");

            await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 4);
            assertThat(order).as("a task stamped before the scheduler's time runs at that time: virtual time never goes back")
                    .containsExactly("event@30", "task@45", "late task@45", "event@60");
        } finally {
            paced.close();
        }
    }

    @Test
    void aSchedulerBehindTheClockAtStartCatchesUpWithoutCountingItAsLateness() {
        AtomicLong driven = new AtomicLong(60 * MS); // the port took 60 ms to open after the clock's zero
        WallPacer late = new WallPacer(scheduler, driven::get, 0);
        scheduler.at(0, "boot", () -> ran.add(new long[] {0, driven.get()}));
        scheduler.at(100 * MS, "tick", () -> ran.add(new long[] {100 * MS, driven.get()}));
        try {
            late.start("driven-pacer");
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
            assertThat(late.startCatchUpNanos()).as("catch-up at start").isEqualTo(60 * MS);
            assertThat(late.worstLatenessNanos()).as("an event due before the first pass, run in it").isZero();

            driven.set(103 * MS);
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 2);
            assertThat(late.worstLatenessNanos()).as("the tick, taken 3 ms after its due time").isEqualTo(3 * MS);
        } finally {
            late.close();
        }
    }

    @Test
    void anEventThatThrowsStopsThePacerAndIsRethrownAsARigFailure() {
        scheduler.at(5 * MS, "broken", () -> {
            throw new IllegalStateException("model broke");
        });

        pacer.start("pacer-under-test");

        await().atMost(Duration.ofSeconds(5)).until(() -> !pacer.isRunning());
        assertThatThrownBy(pacer::awaitStopped).isInstanceOf(RigFailureException.class).hasMessageContaining("model broke");
    }
}
