package org.hilrig.timing;

/**
 * A source of time in nanoseconds. Virtual clocks advance only through the
 * {@link org.hilrig.timing.sched.Scheduler}; {@link MonotonicClock} reads the wall. Models and rules
 * take a {@code Clock} and never read the wall clock themselves.
 */
@FunctionalInterface
public interface Clock {
    /** The current time in nanoseconds from this clock's origin. */
    long nowNanos();
}
