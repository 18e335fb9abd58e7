package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The checker's life as a stream listener: what it refuses before the header and after the end (a trace
 * may end at 0 ns), what it answers once begun and once ended, and how time moves it on: every kind of
 * change moves trace time, {@code advanceTo} the current stamp judges nothing early, and a window that
 * closed before the trace ended is reported as closed, not as cut off.
 */
class RuleCheckerLifecycleTest {
    private static final long MS = 1_000_000L;
    private static final int DOOR = 0;
    private static final int HV = 1;
    private static final int KV = 2;

    private static final BoundedResponse DOOR_HV = BoundedResponse.of("DOOR-HV",
            SignalEdge.of("door_closed", FALLS), SignalEdge.of("hv_enable", FALLS), LatencyWindow.atMost(1 * MS));

    /** door_closed and hv_enable (digital), kv (real), at a 1 ns resolution. */
    private static final TraceHeader HEADER = new TraceHeader(List.of(
            new SignalInfo(DOOR, "rig.door_closed", "door_closed", SignalKind.DIGITAL, 1),
            new SignalInfo(HV, "rig.hv_enable", "hv_enable", SignalKind.DIGITAL, 1),
            new SignalInfo(KV, "rig.kv", "kv", SignalKind.REAL, 64)), 1_000);

    private final List<Violation> heard = new ArrayList<>();

    private RuleChecker begun(Long uncertaintyNanos) {
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV), uncertaintyNanos, heard::add);
        checker.begin(HEADER);
        return checker;
    }

    /** Door closed and HV on at 0 ns, the door opening at 5 ms: a trigger waiting for HV to drop. */
    private RuleChecker doorOpenedAt5ms(Long uncertaintyNanos) {
        RuleChecker checker = begun(uncertaintyNanos);
        checker.digital(0, DOOR, HIGH);
        checker.digital(0, HV, HIGH);
        checker.digital(5 * MS, DOOR, LOW);
        return checker;
    }

    @Test
    void everyCallBeforeTheHeaderIsRefusedEvenAtTheEarliestTime() {
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV));

        assertThat(checker.rules()).containsExactly(DOOR_HV);
        assertThat(checker.ended()).isFalse();
        for (Runnable call : List.<Runnable>of(
                () -> checker.digital(0, DOOR, HIGH),
                () -> checker.digital(Long.MIN_VALUE, DOOR, HIGH),
                () -> checker.real(Long.MIN_VALUE, KV, 1.0),
                () -> checker.frame(Long.MIN_VALUE, "serial0", "tx", new byte[] {1}),
                () -> checker.advanceTo(5),
                () -> checker.end(5),
                checker::nextDecisionNanos,
                checker::uncertaintyNanos)) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the trace has not begun (no header yet)");
        }
        assertThatThrownBy(checker::endNanos).isInstanceOf(IllegalStateException.class)
                .hasMessage("results are known only after the trace has ended");
        assertThat(checker.ended()).isFalse();
    }

    @Test
    void theUncertaintyIsTheOneGivenOrTheTracesResolution() {
        assertThat(begun(7L).uncertaintyNanos()).isEqualTo(7);
        RuleChecker byResolution = new RuleChecker(List.of(DOOR_HV));
        byResolution.begin(new TraceHeader(HEADER.signals(), 2_500));
        assertThat(byResolution.uncertaintyNanos()).as("2.5 ns rounded up").isEqualTo(3);
    }

    @Test
    void aTraceThatEndsAtZeroNanosecondsHasEndedAndTakesNothingMore() {
        RuleChecker checker = begun(0L);
        checker.digital(0, DOOR, HIGH);
        checker.end(0);

        assertThat(checker.ended()).isTrue();
        assertThat(checker.endNanos()).isEqualTo(0);
        assertThat(checker.nextDecisionNanos()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> checker.digital(0, DOOR, LOW)).isInstanceOf(IllegalStateException.class)
                .hasMessage("change at 0 ns after the trace ended");
        assertThatThrownBy(() -> checker.advanceTo(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the trace has ended");
        assertThatThrownBy(() -> checker.end(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the trace has already ended");
        assertThat(checker.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void afterTheEndNothingIsPendingEvenIfATriggerWasStillWaiting() {
        RuleChecker checker = doorOpenedAt5ms(0L);
        assertThat(checker.nextDecisionNanos()).isEqualTo(5 * MS);

        checker.end(5 * MS + 10);

        assertThat(checker.endNanos()).isEqualTo(5 * MS + 10);
        assertThat(checker.nextDecisionNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theWindowIsWidenedByTheUncertainty() {
        RuleChecker checker = doorOpenedAt5ms(100L);
        checker.advanceTo(5 * MS + 1);

        assertThat(checker.nextDecisionNanos()).isEqualTo(6 * MS + 100);
        checker.advanceTo(6 * MS + 100);
        assertThat(heard).as("an answer read at 1 ms + 100 ns may have come at 1 ms").isEmpty();

        checker.advanceTo(6 * MS + 101);
        assertThat(heard).singleElement().satisfies(v -> assertThat(v.knownAtNanos()).isEqualTo(6 * MS + 100));
    }

    @Test
    void realValuesAndFramesMoveTraceTimeOnToo() {
        RuleChecker byReal = doorOpenedAt5ms(0L);
        byReal.real(7 * MS, KV, 60.0);
        assertThat(heard).as("a real value at 7 ms").singleElement()
                .satisfies(v -> assertThat(v.knownAtNanos()).isEqualTo(6 * MS));

        heard.clear();
        RuleChecker byFrame = doorOpenedAt5ms(0L);
        byFrame.frame(7 * MS, "serial0", "rx", new byte[] {0x06});
        assertThat(heard).as("a frame at 7 ms").singleElement()
                .satisfies(v -> assertThat(v.knownAtNanos()).isEqualTo(6 * MS));
    }

    @Test
    void advancingToTheCurrentStampJudgesNothingBeforeItsLastChange() {
        RuleChecker checker = begun(0L);
        checker.digital(0, DOOR, HIGH);
        checker.digital(0, HV, HIGH);
        checker.digital(5 * MS, DOOR, LOW);
        checker.advanceTo(5 * MS);
        checker.digital(5 * MS, DOOR, HIGH);
        checker.end(10 * MS);

        ResponseResult r = (ResponseResult) checker.results().get(0);
        assertThat(r.occurrences()).as("a glitch inside one stamp is no trigger, however time was told").isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aWindowThatClosedBeforeTheEndIsReportedAsClosedNotAsCutOffByTheEnd() {
        RuleChecker checker = doorOpenedAt5ms(0L);
        checker.end(10 * MS);

        assertThat(heard).singleElement().satisfies(v -> {
            assertThat(v.knownAtNanos()).isEqualTo(6 * MS);
            assertThat(v.description()).isEqualTo(
                    "no 'hv_enable falls' within <= 1 ms of 'door_closed falls' at 5000000 ns");
        });
        assertThat(((ResponseResult) checker.results().get(0)).occurrences())
                .containsExactly(new Occurrence(5 * MS, null, null, Verdict.FAIL));
    }
}
