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

    private static void play(EdgeSequenceCheck check, byte[] bytes) {
        new LineEventDecoder(ByteOrder.LITTLE_ENDIAN).feed(bytes, bytes.length, check::accept);
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
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(3, 0, 0, 0));
    }

    @Test
    void aGapInTheRequestSequenceIsReportedForEveryLineThenAttributedByTheLineSequence() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        // events 2 and 3 (one on each line) were dropped by a full kernel buffer
        play(c, new KernelEventBytes()
                .rising(1_000_000_100L, 5, 1, 1)
                .rising(1_000_000_400L, 6, 4, 2)
                .falling(1_000_000_500L, 5, 5, 3).bytes());

        assertThat(seen).containsExactly(
                "edge 5 high at 100 +-12000",
                "lost 2 on [5, 6] at 400 REQUEST_SEQUENCE_GAP",
                "lost 1 on [6] at 400 LINE_SEQUENCE_GAP",
                "edge 6 high at 400 +-12000",
                "lost 1 on [5] at 500 LINE_SEQUENCE_GAP",
                "edge 5 low at 500 +-12000");
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(3, 2, 2, 0));
    }

    @Test
    void eventsLostBeforeTheFirstReadAreAGapToo() {
        EdgeSequenceCheck c = check(Map.of(5, false, 6, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 5, 3, 3).bytes());

        assertThat(seen).containsExactly(
                "lost 2 on [5, 6] at 100 REQUEST_SEQUENCE_GAP",
                "lost 2 on [5] at 100 LINE_SEQUENCE_GAP",
                "edge 5 high at 100 +-12000");
    }

    @Test
    void aOneLineRequestIsCheckedByItsLineSequenceOnly() {
        // the kernel gives a one-line request seqno == line_seqno: one loss, reported once
        EdgeSequenceCheck c = check(Map.of(13, false), Map.of());

        play(c, new KernelEventBytes().rising(1_000_000_100L, 13, 1, 1).rising(1_000_000_900L, 13, 3, 3).bytes());

        assertThat(seen).containsExactly(
                "edge 13 high at 100 +-12000",
                "lost 1 on [13] at 900 LINE_SEQUENCE_GAP",
                "edge 13 high at 900 +-12000");
        assertThat(c.counters()).isEqualTo(new EdgeSequenceCheck.Counters(2, 0, 1, 0));
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
        // bring both counters to just below the wrap without a gap: synthesise from the start
        List<KernelLineEvent> events = List.of(
                new KernelLineEvent(1_000_000_001L, true, 5, 1, 1));
        events.forEach(c::accept);
        seen.clear();
        // a request-wide jump to 0xFFFFFFFF is a gap of 0xFFFFFFFD; then the wrap to 0 is not
        c.accept(new KernelLineEvent(1_000_000_002L, false, 5, 0xFFFF_FFFFL, 2));
        c.accept(new KernelLineEvent(1_000_000_003L, true, 5, 0, 3));
        c.accept(new KernelLineEvent(1_000_000_004L, false, 5, 1, 4));

        assertThat(seen).containsExactly(
                "lost 4294967293 on [5, 6] at 2 REQUEST_SEQUENCE_GAP",
                "edge 5 low at 2 +-12000",
                "edge 5 high at 3 +-12000",
                "edge 5 low at 4 +-12000");
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
