package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.Durations;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Limits so long that a window's end is past the last time a long holds ({@code within: 9223372036s}
 * parses): the window never closes before the trace ends, rather than wrapping round to a time long past
 * and reporting a violation that the result then calls a pass.
 */
class RuleCheckerLongLimitsTest {
    private static final long S = 1_000_000_000L;
    private static final long LONGEST = Durations.parse("9223372036s");

    private final Trace trace = new Trace();
    private final int t = trace.declareDigital("tb.t");
    private final int r = trace.declareDigital("tb.r");
    private final List<Violation> heard = new ArrayList<>();

    @Test
    void aWindowOrToleranceEndingPastTheLastRepresentableTimeNeverClosesEarly() {
        BoundedResponse respond = BoundedResponse.of("R", SignalEdge.of("t", RISES), SignalEdge.of("r", RISES),
                LatencyWindow.atMost(LONGEST));
        NeverWhile overlap = NeverWhile.of("N", SignalState.of("t", HIGH), SignalState.of("r", LOW)).longerThan(LONGEST);
        RuleChecker checker = new RuleChecker(List.of(respond, overlap), 5L, heard::add);
        trace.subscribe(checker);
        trace.digital(0, t, LOW);
        trace.digital(0, r, LOW);
        trace.digital(2 * S, t, HIGH);

        checker.advanceTo(2 * S + 1);
        assertThat(heard).as("2 s + 9223372036 s is past Long.MAX_VALUE ns, not before 0").isEmpty();
        assertThat(checker.nextDecisionNanos()).isEqualTo(Long.MAX_VALUE);

        trace.digital(3 * S, r, HIGH);
        trace.end(4 * S);

        assertThat(heard).isEmpty();
        assertThat(((ResponseResult) checker.results().get(0)).occurrences())
                .containsExactly(new Occurrence(2 * S, 3 * S, 1 * S, Verdict.PASS));
        NeverResult n = (NeverResult) checker.results().get(1);
        assertThat(n.verdict()).isEqualTo(Verdict.PASS);
        assertThat(n.longestOverlapNanos()).isEqualTo(1 * S);
    }

    @Test
    void aTriggerThatTheEndCutsOffIsReportedAtTheEnd() {
        RuleChecker checker = new RuleChecker(List.of(BoundedResponse.of("R", SignalEdge.of("t", RISES),
                SignalEdge.of("r", RISES), LatencyWindow.atMost(LONGEST))), 0L, heard::add);
        trace.subscribe(checker);
        trace.digital(0, t, LOW);
        trace.digital(0, r, LOW);
        trace.digital(2 * S, t, HIGH);
        trace.end(3 * S);

        assertThat(heard).singleElement().satisfies(v -> {
            assertThat(v.knownAtNanos()).isEqualTo(3 * S);
            assertThat(v.description()).endsWith("(the trace ended at 3000000000 ns)");
        });
    }

    @Test
    void aWindowOfNoTimeClosesAtTheTriggersOwnStamp() {
        RuleChecker checker = new RuleChecker(List.of(BoundedResponse.of("R", SignalEdge.of("t", RISES),
                SignalEdge.of("r", RISES), LatencyWindow.atMost(0))), 0L, heard::add);
        trace.subscribe(checker);
        trace.digital(0, t, LOW);
        trace.digital(0, r, LOW);
        trace.digital(5, t, HIGH);
        checker.advanceTo(6);

        assertThat(heard).singleElement().satisfies(v -> assertThat(v.knownAtNanos()).isEqualTo(5));
    }
}
