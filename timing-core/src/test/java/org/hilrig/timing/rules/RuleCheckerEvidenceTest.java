package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;
import static org.hilrig.timing.trace.Level.X;

import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Rules that cannot mean anything are refused, and a result says whether the trace could have broken
 * its rule at all: a pass with no evidence is marked unexercised, with the reason.
 */
class RuleCheckerEvidenceTest {
    private static final long MS = 1_000_000L;

    private static final BoundedResponse DOOR_HV = BoundedResponse.of("DOOR-HV",
            SignalEdge.of("door_closed", FALLS), SignalEdge.of("hv_enable", FALLS), LatencyWindow.atMost(1 * MS));
    private static final NeverWhile NO_XRAY_WITH_DOOR_OPEN = NeverWhile.of("NO-XRAY-WITH-DOOR-OPEN",
            SignalState.of("xray_on", HIGH), SignalState.of("door_closed", LOW));

    private final Trace trace = new Trace();
    private final int door = trace.declareDigital("rig.door_closed");
    private final int hv = trace.declareDigital("rig.hv_enable");
    private final int xray = trace.declareDigital("rig.xray_on");

    private List<RuleResult> check(TimingRule... rules) {
        RuleChecker checker = new RuleChecker(List.of(rules), 0L, ViolationListener.NONE);
        trace.replay(checker);
        return checker.results();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition("rules.yaml", line, column);
    }

    // ---- rules that can never mean anything ---------------------------------------------------

    @Test
    void aResponseThatIsItsOwnTriggerIsRefusedWhereItWasWrittenInsteadOfPassingAtZeroNanoseconds() {
        BoundedResponse itself = new BoundedResponse("SELF", null, at(2, 5),
                new SignalEdge(new SignalRef("door_closed", at(3, 12)), FALLS),
                new SignalEdge(new SignalRef("door_closed", at(4, 13)), FALLS), LatencyWindow.atMost(MS));
        BoundedResponse alias = new BoundedResponse("ALIAS", null, at(6, 5),
                new SignalEdge(new SignalRef("door_closed", at(7, 12)), RISES),
                new SignalEdge(new SignalRef("rig.door_closed", at(8, 13)), RISES), LatencyWindow.atMost(MS));
        trace.digital(0, door, HIGH);
        trace.digital(1 * MS, door, LOW);
        trace.end(2 * MS);

        assertThatThrownBy(() -> check(itself, alias)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "rules.yaml:4:13: rule 'SELF': response 'door_closed falls' is the trigger 'door_closed"
                                + " falls' itself: each trigger would answer itself at 0 ns on any trace"
                                + " (expect another signal, or the other edge)",
                        "rules.yaml:8:13: rule 'ALIAS': response 'rig.door_closed rises' is the trigger"
                                + " 'door_closed rises' itself: each trigger would answer itself at 0 ns on any trace"
                                + " (expect another signal, or the other edge) ('door_closed' and 'rig.door_closed'"
                                + " are both rig.door_closed)"));
    }

    @Test
    void theOtherEdgeOfTheSameSignalIsAPulseWidthAndIsChecked() {
        BoundedResponse pulse = BoundedResponse.of("PULSE", SignalEdge.of("door_closed", FALLS),
                SignalEdge.of("door_closed", RISES), LatencyWindow.atMost(1 * MS));
        trace.digital(0, door, HIGH);
        trace.digital(1 * MS, door, LOW);
        trace.digital(3 * MS, door, HIGH);
        trace.end(4 * MS);

        ResponseResult r = (ResponseResult) check(pulse).get(0);

        assertThat(r.occurrences()).containsExactly(new Occurrence(1 * MS, 3 * MS, 2 * MS, Verdict.FAIL));
        assertThat(r.exercised()).isTrue();
    }

    @Test
    void neverOnOppositeLevelsOfOneSignalIsRefusedBecauseItCanNeverFail() {
        NeverWhile both = new NeverWhile("BOTH", null, at(2, 5),
                new SignalState(new SignalRef("xray_on", at(3, 12)), HIGH),
                new SignalState(new SignalRef("xray_on", at(3, 31)), LOW), null);
        trace.digital(0, xray, LOW);
        trace.end(MS);

        assertThatThrownBy(() -> check(both)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.problems()).containsExactly("rules.yaml:3:31: rule 'BOTH': 'xray_on high' and"
                        + " 'xray_on low' are opposite levels of one signal, which never hold together: the rule"
                        + " can never fail"));
    }

    // ---- exercised ------------------------------------------------------------------------------

    @Test
    void aResponseRuleWhoseTriggerNeverCamePassesUnexercisedWithTheReason() {
        trace.digital(0, door, HIGH);
        trace.digital(0, hv, HIGH);
        trace.digital(1 * MS, hv, LOW);
        trace.end(2 * MS);

        RuleResult r = check(DOOR_HV).get(0);

        assertThat(r.verdict()).as("nothing failed").isEqualTo(Verdict.PASS);
        assertThat(r.exercised()).isFalse();
        assertThat(r.unexercisedReason()).isEqualTo("no 'door_closed falls' in the trace");
    }

    @Test
    void aTraceWithNoValueChangesExercisesNoRule() {
        trace.digital(0, door, LOW);
        trace.digital(0, hv, LOW);
        trace.digital(0, xray, LOW);
        trace.end(0);

        List<RuleResult> results = check(DOOR_HV, NO_XRAY_WITH_DOOR_OPEN);

        assertThat(results).extracting(RuleResult::verdict).containsOnly(Verdict.PASS);
        assertThat(results).extracting(RuleResult::unexercisedReason).containsExactly(
                "no 'door_closed falls' in the trace", "'door_closed low' never held in the trace");
    }

    @Test
    void aNeverRuleIsNotExercisedWhenNeitherSignalEverMoved() {
        trace.digital(0, door, LOW);
        trace.digital(0, xray, LOW);
        trace.end(10 * MS);

        RuleResult r = check(NO_XRAY_WITH_DOOR_OPEN).get(0);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.unexercisedReason()).isEqualTo("neither xray_on nor door_closed changed level in the trace");
    }

    @Test
    void aNeverRuleIsNotExercisedWhenItsWhileStateNeverHeld() {
        trace.digital(0, door, HIGH);
        trace.digital(0, xray, LOW);
        trace.digital(1 * MS, xray, HIGH);
        trace.digital(2 * MS, xray, LOW);
        trace.end(3 * MS);

        RuleResult r = check(NO_XRAY_WITH_DOOR_OPEN).get(0);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.unexercisedReason()).isEqualTo("'door_closed low' never held in the trace");
    }

    @Test
    void aNeverRuleIsExercisedOnceTheDoorOpenedEvenIfXraysNeverMoved() {
        trace.digital(0, door, HIGH);
        trace.digital(0, xray, LOW);
        trace.digital(1 * MS, door, LOW);
        trace.end(3 * MS);

        RuleResult r = check(NO_XRAY_WITH_DOOR_OPEN).get(0);

        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.exercised()).isTrue();
    }

    @Test
    void aWhileStateHeldOnlyWithinOneTimeStampIsNoEvidence() {
        trace.digital(0, door, HIGH);
        trace.digital(0, xray, LOW);
        trace.digital(1 * MS, door, LOW);
        trace.digital(1 * MS, door, HIGH);
        trace.digital(2 * MS, door, X);
        trace.digital(3 * MS, door, HIGH);
        trace.end(4 * MS);

        assertThat(check(NO_XRAY_WITH_DOOR_OPEN).get(0).unexercisedReason())
                .isEqualTo("'door_closed low' never held in the trace");
    }

    @Test
    void aRuleAboutOneStateIsExercisedByItsSignalHoldingTheOtherLevel() {
        NeverWhile neverOn = NeverWhile.of("NEVER-ON", SignalState.of("xray_on", HIGH), SignalState.of("xray_on", HIGH));
        trace.digital(0, xray, X);
        trace.digital(1 * MS, xray, LOW);
        trace.end(3 * MS);
        Trace dark = new Trace();
        int x = dark.declareDigital("rig.xray_on");
        dark.digital(0, x, LOW);
        dark.end(0);

        RuleResult seen = check(neverOn).get(0);
        RuleChecker onDark = new RuleChecker(List.of(neverOn), 0L, ViolationListener.NONE);
        dark.replay(onDark);

        assertThat(seen.verdict()).as("X for 1 ms may have been high").isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(seen.exercised()).isTrue();
        assertThat(onDark.results().get(0).unexercisedReason()).isEqualTo("'xray_on low' never held in the trace");
    }

    @Test
    void aFailureIsAlwaysExercised() {
        trace.digital(0, door, HIGH);
        trace.digital(0, xray, HIGH);
        trace.digital(1 * MS, door, LOW);
        trace.end(2 * MS);

        RuleResult r = check(NO_XRAY_WITH_DOOR_OPEN).get(0);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.exercised()).isTrue();
    }
}
