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
 * (those run after every event already due now).
 *
 * <p>How, since this is the hot loop of every simulation:
 * <ul>
 *   <li>Pending entries sit in a 4-ary min-heap ordered by due time alone, over parallel primitive
 *       arrays (comparing the insertion sequence too, in every sift, costs two to three times the
 *       throughput: the extra branch defeats conditional moves).
 *   <li>Order among equal times is restored when they come due: if the top entry is the only one due
 *       at its time (none of its four children shares it), it runs in place, and an action that
 *       reschedules its own timer costs one sift. Otherwise every entry due at that time is drained
 *       into a small buffer sorted by insertion sequence, and run from there.
 *   <li>Moving or cancelling a timer does not search the heap: it bumps the timer's generation, which
 *       turns its old entry stale; stale entries are dropped when they come due, or all at once when
 *       they outnumber live ones.
 * </ul>
 * A steady loop of reusable {@link Timer}s allocates nothing.
 *
 * <p>Not thread-safe: a scheduler and its timers are confined to one thread. Exceptions thrown by an
 * action propagate out of the {@code run} method that ran it; the failed timer is not rescheduled unless
 * it was periodic (a periodic timer is rescheduled before its action runs).
 */
public final class Scheduler implements Clock {
    private long now;
    private long nextSequence;
    private long executed;
    private int live;

    // The heap: entry i is (dueTimes[i], sequences[i], timers[i], generations[i]).
    private int size;
    private long[] dueTimes = new long[64];
    private long[] sequences = new long[64];
    private int[] generations = new int[64];
    private Timer[] timers = new Timer[64];

    // Entries due now, drained from the heap in sequence order; [bufferHead, bufferSize) are left to run.
    private int bufferHead;
    private int bufferSize;
    private long[] bufferSequences = new long[16];
    private int[] bufferGenerations = new int[16];
    private Timer[] bufferTimers = new Timer[16];

    /** The timer whose entry sits at the top of the heap while its action runs; null otherwise. */
    private Timer running;

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
        return live;
    }

    /** Number of events run since this scheduler was made. */
    public long executed() {
        return executed;
    }

    /** Due time of the next pending event, or {@link Long#MAX_VALUE} when idle. */
    public long nextDueNanos() {
        dropStale();
        if (bufferHead < bufferSize) {
            return now;
        }
        return size == 0 ? Long.MAX_VALUE : dueTimes[0];
    }

    /** Runs the next event, if any; returns false when idle. */
    public boolean step() {
        while (true) {
            dropStale();
            if (bufferHead < bufferSize) {
                runBuffered();
                return true;
            }
            if (size == 0) {
                return false;
            }
            long due = dueTimes[0];
            if (!sharesTopTime(due)) {
                runTop(due);
                return true;
            }
            drainDue(due); // then run the first live one of them, on the next pass
        }
    }

    /** Runs the top entry in place: it is live and the only one due at its time. */
    private void runTop(long due) {
        Timer t = timers[0];
        now = due;
        executed++;
        if (t.periodNanos > 0) {
            t.dueNanos = due + t.periodNanos;
            replaceTop(t.dueNanos);
            t.action.run();
            return;
        }
        // A one-shot timer is no longer pending once its action starts, as if it had been removed; its
        // entry stays on top while the action runs, so that rescheduling itself costs one sift.
        t.pending = false;
        live--;
        running = t;
        try {
            t.action.run();
        } finally {
            if (running == t) {
                // The action neither rescheduled nor cancelled its own timer: drop its entry.
                running = null;
                removeTop();
            }
        }
    }

    /** Runs every event due at or before {@code untilNanos}, then sets the clock to {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        if (untilNanos < now) {
            throw new IllegalArgumentException("cannot run until " + untilNanos + " ns: the clock is already at " + now + " ns");
        }
        while (nextDueNanos() <= untilNanos) {
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
        while (nextDueNanos() <= deadlineNanos) {
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

    // ---- timers ------------------------------------------------------------------------------

    void enqueue(Timer t, long atNanos) {
        if (t.scheduler != this) {
            throw new IllegalArgumentException("timer '" + t.name + "' belongs to another scheduler");
        }
        if (atNanos < now) {
            throw new IllegalArgumentException("timer '" + t.name + "': cannot schedule at " + atNanos
                    + " ns, before the current time " + now + " ns");
        }
        t.dueNanos = atNanos;
        if (t == running) {
            // The running event reschedules itself: its entry is on top; re-key it in place.
            running = null;
            t.pending = true;
            live++;
            replaceTop(atNanos);
            return;
        }
        if (t.pending) {
            t.generation++; // its old entry turns stale
        } else {
            t.pending = true;
            live++;
        }
        push(t, atNanos);
    }

    void remove(Timer t) {
        if (!t.pending) {
            return; // not pending (a running one-shot timer's entry is dropped when its action returns)
        }
        t.pending = false;
        live--;
        t.generation++;
    }

    // ---- entries due now ---------------------------------------------------------------------

    /** True when a child of the top entry is due at the same time as the top. */
    private boolean sharesTopTime(long due) {
        int n = Math.min(size, 5);
        for (int c = 1; c < n; c++) {
            if (dueTimes[c] == due) {
                return true;
            }
        }
        return false;
    }

    /** Moves every heap entry due at {@code due} into the buffer, in insertion order, and sets the clock. */
    private void drainDue(long due) {
        bufferHead = 0;
        bufferSize = 0;
        while (size > 0 && dueTimes[0] == due) {
            if (bufferSize == bufferTimers.length) {
                int n = bufferSize * 2;
                bufferSequences = Arrays.copyOf(bufferSequences, n);
                bufferGenerations = Arrays.copyOf(bufferGenerations, n);
                bufferTimers = Arrays.copyOf(bufferTimers, n);
            }
            bufferSequences[bufferSize] = sequences[0];
            bufferGenerations[bufferSize] = generations[0];
            bufferTimers[bufferSize] = timers[0];
            bufferSize++;
            removeTop();
        }
        // Insertion sort by sequence: the buffer is short, and often nearly sorted already.
        for (int i = 1; i < bufferSize; i++) {
            long s = bufferSequences[i];
            int g = bufferGenerations[i];
            Timer t = bufferTimers[i];
            int j = i - 1;
            while (j >= 0 && bufferSequences[j] > s) {
                bufferSequences[j + 1] = bufferSequences[j];
                bufferGenerations[j + 1] = bufferGenerations[j];
                bufferTimers[j + 1] = bufferTimers[j];
                j--;
            }
            bufferSequences[j + 1] = s;
            bufferGenerations[j + 1] = g;
            bufferTimers[j + 1] = t;
        }
        now = due;
    }

    /** Runs the first live buffered entry (the caller has dropped stale ones). */
    private void runBuffered() {
        Timer t = bufferTimers[bufferHead];
        bufferTimers[bufferHead] = null;
        bufferHead++;
        executed++;
        if (t.periodNanos > 0) {
            t.generation++;
            t.dueNanos = now + t.periodNanos;
            push(t, t.dueNanos);
        } else {
            t.pending = false;
            live--;
        }
        t.action.run();
    }

    /** Drops stale entries from the front of the buffer and, when it is empty, from the top of the heap. */
    private void dropStale() {
        while (bufferHead < bufferSize && bufferGenerations[bufferHead] != bufferTimers[bufferHead].generation) {
            bufferTimers[bufferHead++] = null;
        }
        if (bufferHead < bufferSize) {
            return;
        }
        while (size > 0 && generations[0] != timers[0].generation) {
            removeTop();
        }
        if (size > 2 * live + 1024) {
            compact();
        }
    }

    // ---- the heap, ordered by due time alone ---------------------------------------------------

    private void push(Timer t, long atNanos) {
        if (size == timers.length) {
            if (running == null && size > 2 * live + 1024) {
                compact(); // bounds memory even when timers are moved many times between two events
            }
            if (size == timers.length) {
                grow();
            }
        }
        long seq = nextSequence++;
        long[] due = dueTimes;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = due[parent];
            if (pt <= atNanos) {
                break;
            }
            due[i] = pt;
            sequences[i] = sequences[parent];
            timers[i] = timers[parent];
            generations[i] = generations[parent];
            i = parent;
        }
        due[i] = atNanos;
        sequences[i] = seq;
        timers[i] = t;
        generations[i] = t.generation;
    }

    private void replaceTop(long atNanos) {
        dueTimes[0] = atNanos;
        sequences[0] = nextSequence++;
        siftDown(0);
    }

    private void removeTop() {
        int last = --size;
        if (last > 0) {
            dueTimes[0] = dueTimes[last];
            sequences[0] = sequences[last];
            timers[0] = timers[last];
            generations[0] = generations[last];
            timers[last] = null;
            siftDown(0);
        } else {
            timers[0] = null;
        }
    }

    private void siftDown(int i) {
        long[] due = dueTimes;
        long time = due[i];
        long seq = sequences[i];
        Timer t = timers[i];
        int gen = generations[i];
        int n = size;
        while (true) {
            int first = 4 * i + 1;
            if (first >= n) {
                break;
            }
            int last = Math.min(first + 4, n);
            int best = first;
            long bestTime = due[first];
            for (int c = first + 1; c < last; c++) {
                long ct = due[c];
                if (ct < bestTime) {
                    bestTime = ct;
                    best = c;
                }
            }
            if (bestTime >= time) {
                break;
            }
            due[i] = bestTime;
            sequences[i] = sequences[best];
            timers[i] = timers[best];
            generations[i] = generations[best];
            i = best;
        }
        due[i] = time;
        sequences[i] = seq;
        timers[i] = t;
        generations[i] = gen;
    }

    /** Drops every stale heap entry and rebuilds the heap. Never called while an entry runs in place. */
    private void compact() {
        int j = 0;
        for (int i = 0; i < size; i++) {
            Timer t = timers[i];
            if (generations[i] == t.generation && t.pending) {
                dueTimes[j] = dueTimes[i];
                sequences[j] = sequences[i];
                timers[j] = t;
                generations[j] = generations[i];
                j++;
            }
        }
        Arrays.fill(timers, j, size, null);
        size = j;
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
            siftDown(i);
        }
    }

    private void grow() {
        int n = timers.length * 2;
        dueTimes = Arrays.copyOf(dueTimes, n);
        sequences = Arrays.copyOf(sequences, n);
        generations = Arrays.copyOf(generations, n);
        timers = Arrays.copyOf(timers, n);
    }
}
