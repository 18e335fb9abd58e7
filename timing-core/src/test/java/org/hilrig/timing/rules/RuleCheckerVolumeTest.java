package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * More triggers than the response monitor's first buffers hold (8 waiting, 8 overdue, 16 listed), waiting
 * while earlier ones fall overdue, and ties for the worst latency.
 */
class RuleCheckerVolumeTest {
    private static final long US = 1_000L;

    private final Trace trace = new Trace();
    private final int trigger = trace.declareDigital("tb.trigger");
    private final int answer = trace.declareDigital("tb.answer");

    private static BoundedResponse within(long maxNanos) {
        return BoundedResponse.of("ANSWER", SignalEdge.of("trigger", RISES), SignalEdge.of("answer", RISES),
                LatencyWindow.atMost(maxNanos));
    }

    private ResponseResult check(BoundedResponse rule) {
        RuleChecker checker = new RuleChecker(List.of(rule), 0L, ViolationListener.NONE);
        trace.replay(checker);
        return (ResponseResult) checker.results().get(0);
    }

    /** A 5 us pulse on the trigger at {@code t}. */
    private void triggerAt(long t) {
        trace.digital(t, trigger, HIGH);
        trace.digital(t + 5 * US, trigger, LOW);
    }

    @Test
    void tenTriggersWaitingAtOnceAreAllAnsweredByOneEdge() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        List<Occurrence> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            triggerAt(10 * US * i);
            expected.add(new Occurrence(10 * US * i, 200 * US, 200 * US - 10 * US * i, Verdict.PASS));
        }
        trace.digital(200 * US, answer, HIGH);
        trace.end(300 * US);

        ResponseResult r = check(within(1_000 * US));

        assertThat(r.occurrences()).isEqualTo(expected);
        assertThat(r.tally()).isEqualTo(new Tally(10, 0, 0));
    }

    @Test
    void triggersStillWaitingWhileEarlierOnesFellOverdueKeepTheirOwnTimes() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        for (int i = 1; i <= 9; i++) {
            triggerAt(10 * US * i); // with a 35 us window, 10..50 us are overdue when the ninth comes at 90 us
        }
        trace.digital(100 * US, answer, HIGH);
        trace.end(200 * US);

        ResponseResult r = check(within(35 * US));

        assertThat(r.occurrences()).extracting(Occurrence::triggerNanos, Occurrence::latencyNanos, Occurrence::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10 * US, 90 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(20 * US, 80 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(30 * US, 70 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(40 * US, 60 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(50 * US, 50 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(60 * US, 40 * US, Verdict.FAIL),
                        org.assertj.core.groups.Tuple.tuple(70 * US, 30 * US, Verdict.PASS),
                        org.assertj.core.groups.Tuple.tuple(80 * US, 20 * US, Verdict.PASS),
                        org.assertj.core.groups.Tuple.tuple(90 * US, 10 * US, Verdict.PASS));
    }

    @Test
    void twentyTriggersPastTheirWindowAreAllListedWithTheLateAnswer() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        List<Occurrence> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            triggerAt(100 * US * i);
            expected.add(new Occurrence(100 * US * i, 3_000 * US, 3_000 * US - 100 * US * i, Verdict.FAIL));
        }
        trace.digital(3_000 * US, answer, HIGH);
        trace.end(3_100 * US);

        ResponseResult r = check(within(10 * US));

        assertThat(r.occurrences()).isEqualTo(expected);
        assertThat(r.tally()).isEqualTo(new Tally(0, 0, 20));
        assertThat(r.worstLatencyNanos()).isEqualTo(2_900 * US);
    }

    @Test
    void ofEqualLatenciesTheEarliestIsTheWorst() {
        trace.digital(0, trigger, LOW);
        trace.digital(0, answer, LOW);
        for (long t : new long[] {100 * US, 300 * US}) {
            trace.digital(t, trigger, HIGH);
            trace.digital(t + 5 * US, answer, HIGH);
            trace.digital(t + 50 * US, trigger, LOW);
            trace.digital(t + 50 * US, answer, LOW);
        }
        trace.end(400 * US);

        ResponseResult r = check(within(10 * US));

        assertThat(r.worst()).isEqualTo(new Occurrence(100 * US, 105 * US, 5 * US, Verdict.PASS));
    }
}
