package org.hilrig.timing.rules;

/**
 * The running check of one rule. The {@link RuleChecker} settles a monitor at most once per time stamp,
 * after every change at it, tells it when time moves on, and ends it with the trace. Confined to the
 * checker's thread.
 */
abstract sealed class Monitor permits ResponseMonitor, NeverMonitor {
    private long settledNanos = Long.MIN_VALUE;

    final void settleOnce(long stampNanos) {
        if (settledNanos != stampNanos) {
            settledNanos = stampNanos;
            settle(stampNanos);
        }
    }

    /** Every change at {@code stampNanos} has been applied to the bound signals. */
    abstract void settle(long stampNanos);

    /** Trace time reached {@code nowNanos}: every stamp before it is settled; changes at it may follow. */
    abstract void advance(long nowNanos);

    /**
     * The trace time after which something this monitor waits for becomes a certain violation if no
     * change comes first, or {@code Long.MAX_VALUE} when it waits for nothing.
     */
    abstract long nextDecisionNanos();

    /** The trace ended at {@code endNanos}; every stamp is settled. */
    abstract void end(long endNanos);

    abstract RuleResult result();

    /**
     * {@code timeNanos + a + b} for {@code a} and {@code b} of 0 or more (a limit and the uncertainty), or
     * {@code Long.MAX_VALUE} when the sum is later than a long holds: a window that closes after the end
     * of representable time never closes, instead of wrapping round to a time long past.
     */
    static long laterBy(long timeNanos, long a, long b) {
        long s = timeNanos + a;
        if (s < timeNanos) {
            return Long.MAX_VALUE;
        }
        long sum = s + b;
        return sum < s ? Long.MAX_VALUE : sum;
    }
}
