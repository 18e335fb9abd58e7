package org.hilrig.timing.sched;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.hilrig.timing.Clock;

/**
 * The deterministic discrete-event scheduler: the virtual clock of a simulation.
 *
 * <p>Events run in order of (due time, insertion sequence): two runs that schedule the same events
 * execute them in the same order, whatever the platform. Time advances only here, jumping from one
 * event to the next. An action may schedule, move and cancel timers, including at the current time
 * (those run after the events already due now).
 *
 * <p>The pending set is an indexed binary heap over parallel arrays, so a steady loop of "poll, run,
 * reschedule" with reusable {@link Timer}s allocates nothing. Cancel and move are O(log n).
 *
 * <p>Not thread-safe: a scheduler and its timers are confined to one thread. Exceptions thrown by an
 * action propagate out of the {@code run} method that ran it; the failed timer is not rescheduled
 * unless it was periodic.
 */
public final class Scheduler implements Clock {
    private long now;
    private long nextSequence;
    private long executed;

    private int size;
    private long[] dueTimes = new long[64];
    private long[] sequences = new long[64];
    private Timer[] timers = new Timer[64];

    /** A scheduler whose clock starts at 0 ns. */
    public Scheduler() {
        this(0L);
    }

    public Scheduler(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    /** A new, unscheduled reusable timer. */
    public Timer timer(String name, Runnable action) {
        return new Timer(this, name, action);
    }

    /** Schedules a one-shot action at an absolute time. */
    public Timer at(long atNanos, String name, Runnable action) {
        return timer(name, action).at(atNanos);
    }

    /** Schedules a one-shot action after a delay from now. */
    public Timer after(long delayNanos, String name, Runnable action) {
        return timer(name, action).after(delayNanos);
    }

    /** Schedules a periodic action, first at {@code firstAtNanos}, then every {@code periodNanos} (above 0). */
    public Timer every(long firstAtNanos, long periodNanos, String name, Runnable action) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("timer '" + name + "': period " + periodNanos + " ns must be above 0");
        }
        return timer(name, action).period(periodNanos).at(firstAtNanos);
    }

    /** Number of pending timers. */
    public int pending() {
        return size;
    }

    /** Number of events run since this scheduler was made. */
    public long executed() {
        return executed;
    }

    /** Due time of the next pending event, or {@link Long#MAX_VALUE} when idle. */
    public long nextDueNanos() {
        return size == 0 ? Long.MAX_VALUE : dueTimes[0];
    }

    /** Runs the next event, if any; returns false when idle. */
    public boolean step() {
        if (size == 0) {
            return false;
        }
        Timer t = timers[0];
        now = dueTimes[0];
        if (t.periodNanos > 0) {
            requeueTop(t, now + t.periodNanos);
        } else {
            removeAt(0);
        }
        executed++;
        t.action.run();
        return true;
    }

    /** Runs every event due at or before {@code untilNanos}, then sets the clock to {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        if (untilNanos < now) {
            throw new IllegalArgumentException("cannot run until " + untilNanos + " ns: the clock is already at " + now + " ns");
        }
        while (size > 0 && dueTimes[0] <= untilNanos) {
            step();
        }
        now = untilNanos;
    }

    /** Runs events until none is pending. Periodic timers make this run forever: use {@link #runUntil(long)}. */
    public void runUntilIdle() {
        while (step()) {
            // keep going
        }
    }

    /**
     * Runs events until {@code condition} holds (checked first, then after each event) or the next event
     * lies beyond {@code deadlineNanos}; in the latter case the clock is set to the deadline.
     *
     * @return true when the condition held; the clock then reads the time of the event that made it so
     */
    public boolean runUntil(BooleanSupplier condition, long deadlineNanos) {
        if (condition.getAsBoolean()) {
            return true;
        }
        while (size > 0 && dueTimes[0] <= deadlineNanos) {
            step();
            if (condition.getAsBoolean()) {
                return true;
            }
        }
        if (deadlineNanos > now) {
            now = deadlineNanos;
        }
        return false;
    }

    // ---- the indexed heap -------------------------------------------------------------------

    void enqueue(Timer t, long atNanos) {
        if (t.scheduler != this) {
            throw new IllegalArgumentException("timer '" + t.name + "' belongs to another scheduler");
        }
        if (atNanos < now) {
            throw new IllegalArgumentException("timer '" + t.name + "': cannot schedule at " + atNanos
                    + " ns, before the current time " + now + " ns");
        }
        t.dueNanos = atNanos;
        long seq = nextSequence++;
        int i = t.heapIndex;
        if (i < 0) {
            if (size == timers.length) {
                grow();
            }
            i = size++;
            dueTimes[i] = atNanos;
            sequences[i] = seq;
            timers[i] = t;
            t.heapIndex = i;
            siftUp(i);
        } else {
            dueTimes[i] = atNanos;
            sequences[i] = seq;
            // A new sequence makes the key only later for equal times; moving earlier needs siftUp.
            if (!siftUp(i)) {
                siftDown(i);
            }
        }
    }

    private void requeueTop(Timer t, long atNanos) {
        t.dueNanos = atNanos;
        dueTimes[0] = atNanos;
        sequences[0] = nextSequence++;
        siftDown(0);
    }

    void remove(Timer t) {
        int i = t.heapIndex;
        if (i >= 0) {
            removeAt(i);
        }
    }

    private void removeAt(int i) {
        Timer removed = timers[i];
        removed.heapIndex = -1;
        int last = --size;
        if (i != last) {
            move(last, i);
            timers[last] = null;
            if (!siftUp(i)) {
                siftDown(i);
            }
        } else {
            timers[last] = null;
        }
    }

    private void move(int from, int to) {
        dueTimes[to] = dueTimes[from];
        sequences[to] = sequences[from];
        Timer t = timers[from];
        timers[to] = t;
        t.heapIndex = to;
    }

    private static boolean less(long timeA, long seqA, long timeB, long seqB) {
        return timeA < timeB || (timeA == timeB && seqA < seqB);
    }

    /** Moves the entry at {@code i} up while it is less than its parent; true when it moved. */
    private boolean siftUp(int i) {
        long time = dueTimes[i];
        long seq = sequences[i];
        Timer t = timers[i];
        int start = i;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, dueTimes[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        if (i != start) {
            dueTimes[i] = time;
            sequences[i] = seq;
            timers[i] = t;
            t.heapIndex = i;
            return true;
        }
        return false;
    }

    private void siftDown(int i) {
        long time = dueTimes[i];
        long seq = sequences[i];
        Timer t = timers[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(dueTimes[right], sequences[right], dueTimes[child], sequences[child])) {
                child = right;
            }
            if (!less(dueTimes[child], sequences[child], time, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        dueTimes[i] = time;
        sequences[i] = seq;
        timers[i] = t;
        t.heapIndex = i;
    }

    private void grow() {
        int n = timers.length * 2;
        dueTimes = Arrays.copyOf(dueTimes, n);
        sequences = Arrays.copyOf(sequences, n);
        timers = Arrays.copyOf(timers, n);
    }
}
