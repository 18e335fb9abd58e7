package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;
import static org.hilrig.timing.trace.Level.X;
import static org.hilrig.timing.trace.Level.Z;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.trace.TraceHeader;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

class RuleCheckerTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private static final BoundedResponse DOOR_HV = BoundedResponse.of("DOOR-HV",
            SignalEdge.of("door_closed", FALLS), SignalEdge.of("hv_enable", FALLS), LatencyWindow.atMost(1 * MS));
    private static final NeverWhile NO_XRAY_WITH_DOOR_OPEN = NeverWhile.of("NO-XRAY-WITH-DOOR-OPEN",
            SignalState.of("xray_on", HIGH), SignalState.of("door_closed", LOW));

    private final Trace trace = new Trace();
    private final int door = trace.declareDigital("rig.door_closed");
    private final int hv = trace.declareDigital("rig.hv_enable");
    private final int xray = trace.declareDigital("rig.xray_on");

    private void initially(boolean doorClosed, boolean hvOn, boolean xrayOn) {
        trace.digital(0, door, doorClosed ? HIGH : LOW);
        trace.digital(0, hv, hvOn ? HIGH : LOW);
        trace.digital(0, xray, xrayOn ? HIGH : LOW);
    }

    private static List<RuleResult> check(Trace trace, Long uncertaintyNanos, TimingRule... rules) {
        RuleChecker checker = new RuleChecker(List.of(rules), uncertaintyNanos, ViolationListener.NONE);
        trace.replay(checker);
        return checker.results();
    }

    private static ResponseResult response(RuleResult r) {
        return (ResponseResult) r;
    }

    private static NeverResult never(RuleResult r) {
        return (NeverResult) r;
    }

    // ---- bounded response ------------------------------------------------------------------

    @Test
    void doorOpeningAnsweredByHvOffAfter412MicrosecondsPassesWithThatLatency() {
        initially(true, true, true);
        trace.digital(5 * MS, door, LOW);
        trace.digital(5 * MS + 412 * US, hv, LOW);
        trace.end(7 * MS);

        ResponseResult r = response(check(trace, null, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(new Occurrence(5_000_000, 5_412_000L, 412_000L, Verdict.PASS));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.worstLatencyNanos()).isEqualTo(412_000L);
        assertThat(r.uncertaintyNanos()).as("the rig's own trace resolves 1 ns").isEqualTo(1);
    }

    @Test
    void responseLaterThanTheBoundFails() {
        initially(true, true, false);
        trace.digital(5 * MS, door, LOW);
        trace.digital(6 * MS + 200 * US, hv, LOW);
        trace.end(7 * MS);

        ResponseResult r = response(check(trace, null, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(new Occurrence(5 * MS, 6_200_000L, 1_200_000L, Verdict.FAIL));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void windowFailsAnAnswerThatComesTooEarlyAndPassesOneInside() {
        BoundedResponse rule = BoundedResponse.of("HV-SETTLES", SignalEdge.of("door_closed", RISES),
                SignalEdge.of("hv_enable", RISES), LatencyWindow.between(20 * MS, 1500 * MS));
        initially(false, false, false);
        trace.digital(10 * MS, door, HIGH);
        trace.digital(15 * MS, hv, HIGH);
        trace.digital(100 * MS, door, LOW);
        trace.digital(100 * MS, hv, LOW);
        trace.digital(200 * MS, door, HIGH);
        trace.digital(220 * MS, hv, HIGH);
        trace.end(2000 * MS);

        ResponseResult r = response(check(trace, 0L, rule).get(0));

        assertThat(r.occurrences()).containsExactly(
                new Occurrence(10 * MS, 15 * MS, 5 * MS, Verdict.FAIL),
                new Occurrence(200 * MS, 220 * MS, 20 * MS, Verdict.PASS));
        assertThat(r.worstLatencyNanos()).as("furthest beyond a limit").isEqualTo(5 * MS);
    }

    @Test
    void latencyWhoseUncertaintyIntervalHoldsTheLimitIsInconclusive() {
        Trace coarse = new Trace();
        coarse.begin(new TraceHeader(List.of(
                new SignalInfo(0, "tb.door_closed", "door_closed", SignalKind.DIGITAL, 1),
                new SignalInfo(1, "tb.hv_enable", "hv_enable", SignalKind.DIGITAL, 1)), 100_000));
        coarse.digital(0, 0, HIGH);
        coarse.digital(0, 1, HIGH);
        coarse.digital(1 * MS, 0, LOW);
        coarse.digital(2 * MS + 50, 1, LOW);
        coarse.digital(3 * MS, 0, HIGH);
        coarse.digital(3 * MS, 1, HIGH);
        coarse.digital(4 * MS, 0, LOW);
        coarse.digital(4 * MS + 999_900, 1, LOW);
        coarse.digital(6 * MS, 0, HIGH);
        coarse.digital(6 * MS, 1, HIGH);
        coarse.digital(7 * MS, 0, LOW);
        coarse.digital(8 * MS + 101, 1, LOW);
        coarse.end(9 * MS);

        ResponseResult r = response(check(coarse, null, DOOR_HV).get(0));

        assertThat(r.uncertaintyNanos()).as("a 100 ns timescale").isEqualTo(100);
        assertThat(r.occurrences()).extracting(Occurrence::latencyNanos, Occurrence::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1_000_050L, Verdict.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple(999_900L, Verdict.PASS),
                org.assertj.core.groups.Tuple.tuple(1_000_101L, Verdict.FAIL));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void uncertaintyIsTheResolutionRoundedUpToWholeNanoseconds() {
        assertThat(RuleChecker.resolutionNanos(new TraceHeader(List.of(), 1))).isEqualTo(1);
        assertThat(RuleChecker.resolutionNanos(new TraceHeader(List.of(), 1_500))).isEqualTo(2);
        assertThat(RuleChecker.resolutionNanos(new TraceHeader(List.of(), 1_000_000))).isEqualTo(1_000);
    }

    @Test
    void triggerNeverAnsweredBeforeTheTraceEndsFails() {
        initially(true, true, false);
        trace.digital(5 * MS, door, LOW);
        trace.end(5 * MS + 300 * US);

        ResponseResult r = response(check(trace, null, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(new Occurrence(5 * MS, null, null, Verdict.FAIL));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.worstLatencyNanos()).isNull();
    }

    @Test
    void triggersBeforeOneAnswerAreAllAnsweredByIt() {
        initially(true, true, false);
        trace.digital(1 * MS, door, LOW);
        trace.digital(2 * MS, door, HIGH);
        trace.digital(2 * MS + 100 * US, door, LOW);
        trace.digital(2 * MS + 300 * US, hv, LOW);
        trace.end(3 * MS);

        ResponseResult r = response(check(trace, 0L, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(
                new Occurrence(1 * MS, 2_300_000L, 1_300_000L, Verdict.FAIL),
                new Occurrence(2_100_000, 2_300_000L, 200_000L, Verdict.PASS));
        assertThat(r.worstLatencyNanos()).isEqualTo(1_300_000L);
    }

    @Test
    void answerAtTheTriggersOwnTimeStampCountsAndOneBeforeItDoesNot() {
        initially(true, true, false);
        trace.digital(1 * MS, door, LOW);
        trace.digital(1 * MS, hv, LOW);
        trace.digital(2 * MS, hv, HIGH);
        trace.digital(3 * MS, door, HIGH);
        trace.digital(4 * MS, hv, LOW);
        trace.digital(4 * MS + 1, door, LOW);
        trace.end(9 * MS);

        ResponseResult r = response(check(trace, 0L, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(
                new Occurrence(1 * MS, 1_000_000L, 0L, Verdict.PASS),
                new Occurrence(4 * MS + 1, null, null, Verdict.FAIL));
    }

    @Test
    void edgeThroughUnknownOrFloatingLevelsCountsWhenTheNewDefiniteLevelIsReached() {
        initially(true, true, false);
        trace.digital(1 * MS, door, X);
        trace.digital(2 * MS, door, LOW);
        trace.digital(2 * MS + 10 * US, hv, Z);
        trace.digital(2 * MS + 40 * US, hv, LOW);
        trace.end(3 * MS);

        ResponseResult r = response(check(trace, 0L, DOOR_HV).get(0));

        assertThat(r.occurrences()).containsExactly(new Occurrence(2 * MS, 2_040_000L, 40_000L, Verdict.PASS));
    }

    @Test
    void returningToTheSameLevelThroughUnknownIsNoEdgeAndNeitherIsTheFirstDefiniteLevel() {
        trace.digital(0, door, X);
        trace.digital(0, hv, HIGH);
        trace.digital(1 * MS, door, LOW);
        trace.digital(2 * MS, door, X);
        trace.digital(3 * MS, door, LOW);
        trace.digital(3 * MS, hv, LOW);
        trace.end(4 * MS);

        ResponseResult r = response(check(trace, 0L, DOOR_HV).get(0));

        assertThat(r.occurrences()).isEmpty();
        assertThat(r.verdict()).as("nothing triggered, nothing failed").isEqualTo(Verdict.PASS);
    }

    @Test
    void glitchInsideOneTimeStampIsNoEdge() {
        initially(true, true, false);
        trace.digital(1 * MS, door, LOW);
        trace.digital(1 * MS, door, HIGH);
        trace.digital(2 * MS, hv, LOW);
        trace.end(3 * MS);

        assertThat(response(check(trace, 0L, DOOR_HV).get(0)).occurrences()).isEmpty();
    }

    // ---- never ... while ...  ---------------------------------------------------------------

    @Test
    void xrayOnWhileTheDoorIsOpenIsReportedAsHalfOpenIntervals() {
        initially(true, true, true);
        trace.digital(5 * MS, door, LOW);
        trace.digital(5 * MS + 430 * US, xray, LOW);
        trace.digital(6 * MS, xray, HIGH);
        trace.digital(6 * MS + 1, xray, LOW);
        trace.digital(7 * MS, door, HIGH);
        trace.end(8 * MS);

        NeverResult r = never(check(trace, null, NO_XRAY_WITH_DOOR_OPEN).get(0));

        assertThat(r.overlaps()).containsExactly(
                new Overlap(5_000_000, 5_430_000, Verdict.FAIL),
                new Overlap(6_000_000, 6_000_001, Verdict.FAIL));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void statesAreJudgedAfterEveryChangeAtATimeStamp() {
        initially(true, false, false);
        trace.digital(5 * MS, door, LOW);
        trace.digital(6 * MS, xray, HIGH);
        trace.digital(6 * MS, door, HIGH);
        trace.digital(7 * MS, door, LOW);
        trace.digital(7 * MS, xray, LOW);
        trace.end(8 * MS);

        assertThat(never(check(trace, null, NO_XRAY_WITH_DOOR_OPEN).get(0)).overlaps()).isEmpty();
    }

    @Test
    void overlapStillOpenWhenTheTraceEndsEndsThere() {
        initially(true, false, true);
        trace.digital(5 * MS, door, LOW);
        trace.end(5 * MS + 2);

        assertThat(never(check(trace, null, NO_XRAY_WITH_DOOR_OPEN).get(0)).overlaps())
                .containsExactly(new Overlap(5 * MS, 5 * MS + 2, Verdict.FAIL));
    }

    @Test
    void anOverlapThatUnknownLevelsMayHaveMadeIsInconclusive() {
        initially(true, false, false);
        trace.digital(1 * MS, door, X);
        trace.digital(1 * MS, xray, HIGH);
        trace.digital(2 * MS, door, Z);
        trace.digital(3 * MS, door, HIGH);
        trace.end(4 * MS);

        NeverResult r = never(check(trace, null, NO_XRAY_WITH_DOOR_OPEN).get(0));

        assertThat(r.overlaps()).containsExactly(new Overlap(1 * MS, 3 * MS, Verdict.INCONCLUSIVE));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.longestOverlapNanos()).as("no certain overlap").isNull();
    }

    @Test
    void unknownLevelsAroundACertainFailureAddNothing() {
        initially(true, false, true);
        trace.digital(1 * MS, door, X);
        trace.digital(2 * MS, door, LOW);
        trace.digital(3 * MS, xray, Z);
        trace.digital(4 * MS, xray, LOW);
        trace.end(5 * MS);

        assertThat(never(check(trace, null, NO_XRAY_WITH_DOOR_OPEN).get(0)).overlaps())
                .containsExactly(new Overlap(2 * MS, 3 * MS, Verdict.FAIL));
    }

    @Test
    void unknownLevelsAreInconclusiveOnlyWhereTheyCouldHaveOutgrownTheTolerance() {
        initially(true, false, true);
        trace.digital(1 * MS, door, X);
        trace.digital(2 * MS, door, HIGH);
        trace.digital(2 * MS + 800 * US, door, X);
        trace.digital(3 * MS + 500 * US, door, LOW);
        trace.digital(4 * MS, door, HIGH);
        trace.end(5 * MS);

        NeverResult r = never(check(trace, 0L, NO_XRAY_WITH_DOOR_OPEN.longerThan(1 * MS)).get(0));

        assertThat(r.overlaps()).as("1 ms of unknown is allowed; 1.2 ms of which 0.5 ms certain may not be")
                .containsExactly(new Overlap(2_800_000, 4_000_000, Verdict.INCONCLUSIVE));
        assertThat(r.longestOverlapNanos()).isEqualTo(500_000L);
    }

    // ---- binding ---------------------------------------------------------------------------

    @Test
    void signalsAreNamedByReferenceFullPathOrDottedTail() {
        Trace nested = new Trace();
        int gen = nested.declareDigital("rig.gen.enable");
        int tub = nested.declareDigital("rig.tub.enable");
        nested.digital(0, gen, HIGH);
        nested.digital(0, tub, HIGH);
        nested.digital(1 * MS, gen, LOW);
        nested.digital(1 * MS + 7, tub, LOW);
        nested.end(2 * MS);
        BoundedResponse rule = BoundedResponse.of("TAIL", SignalEdge.of("rig.gen.enable", FALLS),
                SignalEdge.of("tub.enable", FALLS), LatencyWindow.atMost(1 * MS));

        assertThat(response(check(nested, 0L, rule).get(0)).occurrences())
                .containsExactly(new Occurrence(1 * MS, 1 * MS + 7L, 7L, Verdict.PASS));
    }

    @Test
    void unknownAmbiguousAndWideSignalsAreReportedAtTheirPlacesAllAtOnce() {
        TraceHeader header = new TraceHeader(List.of(
                new SignalInfo(0, "rig.gen.enable", "enable", SignalKind.DIGITAL, 1),
                new SignalInfo(1, "rig.tub.enable", "enable", SignalKind.DIGITAL, 1),
                new SignalInfo(2, "rig.door_closed", "door_closed", SignalKind.DIGITAL, 1),
                new SignalInfo(3, "rig.kv_code", "kv_code", SignalKind.VECTOR, 8),
                new SignalInfo(4, "rig.kv", "kv", SignalKind.REAL, 64)), 1000);
        BoundedResponse bad = new BoundedResponse("DOOR-HV", null, new SourcePosition("rules.yaml", 4, 12),
                new SignalEdge(new SignalRef("door_closd", new SourcePosition("rules.yaml", 4, 12)), FALLS),
                new SignalEdge(new SignalRef("enable", new SourcePosition("rules.yaml", 5, 13)), FALLS),
                LatencyWindow.atMost(MS));
        NeverWhile wide = new NeverWhile("KV", null, SourcePosition.UNKNOWN,
                new SignalState(new SignalRef("kv_code", new SourcePosition("rules.yaml", 8, 12)), HIGH),
                new SignalState(new SignalRef("kv", new SourcePosition("rules.yaml", 8, 31)), LOW), null);
        RuleChecker checker = new RuleChecker(List.of(bad, wide));

        assertThatThrownBy(() -> checker.begin(header))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "rules.yaml:4:12: rule 'DOOR-HV': no signal 'door_closd' in the trace"
                                + " (nearest: rig.door_closed, rig.gen.enable, rig.tub.enable)",
                        "rules.yaml:5:13: rule 'DOOR-HV': signal 'enable' is ambiguous in the trace:"
                                + " it matches rig.gen.enable, rig.tub.enable (write the full dotted path)",
                        "rules.yaml:8:12: rule 'KV': signal 'kv_code' (rig.kv_code) is a 8-bit vector;"
                                + " rules check one-bit signals",
                        "rules.yaml:8:31: rule 'KV': signal 'kv' (rig.kv) is a real; rules check one-bit signals"))
                .hasMessageStartingWith("rules.yaml:4:12: rule 'DOOR-HV': no signal 'door_closd'")
                .hasMessageEndingWith("(and 3 more)");
    }

    @Test
    void oneBitVectorsCountAsDigitalSignals() {
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV), 0L, ViolationListener.NONE);
        checker.begin(new TraceHeader(List.of(
                new SignalInfo(0, "tb.door_closed", "door_closed", SignalKind.VECTOR, 1),
                new SignalInfo(1, "tb.hv_enable", "hv_enable", SignalKind.DIGITAL, 1)), 1000));
        checker.vector(0, 0, "1");
        checker.digital(0, 1, HIGH);
        checker.vector(10, 0, "0");
        checker.digital(25, 1, LOW);
        checker.end(30);

        assertThat(response(checker.results().get(0)).occurrences())
                .containsExactly(new Occurrence(10, 25L, 15L, Verdict.PASS));
    }

    // ---- online ----------------------------------------------------------------------------

    @Test
    void liveCheckReportsAMissingResponseAsSoonAsTheWindowHasClosed() {
        List<Violation> heard = new ArrayList<>();
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV, NO_XRAY_WITH_DOOR_OPEN), 0L, heard::add);
        trace.subscribe(checker);
        initially(true, true, false);
        trace.digital(5 * MS, door, LOW);

        checker.advanceTo(6 * MS);
        assertThat(heard).as("a response at exactly 1 ms would still pass").isEmpty();

        checker.advanceTo(6 * MS + 1);
        assertThat(heard).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(DOOR_HV);
            assertThat(v.eventNanos()).isEqualTo(5 * MS);
            assertThat(v.knownAtNanos()).isEqualTo(6 * MS);
            assertThat(v.description()).isEqualTo(
                    "no 'hv_enable falls' within <= 1 ms of 'door_closed falls' at 5000000 ns");
        });

        trace.digital(7 * MS, hv, LOW);
        trace.end(8 * MS);
        assertThat(heard).as("the late answer is not reported twice").hasSize(1);
        assertThat(response(checker.results().get(0)).occurrences())
                .containsExactly(new Occurrence(5 * MS, 7_000_000L, 2_000_000L, Verdict.FAIL));
    }

    @Test
    void liveCheckReportsAnEarlyResponseOnceItsTimeStampIsComplete() {
        BoundedResponse settles = BoundedResponse.of("HV-SETTLES", SignalEdge.of("door_closed", FALLS),
                SignalEdge.of("hv_enable", FALLS), LatencyWindow.between(20 * MS, 1500 * MS));
        List<Violation> heard = new ArrayList<>();
        RuleChecker checker = new RuleChecker(List.of(settles), 0L, heard::add);
        trace.subscribe(checker);
        initially(true, true, false);
        trace.digital(5 * MS, door, LOW);
        trace.digital(10 * MS, hv, LOW);
        trace.digital(10 * MS, hv, HIGH);
        assertThat(heard).as("a glitch at 10 ms is no answer").isEmpty();
        trace.digital(12 * MS, hv, LOW);
        assertThat(heard).as("more changes may still come at 12 ms").isEmpty();

        checker.advanceTo(12 * MS + 1);

        assertThat(heard).singleElement().satisfies(v -> {
            assertThat(v.knownAtNanos()).isEqualTo(12 * MS);
            assertThat(v.description()).isEqualTo(
                    "'hv_enable falls' came 7 ms after 'door_closed falls' at 5000000 ns; allowed 20 ms .. 1.5 s");
        });
    }

    @Test
    void liveCheckReportsAnOverlapTheMomentItHasLength() {
        List<Violation> heard = new ArrayList<>();
        RuleChecker checker = new RuleChecker(
                List.of(NO_XRAY_WITH_DOOR_OPEN, NO_XRAY_WITH_DOOR_OPEN.longerThan(2 * MS)), 1L, heard::add);
        trace.subscribe(checker);
        initially(true, false, true);
        trace.digital(5 * MS, door, LOW);
        checker.advanceTo(5 * MS);
        assertThat(heard).isEmpty();

        checker.advanceTo(5 * MS + 1);
        assertThat(heard).singleElement().satisfies(v -> assertThat(v.description())
                .isEqualTo("'xray_on high' while 'door_closed low' from 5000000 ns"));

        checker.advanceTo(7 * MS + 1);
        assertThat(heard).as("2 ms + 1 ns could still be 2 ms").hasSize(1);
        checker.advanceTo(7 * MS + 2);
        assertThat(heard).hasSize(2);
        assertThat(heard.get(1).description())
                .isEqualTo("'xray_on high' while 'door_closed low' from 5000000 ns for longer than 2 ms");
        assertThat(heard.get(1).knownAtNanos()).isEqualTo(7 * MS + 1);
    }

    @Test
    void anUnansweredTriggerIsReportedWhenTheTraceEndsBeforeItsWindowCloses() {
        List<Violation> heard = new ArrayList<>();
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV), 0L, heard::add);
        trace.subscribe(checker);
        initially(true, true, false);
        trace.digital(5 * MS, door, LOW);
        trace.end(5 * MS + 10);

        assertThat(heard).singleElement().satisfies(v -> {
            assertThat(v.knownAtNanos()).isEqualTo(5 * MS + 10);
            assertThat(v.description()).endsWith("(the trace ended at 5000010 ns)");
        });
    }

    @Test
    void resultsAreOnlyKnownOnceTheTraceHasEnded() {
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV));
        trace.subscribe(checker);
        initially(true, true, false);

        assertThatThrownBy(checker::results).isInstanceOf(IllegalStateException.class);
    }
}
