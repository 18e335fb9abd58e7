package org.hilrig.timing.rules;

import java.util.Arrays;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * Checks a {@link BoundedResponse}: keeps the triggers still waiting for an answer (a queue of times,
 * the only state that grows) and answers them all with the next response edge.
 */
final class ResponseMonitor extends Monitor {
    private final BoundedResponse rule;
    private final BoundSignal trigger;
    private final BoundSignal response;
    private final long uncertaintyNanos;
    private final ViolationListener listener;
    private final OccurrenceLog occurrences = new OccurrenceLog();
    private long[] open = new long[8];
    private int openCount;
    /** The first {@code reportedCount} open triggers were already reported as past their window. */
    private int reportedCount;

    ResponseMonitor(BoundedResponse rule, BoundSignal trigger, BoundSignal response, long uncertaintyNanos,
            ViolationListener listener) {
        this.rule = rule;
        this.trigger = trigger;
        this.response = response;
        this.uncertaintyNanos = uncertaintyNanos;
        this.listener = listener;
    }

    @Override
    void settle(long stampNanos) {
        if (trigger.hasEdge(rule.trigger().edge(), stampNanos)) {
            if (openCount == open.length) {
                open = Arrays.copyOf(open, openCount * 2);
            }
            open[openCount++] = stampNanos;
        }
        if (openCount > 0 && response.hasEdge(rule.response().edge(), stampNanos)) {
            for (int i = 0; i < openCount; i++) {
                answer(open[i], stampNanos, i < reportedCount);
            }
            openCount = 0;
            reportedCount = 0;
        }
    }

    private void answer(long triggerNanos, long responseNanos, boolean alreadyReported) {
        long latency = responseNanos - triggerNanos;
        LatencyWindow w = rule.window();
        Verdict v = Measurement.verdict(latency, uncertaintyNanos, w.minNanos(), w.maxNanos());
        occurrences.append(triggerNanos, responseNanos, v);
        if (v == Verdict.FAIL && !alreadyReported) {
            listener.violated(new Violation(rule, triggerNanos, responseNanos, "'" + rule.response() + "' came "
                    + Durations.format(latency) + " after '" + rule.trigger() + "' at " + triggerNanos
                    + " ns; allowed " + w));
        }
    }

    @Override
    void advance(long nowNanos) {
        while (reportedCount < openCount && nowNanos > deadline(open[reportedCount])) {
            reportMissing(open[reportedCount], deadline(open[reportedCount]), "");
            reportedCount++;
        }
    }

    @Override
    long nextDecisionNanos() {
        return reportedCount < openCount ? deadline(open[reportedCount]) : Long.MAX_VALUE;
    }

    /** After this time, a response can only fail. */
    private long deadline(long triggerNanos) {
        return triggerNanos + rule.window().maxNanos() + uncertaintyNanos;
    }

    private void reportMissing(long triggerNanos, long knownAtNanos, String ending) {
        listener.violated(new Violation(rule, triggerNanos, knownAtNanos, "no '" + rule.response() + "' within "
                + rule.window() + " of '" + rule.trigger() + "' at " + triggerNanos + " ns" + ending));
    }

    @Override
    void end(long endNanos) {
        for (int i = 0; i < openCount; i++) {
            occurrences.append(open[i], null, Verdict.FAIL);
            if (i >= reportedCount) {
                reportMissing(open[i], Math.min(endNanos, deadline(open[i])),
                        " (the trace ended at " + endNanos + " ns)");
            }
        }
        openCount = 0;
        reportedCount = 0;
    }

    @Override
    RuleResult result() {
        return new ResponseResult(rule, uncertaintyNanos, occurrences);
    }
}
