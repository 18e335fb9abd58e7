package org.hilrig.runner.gpio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns decoded kernel events into edges in the rig's time base, in time order, and detects lost edges.
 *
 * <p>What the kernel guarantees, and what it does not ({@code edge_irq_handler}, {@code edge_irq_thread} and
 * {@code linereq_put_event} in {@code gpiolib-cdev.c}): each line's interrupt handler stamps the edge and
 * takes the next request-wide {@code seqno}; the line's own interrupt thread then numbers it with the line's
 * {@code line_seqno} and queues it. So per line, {@code line_seqno} counts from 1 in the order the events are
 * queued, and a gap in it means the kernel dropped that many of the line's events (a full buffer drops the
 * oldest). Across lines nothing is ordered: two lines' threads queue in whatever order they run, so events
 * come out with request {@code seqno}s and time stamps going backwards, and a thread that runs late reads
 * the {@code seqno} of a newer interrupt, so a {@code seqno} can repeat and another never appear. The
 * request-wide {@code seqno} therefore proves nothing about losses and is not used for them; a step
 * backwards in it is counted as a reordering.
 *
 * <p>Lost edges, each reported once, to the lines they belong to:
 * <ul>
 *   <li>a gap in a line's {@code line_seqno}: exactly that many events missing on that line;</li>
 *   <li>two edges in a row in the same direction on one line with no gap (a pulse shorter than the time the
 *       kernel took to read the level): one edge missing at least.</li>
 * </ul>
 * Edges of one {@link #acceptRead read} are handed on ordered by their time stamps (each line's own order
 * kept); an edge of a later read can still lie before one already handed on, which the consumer sees from the
 * times. Sequence numbers are unsigned 32-bit and compared modulo 2^32, so wrapping is not a gap. Each edge
 * is stamped {@code timeBase.toRigNanos(stamp)}, plus or minus the time base's and the fixture's uncertainty.
 *
 * <p>Debounced lines are stamped late: the kernel ({@code debounce_irq_handler}, {@code debounce_work_func})
 * re-arms delayed work on every bounce and stamps the edge when that work runs, at least one period (rounded
 * up to whole jiffies) after the last bounce. The edge is therefore placed one period before the stamp and
 * its uncertainty widened by one period; the jiffy rounding and the work queue's latency are not covered,
 * so a debounced line should not carry a measured limit (docs/raspberry-pi.md). Confined to the reader thread.
 */
final class EdgeSequenceCheck {
    private final Set<Integer> offsets;
    private final KernelTimeBase timeBase;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, Long> debounceNanos;
    private final PinEdgeSink sink;
    private final Map<Integer, Long> lastLineSeqno = new HashMap<>();
    private final Map<Integer, Boolean> lastHigh = new HashMap<>();
    private boolean anySeqno;
    private long highestSeqno;
    private long lastStampNanos = Long.MIN_VALUE;
    private long lastDeliveredNanos = Long.MIN_VALUE;
    private long edges;
    private long lostByLineGap;
    private long sameEdgeTwice;
    private long seqnoBackwards;
    private long stampsBackwards;
    private long deliveredBackwards;

    /**
     * @param initialHigh the electrical level of each requested line when it was requested
     * @param debounceNanos the debounce period of each requested line (0: none)
     */
    EdgeSequenceCheck(Map<Integer, Boolean> initialHigh, Map<Integer, Long> debounceNanos, KernelTimeBase timeBase,
                      long edgeUncertaintyNanos, PinEdgeSink sink) {
        this.offsets = Set.copyOf(new TreeSet<>(initialHigh.keySet()));
        this.lastHigh.putAll(initialHigh);
        this.debounceNanos = Map.copyOf(debounceNanos);
        this.timeBase = timeBase;
        this.edgeUncertaintyNanos = edgeUncertaintyNanos;
        this.sink = sink;
        for (Integer o : offsets) {
            lastLineSeqno.put(o, 0L);
        }
    }

    /**
     * Checks the events of one read, in the order the kernel queued them, and hands them on in time order.
     *
     * @throws IllegalStateException for an event of a line that was not requested, or a line's {@code
     *     line_seqno} that does not move forward (the stream is out of step); nothing of this read is handed on
     */
    void acceptRead(List<KernelLineEvent> read) {
        List<KernelLineEvent> ordered = new ArrayList<>(read.size());
        Map<Integer, Long> lineSeqno = new HashMap<>();
        for (KernelLineEvent e : read) {
            Integer offset = e.offset();
            if (!offsets.contains(offset)) {
                throw new IllegalStateException("GPIO line event for offset " + offset + ", which was not requested"
                        + " (requested: " + new TreeSet<>(offsets) + ")");
            }
            long previous = lineSeqno.getOrDefault(offset, lastLineSeqno.get(offset));
            if (previous != 0 && forward(previous, e.lineSeqno()) <= 0) {
                throw new IllegalStateException("GPIO " + offset + ": line_seqno " + e.lineSeqno() + " after "
                        + previous + " (allowed: increasing); the event stream is out of step");
            }
            lineSeqno.put(offset, e.lineSeqno());
            if (anySeqno && forward(highestSeqno, e.seqno()) <= 0) {
                seqnoBackwards++;
            } else {
                highestSeqno = e.seqno();
                anySeqno = true;
            }
            if (e.timestampNanos() < lastStampNanos) {
                stampsBackwards++;
            }
            lastStampNanos = e.timestampNanos();
            ordered.add(e);
        }
        // stable, and per line already in line_seqno order with rising stamps: each line's order is kept
        ordered.sort(Comparator.comparingLong(this::rigTime));
        for (KernelLineEvent e : ordered) {
            deliver(e);
        }
    }

    /** Checks one event as a read of its own. */
    void accept(KernelLineEvent e) {
        acceptRead(List.of(e));
    }

    private void deliver(KernelLineEvent e) {
        Integer offset = e.offset();
        long debounce = debounceNanos.getOrDefault(offset, 0L);
        long time = rigTime(e);
        long uncertainty = timeBase.uncertaintyNanos() + edgeUncertaintyNanos + debounce;
        long lineMissing = forward(lastLineSeqno.get(offset), e.lineSeqno()) - 1;
        lastLineSeqno.put(offset, e.lineSeqno());
        if (lineMissing > 0) {
            lostByLineGap += lineMissing;
            sink.lost(Set.of(offset), lineMissing, time, LossEvidence.LINE_SEQUENCE_GAP);
        } else if (lastHigh.get(offset) == e.rising()) {
            sameEdgeTwice++;
            sink.lost(Set.of(offset), 1, time, LossEvidence.SAME_EDGE_TWICE);
        }
        lastHigh.put(offset, e.rising());
        if (time < lastDeliveredNanos) {
            deliveredBackwards++;
        }
        lastDeliveredNanos = time;
        edges++;
        sink.edge(offset, e.rising(), time, uncertainty);
    }

    private long rigTime(KernelLineEvent e) {
        return timeBase.toRigNanos(e.timestampNanos()) - debounceNanos.getOrDefault(e.offset(), 0L);
    }

    /** How far {@code to} lies after {@code from} in unsigned 32-bit sequence space: 1 to 2^31-1 forward, else 0 or less. */
    private static long forward(long from, long to) {
        return (int) (to - from);
    }

    /** Counts so far. */
    Counters counters() {
        return new Counters(edges, lostByLineGap, sameEdgeTwice, seqnoBackwards, stampsBackwards, deliveredBackwards);
    }

    /**
     * @param edges edges handed on
     * @param lostByLineGap edges missing from the lines' own sequences
     * @param sameEdgeTwice edge pairs in the same direction with no sequence gap
     * @param seqnoBackwards events whose request-wide {@code seqno} was not above every one read before it (the
     *     kernel reordered events of different lines, or repeated a number): no loss
     * @param stampsBackwards events stamped before the event read just before them (reordered across lines)
     * @param deliveredBackwards edges handed on with a time before the edge handed on just before them (reordered
     *     across two reads)
     */
    record Counters(long edges, long lostByLineGap, long sameEdgeTwice, long seqnoBackwards, long stampsBackwards,
                    long deliveredBackwards) {
    }
}
