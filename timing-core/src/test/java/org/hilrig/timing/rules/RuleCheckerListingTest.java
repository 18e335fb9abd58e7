package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.List;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A bounded listing keeps a rule's first and worst occurrences or violations while counts, verdicts and
 * the worst latency still cover every one.
 */
class RuleCheckerListingTest {
    private static final long US = 1_000L;

    private final Trace trace = new Trace();
    private final int trigger = trace.declareDigital("tb.trigger");
    private final int answer = trace.declareDigital("tb.answer");
    private final BoundedResponse rule = BoundedResponse.of("ANSWER", SignalEdge.of("trigger", RISES),
            SignalEdge.of("answer", RISES), LatencyWindow.atMost(10 * US));

    private RuleResult check(TimingRule r, Listing listing) {
        RuleChecker checker = new RuleChecker(List.of(r), 0L, ViolationListener.NONE, listing);
        trace.replay(checker);
        return checker.results().get(0);
    }

    /** A pulse on trigger at {@code t}, answered {@code latency} later. */
    private void pulse(long t, long latency) {
        trace.digital(t, trigger, HIGH);
        trace.digital(t + latency, answer, HIGH);
        trace.digital(t + 50 * US, trigger, LOW);
        trace.digital(t + 50 * US, answer, LOW);
    }

    @Test
    void firstTwoAndWorstTwoOfTenAreListedInTriggerOrderAndAllTenCounted() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        long[] latencies = {1, 2, 3, 9, 4, 5, 12, 6, 7, 8};
        for (int i = 0; i < latencies.length; i++) {
            pulse(100 * US * (i + 1), latencies[i] * US);
        }
        trace.end(2_000 * US);

        ResponseResult r = (ResponseResult) check(rule, Listing.firstAndWorst(2));

        assertThat(r.occurrences()).containsExactly(
                new Occurrence(100 * US, 101 * US, 1 * US, Verdict.PASS),
                new Occurrence(200 * US, 202 * US, 2 * US, Verdict.PASS),
                new Occurrence(400 * US, 409 * US, 9 * US, Verdict.PASS),
                new Occurrence(700 * US, 712 * US, 12 * US, Verdict.FAIL));
        assertThat(r.tally()).isEqualTo(new Tally(9, 0, 1));
        assertThat(r.occurrenceCount()).isEqualTo(10);
        assertThat(r.truncated()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.worstLatencyNanos()).isEqualTo(12 * US);
    }

    @Test
    void aListingThatHoldsThemAllIsNotTruncated() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        pulse(100 * US, 3 * US);
        pulse(200 * US, 4 * US);
        trace.end(400 * US);

        ResponseResult bounded = (ResponseResult) check(rule, Listing.firstAndWorst(1));

        assertThat(bounded.occurrences()).hasSize(2);
        assertThat(bounded.truncated()).isFalse();
    }

    @Test
    void triggersLongPastTheirWindowAreCountedButOnlyTheEarliestKeptUntilTheAnswerComes() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        for (int i = 1; i <= 6; i++) {
            trace.digital(100 * US * i, trigger, HIGH);
            trace.digital(100 * US * i + 10 * US, trigger, LOW);
        }
        trace.digital(1_000 * US, answer, HIGH);
        trace.digital(1_100 * US, trigger, HIGH);
        trace.end(1_500 * US);

        ResponseResult r = (ResponseResult) check(rule, Listing.firstAndWorst(2));
        ResponseResult all = (ResponseResult) check(rule, Listing.ALL);

        assertThat(r.occurrences()).as("the earliest are the first and, answered by one edge, the worst")
                .containsExactly(
                        new Occurrence(100 * US, 1_000 * US, 900 * US, Verdict.FAIL),
                        new Occurrence(200 * US, 1_000 * US, 800 * US, Verdict.FAIL),
                        new Occurrence(1_100 * US, null, null, Verdict.FAIL));
        assertThat(r.tally()).isEqualTo(new Tally(0, 0, 7));
        assertThat(r.worstLatencyNanos()).isEqualTo(900 * US);
        assertThat(all.occurrences()).hasSize(7);
        assertThat(all.tally()).isEqualTo(r.tally());
    }

    @Test
    void aListingOfNoneStillCountsAndKnowsTheWorstLatency() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        trace.digital(100 * US, trigger, HIGH);
        trace.digital(200 * US, trigger, LOW);
        trace.digital(300 * US, trigger, HIGH);
        trace.digital(400 * US, answer, HIGH);
        trace.end(500 * US);

        ResponseResult r = (ResponseResult) check(rule, Listing.firstAndWorst(0));

        assertThat(r.occurrences()).isEmpty();
        assertThat(r.tally()).isEqualTo(new Tally(0, 0, 2));
        assertThat(r.worstLatencyNanos()).isEqualTo(300 * US);
    }

    @Test
    void neverViolationsKeepTheFirstAndTheLongest() {
        NeverWhile never = NeverWhile.of("NEVER", SignalState.of("trigger", HIGH), SignalState.of("answer", HIGH));
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, HIGH);
        long[] lengths = {5, 1, 2, 30, 3, 4, 20};
        for (int i = 0; i < lengths.length; i++) {
            long t = 100 * US * (i + 1);
            trace.digital(t, trigger, HIGH);
            trace.digital(t + lengths[i] * US, trigger, LOW);
        }
        trace.end(1_000 * US);

        NeverResult r = (NeverResult) check(never, Listing.firstAndWorst(1));

        assertThat(r.overlaps()).containsExactly(
                new Overlap(100 * US, 105 * US, Verdict.FAIL),
                new Overlap(400 * US, 430 * US, Verdict.FAIL));
        assertThat(r.violationCount()).isEqualTo(7);
        assertThat(r.truncated()).isTrue();
        assertThat(r.longestOverlapNanos()).isEqualTo(30 * US);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void theDefaultListingListsEveryOccurrence() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        for (int i = 0; i < 5; i++) {
            pulse(100 * US * (i + 1), 1 * US);
        }
        trace.end(1_000 * US);
        RuleChecker checker = new RuleChecker(List.of(rule), 0L, ViolationListener.NONE);
        trace.replay(checker);

        ResponseResult r = (ResponseResult) checker.results().get(0);

        assertThat(r.occurrences()).hasSize(5);
        assertThat(r.truncated()).isFalse();
    }
}
