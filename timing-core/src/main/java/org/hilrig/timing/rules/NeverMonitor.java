package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks a {@link NeverWhile}. It follows two runs of time stamps: the <em>certain</em> run, while both
 * states surely hold, which makes an {@link Overlap} judged against the tolerance; and the
 * <em>possible</em> run around it, while neither state is surely false (a signal that is X, Z or has no
 * value yet may be at the wanted level). A possible run that took in unknown levels and would have
 * violated the rule had they been the wanted ones becomes one {@code INCONCLUSIVE} overlap, unless a
 * certain overlap inside it already failed. Memory: the current runs and the overlaps found.
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
    private Long longestNanos;
    private boolean possible;
    private long possibleStartNanos;
    private boolean possibleHadUnknown;
    private int possibleFirstOverlap;

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
        boolean maybe = first.mayBe(rule.state().level()) && second.mayBe(rule.whileState().level());
        if (both && !holding) {
            holding = true;
            startNanos = stampNanos;
            reported = false;
        } else if (!both && holding) {
            holding = false;
            close(stampNanos);
        }
        if (maybe && !possible) {
            possible = true;
            possibleStartNanos = stampNanos;
            possibleHadUnknown = false;
            possibleFirstOverlap = overlaps.size();
        } else if (!maybe && possible) {
            possible = false;
            closePossible(stampNanos);
        }
        possibleHadUnknown |= maybe && !both;
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
        long length = endNanos - startNanos;
        longestNanos = longestNanos == null ? length : Math.max(longestNanos, length);
        Verdict v = judge(length);
        if (v != Verdict.PASS) {
            overlaps.add(new Overlap(startNanos, endNanos, v));
        }
        if (v == Verdict.FAIL) {
            report();
        }
    }

    /** Replaces what the possible run found with one inconclusive overlap when unknown levels could have failed it. */
    private void closePossible(long endNanos) {
        if (!possibleHadUnknown || endNanos <= possibleStartNanos
                || judge(endNanos - possibleStartNanos) == Verdict.PASS) {
            return;
        }
        List<Overlap> inside = overlaps.subList(possibleFirstOverlap, overlaps.size());
        if (inside.stream().anyMatch(o -> o.verdict() == Verdict.FAIL)) {
            return;
        }
        inside.clear();
        overlaps.add(new Overlap(possibleStartNanos, endNanos, Verdict.INCONCLUSIVE));
    }

    @Override
    void advance(long nowNanos) {
        if (holding && !reported && nowNanos > certainAfter()) {
            report();
        }
    }

    @Override
    long nextDecisionNanos() {
        return holding && !reported ? certainAfter() : Long.MAX_VALUE;
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
        if (possible) {
            possible = false;
            closePossible(endNanos);
        }
    }

    @Override
    RuleResult result() {
        return new NeverResult(rule, uncertaintyNanos, overlaps, longestNanos);
    }
}
