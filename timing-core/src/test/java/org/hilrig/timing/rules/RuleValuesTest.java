package org.hilrig.timing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.timing.rules.Edge.FALLS;
import static org.hilrig.timing.rules.Edge.RISES;
import static org.hilrig.timing.trace.Level.HIGH;
import static org.hilrig.timing.trace.Level.LOW;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The rule package's values as people and callers see them: how rules, names and listings read, what an
 * overlap, a clause's term and a result accept and hand out.
 */
class RuleValuesTest {
    private static final long MS = 1_000_000L;

    private static final BoundedResponse DOOR_HV = BoundedResponse.of("DOOR-HV",
            SignalEdge.of("door_closed", FALLS), SignalEdge.of("hv_enable", FALLS), LatencyWindow.atMost(1 * MS));
    private static final NeverWhile NO_XRAY_WITH_DOOR_OPEN = NeverWhile.of("NO-XRAY-WITH-DOOR-OPEN",
            SignalState.of("xray_on", HIGH), SignalState.of("door_closed", LOW));

    @Test
    void rulesReadAsTheyAreWritten() {
        assertThat(DOOR_HV).hasToString("after door_closed falls expect hv_enable falls within <= 1 ms");
        assertThat(BoundedResponse.of("SETTLES", SignalEdge.of("rig.door_closed", RISES),
                SignalEdge.of("hv_enable", RISES), LatencyWindow.between(20 * MS, 1500 * MS)))
                .hasToString("after rig.door_closed rises expect hv_enable rises within 20 ms .. 1.5 s");
        assertThat(NO_XRAY_WITH_DOOR_OPEN).hasToString("never xray_on high while door_closed low");
        assertThat(NO_XRAY_WITH_DOOR_OPEN.longerThan(2 * MS))
                .hasToString("never xray_on high while door_closed low for longer than 2 ms");
        assertThat(SignalRef.named("rig.gen.enable")).hasToString("rig.gen.enable");
    }

    @Test
    void listingsReadAsTheyKeep() {
        assertThat(Listing.ALL).hasToString("all");
        assertThat(Listing.firstAndWorst(3)).hasToString("first 3 and worst 3");
        assertThat(Listing.firstAndWorst(0)).hasToString("first 0 and worst 0");
    }

    @Test
    void anOverlapHasPositiveLength() {
        assertThat(new Overlap(5, 6, Verdict.FAIL).durationNanos()).isEqualTo(1);
        assertThatThrownBy(() -> new Overlap(5, 5, Verdict.FAIL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overlap [5, 5) is empty");
        assertThatThrownBy(() -> new Overlap(5, 4, Verdict.FAIL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClauseTermIsTheStateOfItsSignalAtItsPlace() {
        SourcePosition at = new SourcePosition("s.yaml", 3, 14);

        assertThat(new NeverClause.Term("DOOR_CLOSED", at, LOW).state())
                .isEqualTo(new SignalState(new SignalRef("DOOR_CLOSED", at), LOW));
    }

    @Test
    void aResponseResultKeepsItsOwnCopyOfTheOccurrencesGiven() {
        List<Occurrence> given = new ArrayList<>(List.of(new Occurrence(1, 3L, 2L, Verdict.PASS)));
        ResponseResult r = new ResponseResult(DOOR_HV, 0, given, new Tally(1, 0, 1), null);

        given.add(new Occurrence(5, null, null, Verdict.FAIL));

        assertThat(r.occurrences()).containsExactly(new Occurrence(1, 3L, 2L, Verdict.PASS));
        assertThatThrownBy(() -> r.occurrences().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.count(Verdict.PASS)).isEqualTo(1);
        assertThat(r.count(Verdict.FAIL)).isEqualTo(1);
        assertThat(r.count(Verdict.INCONCLUSIVE)).isZero();
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void theCheckersOwnOccurrenceListEndsAtItsLastOccurrence() {
        Trace trace = new Trace();
        int door = trace.declareDigital("rig.door_closed");
        int hv = trace.declareDigital("rig.hv_enable");
        trace.digital(0, door, HIGH);
        trace.digital(0, hv, HIGH);
        trace.digital(1 * MS, door, LOW);
        trace.digital(1 * MS + 40, hv, LOW);
        trace.end(2 * MS);
        RuleChecker checker = new RuleChecker(List.of(DOOR_HV), 0L, ViolationListener.NONE);
        trace.replay(checker);

        List<Occurrence> listed = ((ResponseResult) checker.results().get(0)).occurrences();

        assertThat(listed.get(0)).isEqualTo(new Occurrence(1 * MS, 1 * MS + 40, 40L, Verdict.PASS));
        assertThatThrownBy(() -> listed.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("occurrence 1 of 1");
        assertThatThrownBy(() -> listed.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aNeverResultListingEveryViolationIsNotTruncated() {
        NeverResult all = new NeverResult(NO_XRAY_WITH_DOOR_OPEN, 0, List.of(new Overlap(1, 2, Verdict.FAIL)), 1L,
                new Tally(0, 0, 1), null);
        NeverResult some = new NeverResult(NO_XRAY_WITH_DOOR_OPEN, 0, List.of(new Overlap(1, 2, Verdict.FAIL)), 5L,
                new Tally(0, 0, 2), null);

        assertThat(all.truncated()).isFalse();
        assertThat(all.violationCount()).isEqualTo(1);
        assertThat(some.truncated()).isTrue();
    }
}
