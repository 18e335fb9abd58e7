package org.hilrig.timing.sched;

/**
 * A reusable event: an action that the {@link Scheduler} runs at a time. A timer is pending at most
 * once; scheduling it again moves it (and gives it a new insertion sequence). Rescheduling a timer
 * allocates nothing, which is how models keep the event loop free of garbage.
 *
 * <p>A periodic timer ({@link #period(long)} above 0) is rescheduled one period after its due time
 * <em>before</em> its action runs, so the action may cancel or move it.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Timer {
    final Scheduler scheduler;
    final Runnable action;
    final String name;
    /** True from scheduling until the action starts (one-shot) or until cancelled. */
    boolean pending;
    long dueNanos;
    /** Neighbours in the scheduler's bucket list while pending (a bucket's sentinel at either end); else null. */
    Timer prev;
    Timer next;
    long periodNanos;

    Timer(Scheduler scheduler, String name, Runnable action) {
        this.scheduler = scheduler;
        this.name = name;
        this.action = action;
    }

    /** Schedules (or moves) this timer to fire at {@code atNanos}, which must not be in the past. */
    public Timer at(long atNanos) {
        scheduler.enqueue(this, atNanos);
        return this;
    }

    /** Schedules (or moves) this timer to fire {@code delayNanos} (0 or more) from now. */
    public Timer after(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer '" + name + "': delay " + delayNanos + " ns is negative");
        }
        scheduler.enqueue(this, scheduler.nowNanos() + delayNanos);
        return this;
    }

    /** Makes this timer periodic with the given period, or one-shot when {@code periodNanos} is 0. */
    public Timer period(long periodNanos) {
        if (periodNanos < 0) {
            throw new IllegalArgumentException("timer '" + name + "': period " + periodNanos + " ns is negative");
        }
        this.periodNanos = periodNanos;
        return this;
    }

    /** Removes this timer from the schedule; harmless when it is not pending. */
    public void cancel() {
        scheduler.remove(this);
    }

    public boolean isPending() {
        return pending;
    }

    /** The time this timer fires at when pending, else the time it was last due. */
    public long dueNanos() {
        return dueNanos;
    }

    public long periodNanos() {
        return periodNanos;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Timer[" + name + (isPending() ? " due " + dueNanos + " ns" : " idle") + "]";
    }
}
