package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recorded kernel byte streams through the decoder and the sequence check, as the reader thread runs them. */
class EdgeSequenceCheckTest {
    /** Kernel monotonic time 1 000 000 000 ns is rig time 0; calibration good to 2 us; stamps to 10 us. */
    private static final KernelTimeBase BASE = new KernelTimeBase(1_000_000_000L, 2_000);
    private static final long EDGE_UNCERTAINTY = 10_000;

    private final List<String> seen = new ArrayList<>();
    private final PinEdgeSink sink = new PinEdgeSink() {
        @Override
        public void edge(int bcmPin, boolean high, long timeNanos, long uncertaintyNanos) {
            seen.add("edge " + bcmPin + (high ? " high" : " low") + " at " + timeNanos + " +-" + uncertaintyNanos);
        }

        @Override
        public void lost(Set<Integer> bcmPins, long missingEdges, long timeNanos, LossEvidence evidence) {
            seen.add("lost " + missingEdges + " on " + new java.util.TreeSet<>(bcmPins) + " at " + timeNanos + " " + evidence);
        }
    };

    private EdgeSequenceCheck check(Map<Integer, Boolean> initialHigh, Map<Integer, Long> debounce) {
        return new EdgeSequenceCheck(initialHigh, debounce, BASE, EDGE_UNCERTAINTY, sink);
    }

    /** The bytes as one read of the reader thread. */
    private static void play(EdgeSequenceCheck check, byte[] bytes) {
        List<KernelLineEvent> read = new ArrayList<>();
        new LineEventDecoder(ByteOrder.LITTLE_ENDIAN).feed(bytes, bytes.length, read::add);
        check.acceptRead(read);
    }

    @Test
    void edgesOnSeveralLinesArriveInTheRigTimeBaseWithTheirUncertainty() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, true), Map.of());

        play(c, new KernelEventBytes()
                .rising(1_000_500_000L, 5, 1, 1)
                .falling(1_000_700_000L, 6, 2, 1)
                .falling(1_001_000_000L, 5, 3, 2).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 500000 +-12000",
                "edge 6 low at 700000 +-12000",
                "edge 5 low at 1000000 +-12000");
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(3, 0, 0, 0, 0, 0));
    }

    @Test
    void gapsInTheLinesOwnSequencesAreReportedOnThoseLinesOnly() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        // events 2 and 3 (one on each line) were dropped by a full kernel buffer
        play(c, new KernelEventBytes()
                .rising(1_000_000_100L, 5, 1, 1)
                .rising(1_000_000_400L, 6, 4, 2)
                .falling(1_000_000_500L, 5, 5, 3).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 100 +-12000",
                "lost 1 on [6] at 400 LINE_SEQUENCE_GAP",
                "edge 6 high at 400 +-12000",
                "lost 1 on [5] at 500 LINE_SEQUENCE_GAP",
                "edge 5 low at 500 +-12000");
        assertThat(c.counters().lostByLineGap()).isEqualTo(2);
    }

    @Test
    void eventsLostBeforeTheFirstReadAreAGapToo() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 5, 3, 3).bytes());

        assertThat(seen).containsExactly(
                "lost 2 on [5] at 100 LINE_SEQUENCE_GAP",
                "edge 5 high at 100 +-12000");
    }

    /**
     * As a 7.3 kernel's gpio-sim chip delivered them (two lines changed within microseconds on two CPUs): each
     * line's interrupt thread queued on its own, so line 6's earlier edge (seqno 1) came after line 5's, and
     * the request seqno stepped back. The old check reported 4,294,967,295 lost edges here.
     */
    @Test
    void aRequestSequenceNumberSteppingBackIsAReorderingNotALoss() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        play(c, new KernelEventBytes()
                .rising(1_000_000_300L, 5, 2, 1)
                .rising(1_000_000_200L, 6, 1, 1).bytes());

        assertThat(seen).containsExactly(
                "edge 6 high at 200 +-12000",
                "edge 5 high at 300 +-12000");
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(2, 0, 0, 1, 1, 0));
    }

    /**
     * A line's interrupt thread that runs late takes the request seqno of a newer interrupt: one seqno
     * repeats and another never appears. Neither is a loss; every line_seqno is there.
     */
    @Test
    void aRepeatedOrSkippedRequestSequenceNumberIsNoLoss() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        play(c, new KernelEventBytes()
                .rising(1_000_000_100L, 5, 2, 1)
                .falling(1_000_000_150L, 5, 2, 2)
                .rising(1_000_000_200L, 6, 4, 1).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 100 +-12000",
                "edge 5 low at 150 +-12000",
                "edge 6 high at 200 +-12000");
        assertThat(c.counters().lostByLineGap()).isZero();
        assertThat(c.counters().seqnoBackwards()).isEqualTo(1);
    }

    @Test
    void eachReadIsHandedOnInTimeOrderKeepingEveryLinesOwnOrder() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false, 13, false), Map.of());

        play(c, new KernelEventBytes()
                .rising(1_000_000_500L, 13, 3, 1)
                .rising(1_000_000_100L, 5, 1, 1)
                .falling(1_000_000_600L, 5, 4, 2)
                .rising(1_000_000_300L, 6, 2, 1)
                .falling(1_000_000_700L, 6, 5, 2).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 100 +-12000",
                "edge 6 high at 300 +-12000",
                "edge 13 high at 500 +-12000",
                "edge 5 low at 600 +-12000",
                "edge 6 low at 700 +-12000");
        assertThat(c.counters().lostByLineGap()).isZero();
    }

    @Test
    void anEdgeOfALaterReadThatLiesBeforeOneHandedOnIsCounted() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        c.acceptRead(List.of(new KernelLineEvent(1_000_000_300L, true, 5, 2, 1)));
        c.acceptRead(List.of(new KernelLineEvent(1_000_000_200L, true, 6, 1, 1)));

        assertThat(seen).containsExactly("edge 5 high at 300 +-12000", "edge 6 high at 200 +-12000");
        assertThat(c.counters().deliveredBackwards()).isEqualTo(1);
        assertThat(c.counters().lostByLineGap()).isZero();
    }

    @Test
    void aLineSequenceThatDoesNotMoveForwardMeansTheStreamIsOutOfStep() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        assertThatThrownBy(() -> play(c, new KernelEventBytes()
                .rising(1_000_000_100L, 5, 1, 1).falling(1_000_000_200L, 5, 2, 1).bytes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GPIO 5: line_seqno 1 after 1 (allowed: increasing); the event stream is out of step");
        assertThat(seen).as("nothing of a broken read is handed on").isEmpty();
    }

    @Test
    void aOneLineRequestIsCheckedByItsLineSequence() {
        // the kernel gives a one-line request seqno == line_seqno: one loss, reported once
        EdgeSequenceCheck c = check(Map.of(13, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 13, 1, 1).rising(1_000_000_900L, 13, 3, 3).bytes());

        assertThat(seen).containsExactly(
                "edge 13 high at 100 +-12000",
                "lost 1 on [13] at 900 LINE_SEQUENCE_GAP",
                "edge 13 high at 900 +-12000");
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(2, 1, 0, 0, 0, 0));
    }

    @Test
    void twoRisingEdgesWithoutAGapMeanAPulseTooShortToSee() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 5, 1, 1).rising(1_000_000_103L, 5, 2, 2).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 100 +-12000",
                "lost 1 on [5] at 103 SAME_EDGE_TWICE",
                "edge 5 high at 103 +-12000");
        assertThat(c.counters().sameEdgeTwice()).isEqualTo(1);
    }

    @Test
    void aFirstEdgeThatRepeatsTheInitialLevelIsSuspectToo() {
        EdgeSequenceCheck c = check(Map.of(5, true, 6, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 5, 1, 1).bytes());

        assertThat(seen).containsExactly("lost 1 on [5] at 100 SAME_EDGE_TWICE", "edge 5 high at 100 +-12000");
    }

    @Test
    void sequenceNumbersWrapWithoutAGap() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        c.accept(new KernelLineEvent(1_000_000_001L, true, 5, 0xFFFF_FFFEL, 0xFFFF_FFFEL));
        seen.clear();
        c.accept(new KernelLineEvent(1_000_000_002L, false, 5, 0xFFFF_FFFFL, 0xFFFF_FFFFL));
        c.accept(new KernelLineEvent(1_000_000_003L, true, 5, 0, 0));
        c.accept(new KernelLineEvent(1_000_000_004L, false, 5, 1, 1));

        assertThat(seen).containsExactly(
                "edge 5 low at 2 +-12000",
                "edge 5 high at 3 +-12000",
                "edge 5 low at 4 +-12000");
        assertThat(c.counters().seqnoBackwards()).isZero();
        assertThat(c.counters().lostByLineGap()).isZero();
    }

    @Test
    void aDebouncedEdgeIsPlacedOnePeriodBeforeItsStampAndWidenedByOnePeriod() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, true), Map.of(5, 100_000L));

        play(c, new KernelEventBytes().rising(1_000_200_000L, 5, 1, 1).falling(1_000_900_000L, 6, 2, 1).bytes());

        assertThat(seen).containsExactly("edge 5 high at 100000 +-112000", "edge 6 low at 900000 +-12000");
    }

    @Test
    void anEventForALineNotRequestedMeansTheStreamIsOutOfStep() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        assertThatThrownBy(() -> play(c, new KernelEventBytes().rising(1_000_000_100L, 9, 1, 1).bytes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GPIO line event for offset 9, which was not requested (requested: [5, 6])");
    }
}
