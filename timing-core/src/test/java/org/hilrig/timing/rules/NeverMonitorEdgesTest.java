package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;
import static org.hilrig.timing.trace.Level.X;

import java.util.List;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A {@code never} rule at the trace's last time stamp (states that begin to hold, or may begin to, as the
 * trace ends have held for no time) and a while state that held for a time in the middle of the trace.
 */
class NeverMonitorEdgesTest {
    private static final long MS = 1_000_000L;

    private static final NeverWhile A_WITH_B = NeverWhile.of("A-WITH-B", SignalState.of("a", HIGH),
            SignalState.of("b", HIGH));

    private final Trace trace = new Trace();
    private final int a = trace.declareDigital("tb.a");
    private final int b = trace.declareDigital("tb.b");

    private NeverResult check(NeverWhile rule, long uncertaintyNanos) {
        RuleChecker checker = new RuleChecker(List.of(rule), uncertaintyNanos, ViolationListener.NONE);
        trace.replay(checker);
        return (NeverResult) checker.results().get(0);
    }

    @Test
    void statesThatBeginToHoldAtTheEndHaveNotOverlapped() {
        trace.digital(0, a, HIGH);
        trace.digital(0, b, LOW);
        trace.digital(10, b, HIGH);
        trace.end(10);

        NeverResult r = check(A_WITH_B, 0);

        assertThat(r.overlaps()).isEmpty();
        assertThat(r.longestOverlapNanos()).as("no time with both").isNull();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void statesThatMayBeginToHoldAtTheEndAreNoInconclusiveOverlapEvenWithinTheUncertaintyOfNoTolerance() {
        trace.digital(0, a, HIGH);
        trace.digital(0, b, LOW);
        trace.digital(10, b, X);
        trace.end(10);

        NeverResult r = check(A_WITH_B.longerThan(0), 1);

        assertThat(r.overlaps()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aWhileStateHeldForATimeInTheMiddleExercisesTheRule() {
        trace.digital(0, a, LOW);
        trace.digital(0, b, LOW);
        trace.digital(1 * MS, b, HIGH);
        trace.digital(2 * MS, b, LOW);
        trace.end(3 * MS);

        NeverResult r = check(A_WITH_B, 0);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.unexercisedReason()).isNull();
        assertThat(r.exercised()).isTrue();
    }
}
