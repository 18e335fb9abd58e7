package org.hilrig.timing.rules;

import java.util.Arrays;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks a {@link BoundedResponse}: keeps the triggers still waiting for an answer and answers them all
 * with the next response edge. Verdict counts and the worst latency are kept as the trace streams by;
 * occurrences are kept as the {@link Listing} says.
 *
 * <p>Memory: the triggers still inside their window (a queue of times), the occurrences listed, and of
 * the triggers already past their window (certain failures waiting for the answer that gives their
 * latency) at most as many as the listing keeps: all of them answer with the same edge, so the earliest
 * are both the first and the worst of them, and the rest need only be counted.
 */
final class ResponseMonitor extends Monitor {
    private final BoundedResponse rule;
    private final BoundSignal trigger;
    private final BoundSignal response;
    private final long uncertaintyNanos;
    private final ViolationListener listener;
    private final OccurrenceLog log = new OccurrenceLog();
    private final Sample<Occurrence> occurrences;
    private final int overdueKept;
    /** Triggers inside their window: {@code pending[head, tail)}, in time order. */
    private long[] pending = new long[8];
    private int head;
    private int tail;
    /** The earliest triggers already past their window and reported, in time order; the rest are counted. */
    private long[] overdue = new long[8];
    private int overdueCount;
    private long overdueUnlisted;
    private Occurrence worst;
    private long worstMargin = Long.MAX_VALUE;

    ResponseMonitor(BoundedResponse rule, BoundSignal trigger, BoundSignal response, long uncertaintyNanos,
            ViolationListener listener, Listing listing) {
        this.rule = rule;
        this.trigger = trigger;
        this.response = response;
        this.uncertaintyNanos = uncertaintyNanos;
        this.listener = listener;
        this.occurrences = new Sample<>(listing, log, log::append);
        this.overdueKept = Math.max(1, listing.firstAndWorst()); // the earliest is the worst latency
    }

    @Override
    void settle(long stampNanos) {
        if (trigger.hasEdge(rule.trigger().edge(), stampNanos)) {
            if (tail == pending.length) {
                if (head > 0) {
                    System.arraycopy(pending, head, pending, 0, tail - head);
                    tail -= head;
                    head = 0;
                } else {
                    pending = Arrays.copyOf(pending, pending.length * 2);
                }
            }
            pending[tail++] = stampNanos;
        }
        if ((overdueCount > 0 || head < tail) && response.hasEdge(rule.response().edge(), stampNanos)) {
            for (int i = 0; i < overdueCount; i++) {
                answer(overdue[i], stampNanos, true);
            }
            occurrences.countUnlisted(Verdict.FAIL, overdueUnlisted);
            for (int i = head; i < tail; i++) {
                answer(pending[i], stampNanos, false);
            }
            overdueCount = 0;
            overdueUnlisted = 0;
            head = 0;
            tail = 0;
        }
    }

    private void answer(long triggerNanos, long responseNanos, boolean alreadyReported) {
        long latency = responseNanos - triggerNanos;
        LatencyWindow w = rule.window();
        Verdict v = Measurement.verdict(latency, uncertaintyNanos, w.minNanos(), w.maxNanos());
        long margin = margin(latency);
        Occurrence o = new Occurrence(triggerNanos, responseNanos, latency, v);
        occurrences.add(o, v, -margin);
        if (margin < worstMargin) {
            worst = o;
            worstMargin = margin;
        }
        if (v == Verdict.FAIL && !alreadyReported) {
            listener.violated(new Violation(rule, triggerNanos, responseNanos, "'" + rule.response() + "' came "
                    + Durations.format(latency) + " after '" + rule.trigger() + "' at " + triggerNanos
                    + " ns; allowed " + w));
        }
    }

    /** Distance of a latency to the nearest limit of the window: positive inside, negative outside. */
    private long margin(long latency) {
        LatencyWindow w = rule.window();
        long m = w.maxNanos() - latency;
        return w.minNanos() == null ? m : Math.min(m, latency - w.minNanos());
    }

    @Override
    void advance(long nowNanos) {
        while (head < tail && nowNanos > deadline(pending[head])) {
            long t = pending[head++];
            reportMissing(t, deadline(t), "");
            keepOverdue(t);
        }
    }

    private void keepOverdue(long triggerNanos) {
        if (overdueCount >= overdueKept) {
            overdueUnlisted++;
            return;
        }
        if (overdueCount == overdue.length) {
            overdue = Arrays.copyOf(overdue, overdue.length * 2);
        }
        overdue[overdueCount++] = triggerNanos;
    }

    @Override
    long nextDecisionNanos() {
        return head < tail ? deadline(pending[head]) : Long.MAX_VALUE;
    }

    /** After this time, a response can only fail. */
    private long deadline(long triggerNanos) {
        return laterBy(triggerNanos, rule.window().maxNanos(), uncertaintyNanos);
    }

    private void reportMissing(long triggerNanos, long knownAtNanos, String ending) {
        listener.violated(new Violation(rule, triggerNanos, knownAtNanos, "no '" + rule.response() + "' within "
                + rule.window() + " of '" + rule.trigger() + "' at " + triggerNanos + " ns" + ending));
    }

    /** Unanswered triggers fail; they rank worse than any answered one, the earlier first. */
    @Override
    void end(long endNanos) {
        for (int i = 0; i < overdueCount; i++) {
            occurrences.add(new Occurrence(overdue[i], null, null, Verdict.FAIL), Verdict.FAIL, Long.MAX_VALUE);
        }
        occurrences.countUnlisted(Verdict.FAIL, overdueUnlisted);
        for (int i = head; i < tail; i++) {
            occurrences.add(new Occurrence(pending[i], null, null, Verdict.FAIL), Verdict.FAIL, Long.MAX_VALUE);
            reportMissing(pending[i], Math.min(endNanos, deadline(pending[i])),
                    " (the trace ended at " + endNanos + " ns)");
        }
        overdueCount = 0;
        overdueUnlisted = 0;
        head = 0;
        tail = 0;
    }

    @Override
    RuleResult result() {
        return new ResponseResult(rule, uncertaintyNanos, occurrences.listed(), occurrences.tally(), worst);
    }
}
