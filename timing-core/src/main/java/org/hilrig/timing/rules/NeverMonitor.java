package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks a {@link NeverWhile}: remembers only whether both states hold now and since when, and closes an
 * {@link Overlap} when either stops holding or the trace ends.
 */
final class NeverMonitor extends Monitor {
    private final NeverWhile rule;
    private final BoundSignal first;
    private final BoundSignal second;
    private final long uncertaintyNanos;
    private final ViolationListener listener;
    private final List<Overlap> overlaps = new ArrayList<>();
    private boolean holding;
    private long startNanos;
    private boolean reported;

    NeverMonitor(NeverWhile rule, BoundSignal first, BoundSignal second, long uncertaintyNanos,
            ViolationListener listener) {
        this.rule = rule;
        this.first = first;
        this.second = second;
        this.uncertaintyNanos = uncertaintyNanos;
        this.listener = listener;
    }

    @Override
    void settle(long stampNanos) {
        boolean both = first.is(rule.state().level()) && second.is(rule.whileState().level());
        if (both && !holding) {
            holding = true;
            startNanos = stampNanos;
            reported = false;
        } else if (!both && holding) {
            holding = false;
            close(stampNanos);
        }
    }

    private Verdict judge(long lengthNanos) {
        if (rule.longerThanNanos() == null) {
            return lengthNanos > 0 ? Verdict.FAIL : Verdict.PASS;
        }
        return Measurement.verdict(lengthNanos, uncertaintyNanos, null, rule.longerThanNanos());
    }

    /** After this time, the open overlap surely violates the rule. */
    private long certainAfter() {
        return rule.longerThanNanos() == null ? startNanos : startNanos + rule.longerThanNanos() + uncertaintyNanos;
    }

    private void close(long endNanos) {
        Verdict v = judge(endNanos - startNanos);
        if (v != Verdict.PASS) {
            overlaps.add(new Overlap(startNanos, endNanos, v));
        }
        if (v == Verdict.FAIL) {
            report();
        }
    }

    @Override
    void advance(long nowNanos) {
        if (holding && !reported && nowNanos > certainAfter()) {
            report();
        }
    }

    private void report() {
        if (!reported) {
            reported = true;
            listener.violated(new Violation(rule, startNanos, certainAfter(), "'" + rule.state() + "' while '"
                    + rule.whileState() + "' from " + startNanos + " ns" + (rule.longerThanNanos() == null ? ""
                            : " for longer than " + Durations.format(rule.longerThanNanos()))));
        }
    }

    @Override
    void end(long endNanos) {
        if (holding) {
            holding = false;
            if (endNanos > startNanos) {
                close(endNanos);
            }
        }
    }

    @Override
    RuleResult result() {
        return new NeverResult(rule, uncertaintyNanos, overlaps);
    }
}
