package org.hilrig.timing.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hilrig.timing.random.SeededRandom;
import org.junit.jupiter.api.Test;

/**
 * The scheduler against a naive reference: a list scanned for the least (time, sequence). Actions
 * cancel, move and reschedule timers (their own and others') while they run, with many equal times and
 * some periodic timers, which exercises every path: run in place, drain of equal times, stale entries.
 */
class SchedulerModelTest {

    /** The reference: obviously right, slow. */
    static final class Reference {
        long now;
        long seq;
        final List<long[]> entries = new ArrayList<>(); // {time, seq, id}
        final long[] period;

        Reference(int timers) {
            period = new long[timers];
        }

        void schedule(int id, long at) {
            cancel(id);
            entries.add(new long[] {at, seq++, id});
        }

        void cancel(int id) {
            entries.removeIf(e -> e[2] == id);
        }

        boolean pending(int id) {
            return entries.stream().anyMatch(e -> e[2] == id);
        }

        int next() {
            long[] best = null;
            for (long[] e : entries) {
                if (best == null || e[0] < best[0] || (e[0] == best[0] && e[1] < best[1])) {
                    best = e;
                }
            }
            if (best == null) {
                return -1;
            }
            entries.remove(best);
            now = best[0];
            int id = (int) best[2];
            if (period[id] > 0) {
                entries.add(new long[] {now + period[id], seq++, id});
            }
            return id;
        }
    }

    /** What an action does, drawn once per firing from a seeded stream shared by both implementations. */
    interface Ops {
        void schedule(int id, long at);

        void cancel(int id);

        long now();

        boolean pending(int id);
    }

    static List<String> run(long seed, int timers, int steps, boolean reference) {
        return run(seed, timers, steps, reference, false);
    }

    /**
     * A delay on the scales of the firmware emulator: often none or a whole 1 ms tick (many equal
     * times), else nanoseconds, microseconds, milliseconds, or now and then a far 30 s timeout.
     */
    static long wideDelay(SeededRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> 0L;
            case 1, 2 -> 1_000_000L * (1 + r.nextInt(3));
            case 3 -> r.nextInt(100);
            case 4 -> 1_000L * r.nextInt(50);
            case 5 -> 1_000L * r.nextInt(5_000);
            case 6 -> r.nextInt(16) == 0 ? 30_000_000_000L + r.nextInt(3) : 250L * r.nextInt(8);
            default -> 1_000_000L;
        };
    }

    static List<String> run(long seed, int timers, int steps, boolean reference, boolean wide) {
        SeededRandom r = new SeededRandom(seed);
        List<String> log = new ArrayList<>();
        Scheduler s = new Scheduler();
        Reference ref = new Reference(timers);
        Timer[] ts = new Timer[timers];
        Ops ops = reference
                ? new Ops() {
                    public void schedule(int id, long at) {
                        ref.schedule(id, at);
                    }

                    public void cancel(int id) {
                        ref.cancel(id);
                    }

                    public long now() {
                        return ref.now;
                    }

                    public boolean pending(int id) {
                        return ref.pending(id);
                    }
                }
                : new Ops() {
                    public void schedule(int id, long at) {
                        ts[id].at(at);
                    }

                    public void cancel(int id) {
                        ts[id].cancel();
                    }

                    public long now() {
                        return s.nowNanos();
                    }

                    public boolean pending(int id) {
                        return ts[id].isPending();
                    }
                };
        Runnable[] actions = new Runnable[timers];
        for (int i = 0; i < timers; i++) {
            int id = i;
            actions[i] = () -> {
                // Whether this timer and a random other one are pending, as the action sees it.
                int watched = r.nextInt(timers);
                log.add(id + "@" + ops.now() + (ops.pending(id) ? " self-pending" : "")
                        + " t" + watched + (ops.pending(watched) ? " pending" : " idle"));
                int n = r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    int other = r.nextInt(timers);
                    int what = r.nextInt(10);
                    if (what < 2) {
                        ops.cancel(other);
                        log.add("  cancel " + other + " -> " + ops.pending(other));
                    } else {
                        ops.schedule(other, ops.now() + (wide ? wideDelay(r) : r.nextInt(4) * 10L));
                    }
                }
            };
        }
        for (int i = 0; i < timers; i++) {
            ts[i] = s.timer("t" + i, actions[i]);
            if (i % 7 == 3) {
                long p = wide ? 1_000_000L * (1 + r.nextInt(2)) : 10L * (1 + r.nextInt(3));
                ts[i].period(p);
                ref.period[i] = p;
            }
        }
        for (int i = 0; i < timers; i++) {
            ops.schedule(i, wide ? wideDelay(r) : r.nextInt(5) * 10L);
        }
        for (int k = 0; k < steps; k++) {
            if (reference) {
                int id = ref.next();
                if (id < 0) {
                    break;
                }
                actions[id].run();
            } else if (!s.step()) {
                break;
            }
        }
        return log;
    }

    @Property(tries = 200)
    void runsExactlyTheEventsOfTheReferenceInTheSameOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int timers) {
        List<String> expected = run(seed, timers, 2_000, true);
        List<String> actual = run(seed, timers, 2_000, false);
        assertThat(actual).isEqualTo(expected);
    }

    /** Times across nine orders of magnitude and up to 600 timers: bucket widths and counts change as it runs. */
    @Property(tries = 100)
    void runsExactlyTheReferenceOrderOnEmulatorLikeTimeScales(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int timers) {
        List<String> expected = run(seed, timers, 4_000, true, true);
        List<String> actual = run(seed, timers, 4_000, false, true);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anEntryCancelledByAnotherDueAtTheSameTimeDoesNotRun() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        Timer[] b = new Timer[1];
        s.at(10, "a", () -> {
            log.add("a");
            b[0].cancel();
        });
        b[0] = s.at(10, "b", () -> log.add("b"));
        s.at(10, "c", () -> log.add("c"));
        s.runUntilIdle();
        assertThat(log).containsExactly("a", "c");
        assertThat(s.pending()).isZero();
    }

    @Test
    void anEntryMovedToTheCurrentTimeRunsAfterEverythingAlreadyDue() {
        Scheduler s = new Scheduler();
        List<String> log = new ArrayList<>();
        Timer[] b = new Timer[1];
        s.at(10, "a", () -> {
            log.add("a");
            b[0].at(10);
        });
        b[0] = s.at(10, "b", () -> log.add("b"));
        s.at(10, "c", () -> log.add("c"));
        s.runUntilIdle();
        assertThat(log).containsExactly("a", "c", "b");
    }

    @Test
    void aTimerMovedManyTimesIsPendingOnceAtItsLastTime() {
        Scheduler s = new Scheduler();
        Timer watchdog = s.timer("watchdog", () -> { });
        for (int i = 0; i < 100_000; i++) {
            watchdog.at(1_000_000_000L + i); // kicked again and again, as a watchdog is
        }
        s.at(1, "tick", () -> { });
        s.step();
        assertThat(s.pending()).isEqualTo(1);
        assertThat(s.nextDueNanos()).isEqualTo(1_000_000_000L + 99_999);
        s.runUntilIdle();
        assertThat(s.executed()).isEqualTo(2);
    }
}
