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
 * <p>How, since this is the hot loop of every simulation: a calendar queue (R. Brown, CACM 31(10),
 * 1988) with O(1) expected cost per event.
 * <ul>
 *   <li>Pending {@link Timer}s are the nodes of intrusive doubly-linked lists, one list per bucket; a
 *       timer due at {@code t} sits in bucket {@code (t >> shift) & (buckets - 1)}, so a bucket spans
 *       {@code 2^shift} ns and the buckets together one "year". Each list is sorted by due time, and a
 *       timer is inserted after every entry due at or before its own time (scanning from the tail):
 *       among equal times the list order is the insertion order, which is why no sequence number is
 *       stored. Moving a timer unlinks it and inserts it again, so it goes behind its equals, as a new
 *       sequence would.
 *   <li>The next event is the head of the first bucket, from a cursor that never passes a pending
 *       entry, whose head falls in the current year; when a whole year holds none, the scan has seen
 *       every bucket head, and the earliest of them is the next event (the direct search).
 *   <li>Cancelling unlinks in O(1). The bucket count (a power of two, 4 at least) is set to the pending
 *       count rounded up to a power of two whenever the pending count exceeds twice the buckets or
 *       falls below a quarter of them; the bucket width (a power of two) is estimated then from the
 *       mean gap between the distinct due times of the earliest half of the pending entries (twice it,
 *       rounded to the nearest power of two), and estimated again when the work per event (buckets
 *       scanned plus list entries passed, checked every 1024 events, less often while estimating
 *       again changes nothing) exceeds 2. Rebuilding keeps the
 *       relative order of equal times.
 * </ul>
 * A steady loop of reusable timers allocates nothing: only a rebuild may allocate (new buckets when
 * their count changes, a larger buffer of due times to sort).
 *
 * <p>Not thread-safe: a scheduler and its timers are confined to one thread. Exceptions thrown by an
 * action propagate out of the {@code run} method that ran it; the failed timer is not rescheduled unless
 * it was periodic (a periodic timer is rescheduled before its action runs). A one-shot timer is not
 * pending while its own action runs.
 */
public final class Scheduler implements Clock {
    private static final int MIN_BUCKETS = 4;
    private static final int MAX_SHIFT = 62;
    private static final int FIRST_CHECK_INTERVAL = 1 << 10;
    private static final int MAX_CHECK_INTERVAL = 1 << 20;
    /** Work (buckets scanned plus list entries passed) per event above which the width is estimated again. */
    private static final int WORK_PER_EVENT_LIMIT = 2;

    private long now;
    private long executed;
    private int live;

    /** Per bucket: the first and last entry of its list (null when empty), and the first one's due time (Long.MAX_VALUE when empty). */
    private Timer[] heads;
    private Timer[] tails;
    private long[] headDues;
    private int mask;
    private int shift = 10;
    /** Virtual bucket number ({@code time >> shift}): no pending entry is due before {@code cursor << shift}. */
    private long cursor;

    private long work;
    private int eventsSinceCheck;
    private int checkInterval = FIRST_CHECK_INTERVAL;
    private long[] scratch = new long[0];

    /** A scheduler whose clock starts at 0 ns. */
    public Scheduler() {
        this(0L);
    }

    public Scheduler(long startNanos) {
        this.now = startNanos;
        allocateBuckets(MIN_BUCKETS);
        this.cursor = startNanos >> shift;
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

    /**
     * The calendar's bucket count now: a power of two, 4 at least, resized as the class comment says.
     * Package-private, for the tests that pin the resizing and width rules (they decide speed, never order).
     */
    int bucketCount() {
        return mask + 1;
    }

    /** The calendar's bucket width now, as the power of two it is: a bucket spans {@code 1 << bucketWidthShift()} ns. */
    int bucketWidthShift() {
        return shift;
    }

    /** Number of events run since this scheduler was made. */
    public long executed() {
        return executed;
    }

    /** Due time of the next pending event, or {@link Long#MAX_VALUE} when idle. */
    public long nextDueNanos() {
        Timer t = first();
        return t == null ? Long.MAX_VALUE : t.dueNanos;
    }

    /** Runs the next event, if any; returns false when idle. */
    public boolean step() {
        Timer t = first();
        if (t == null) {
            return false;
        }
        unlink(t);
        long due = t.dueNanos;
        now = due;
        executed++;
        if (t.periodNanos > 0) {
            t.dueNanos = due + t.periodNanos;
            link(t);
        } else {
            t.pending = false;
            live--;
            if (live < (mask + 1) >> 2 && mask >= MIN_BUCKETS) {
                rebuild(bucketCountFor(live));
            }
        }
        if (++eventsSinceCheck >= checkInterval) {
            checkWork();
        }
        t.action.run();
        return true;
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
        if (t.pending) {
            unlink(t);
        } else {
            t.pending = true;
            live++;
        }
        t.dueNanos = atNanos;
        long virtualBucket = atNanos >> shift;
        if (virtualBucket < cursor) {
            cursor = virtualBucket;
        }
        link(t);
        if (live > (mask + 1) << 1) {
            rebuild(bucketCountFor(live));
        }
    }

    void remove(Timer t) {
        if (!t.pending) {
            return;
        }
        t.pending = false;
        live--;
        unlink(t);
        if (live < (mask + 1) >> 2 && mask >= MIN_BUCKETS) {
            rebuild(bucketCountFor(live));
        }
    }

    // ---- the calendar ------------------------------------------------------------------------

    /**
     * The next pending entry (left in place), or null when idle; moves the cursor to its bucket. When a
     * whole year from the cursor holds no entry, every bucket has been looked at: the earliest head seen
     * is the next entry (the direct search).
     */
    private Timer first() {
        if (live == 0) {
            return null;
        }
        long[] dues = headDues;
        int m = mask;
        int sh = shift;
        long vb = cursor;
        long earliest = Long.MAX_VALUE;
        int earliestBucket = -1;
        for (int i = 0; i <= m; i++, vb++) {
            int b = (int) vb & m;
            long due = dues[b];
            if ((due >> sh) == vb && heads[b] != null) {
                cursor = vb;
                work += i;
                return heads[b];
            }
            if (due < earliest) {
                earliest = due;
                earliestBucket = b;
            }
        }
        work += m + 1L;
        if (earliestBucket < 0) {
            earliestBucket = lastNonEmptyBucket(); // every pending entry is due at Long.MAX_VALUE
        }
        cursor = headDues[earliestBucket] >> sh;
        return heads[earliestBucket];
    }

    private int lastNonEmptyBucket() {
        int b = mask;
        while (heads[b] == null) {
            b--;
        }
        return b;
    }

    /** Inserts {@code t} into its bucket after every entry due at or before it. */
    private void link(Timer t) {
        long at = t.dueNanos;
        int b = (int) (at >> shift) & mask;
        Timer p = tails[b];
        if (p == null) {
            heads[b] = t;
            tails[b] = t;
            headDues[b] = at;
            return;
        }
        if (p.dueNanos <= at) {
            p.next = t;
            t.prev = p;
            tails[b] = t;
            return;
        }
        int passed = 0;
        do {
            p = p.prev;
            passed++;
        } while (p != null && p.dueNanos > at);
        work += passed;
        if (p == null) {
            Timer h = heads[b];
            t.next = h;
            h.prev = t;
            heads[b] = t;
            headDues[b] = at;
        } else {
            Timer n = p.next;
            t.prev = p;
            t.next = n;
            p.next = t;
            n.prev = t;
        }
    }

    /** Removes {@code t}, still due at the time it was linked with, from its bucket. */
    private void unlink(Timer t) {
        Timer p = t.prev;
        Timer n = t.next;
        int b = (int) (t.dueNanos >> shift) & mask;
        if (p == null) {
            heads[b] = n;
            headDues[b] = n == null ? Long.MAX_VALUE : n.dueNanos;
        } else {
            p.next = n;
            t.prev = null;
        }
        if (n == null) {
            tails[b] = p;
        } else {
            n.prev = p;
            t.next = null;
        }
    }

    private static int bucketCountFor(int entries) {
        return Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, entries) - 1) << 1);
    }

    /** Estimates the width again when the events since the last check cost too much work. */
    private void checkWork() {
        boolean costly = work > (long) WORK_PER_EVENT_LIMIT * eventsSinceCheck;
        eventsSinceCheck = 0;
        work = 0;
        if (!costly) {
            checkInterval = FIRST_CHECK_INTERVAL;
            return;
        }
        int before = shift;
        rebuild(bucketCountFor(live));
        // When the estimate does not change, the workload is what it is: check less often.
        checkInterval = shift == before ? Math.min(checkInterval << 1, MAX_CHECK_INTERVAL) : FIRST_CHECK_INTERVAL;
    }

    /** Re-buckets every pending entry into {@code bucketCount} buckets of a freshly estimated width. */
    private void rebuild(int bucketCount) {
        if (scratch.length < live) {
            scratch = new long[Math.max(live, scratch.length << 1)];
        }
        // Chain every entry through next, bucket by bucket: equal times share a bucket, in order.
        Timer chain = null;
        Timer tail = null;
        int k = 0;
        for (int b = 0; b < heads.length; b++) {
            Timer e = heads[b];
            while (e != null) {
                Timer following = e.next;
                scratch[k++] = e.dueNanos;
                e.prev = null;
                e.next = null;
                if (tail == null) {
                    chain = e;
                } else {
                    tail.next = e;
                }
                tail = e;
                e = following;
            }
            heads[b] = null;
            tails[b] = null;
            headDues[b] = Long.MAX_VALUE;
        }
        shift = estimateShift(k);
        if (bucketCount != heads.length) {
            allocateBuckets(bucketCount);
        }
        cursor = now >> shift;
        for (Timer e = chain; e != null; ) {
            Timer following = e.next;
            e.next = null;
            link(e);
            e = following;
        }
        work = 0;
        eventsSinceCheck = 0;
    }

    /** Bucket width (as a shift) from the gaps between distinct due times among the earliest half of {@code scratch[0, k)}. */
    private int estimateShift(int k) {
        if (k < 2) {
            return shift;
        }
        long[] times = scratch;
        Arrays.sort(times, 0, k);
        int front = Math.max(2, k / 2 + 1);
        int distinctGaps = distinctGaps(times, front);
        if (distinctGaps == 0) {
            front = k;
            distinctGaps = distinctGaps(times, k);
            if (distinctGaps == 0) {
                return shift;
            }
        }
        long span = times[front - 1] - times[0];
        if (span < 0) {
            return MAX_SHIFT; // the span overflowed: times across most of the long range
        }
        long gap = span / distinctGaps;
        if (gap > 1L << 60) {
            return MAX_SHIFT; // twice the gap would be 2^61 or more
        }
        long width = Math.max(1L, 2 * gap);
        int s = 63 - Long.numberOfLeadingZeros(width);
        long below = 1L << s;
        // The power of two nearest the width on a ratio scale: the one above from 1.4 times the one below on.
        // No overflow: width is at most 2^61, and width - below is 0 when below is 2^61, else under 2^60.
        if (5 * (width - below) >= 2 * below) {
            s++;
        }
        return s;
    }

    private static int distinctGaps(long[] sorted, int n) {
        int d = 0;
        for (int i = 1; i < n; i++) {
            if (sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }

    private void allocateBuckets(int count) {
        heads = new Timer[count];
        tails = new Timer[count];
        headDues = new long[count];
        Arrays.fill(headDues, Long.MAX_VALUE);
        mask = count - 1;
    }
}
