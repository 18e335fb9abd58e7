package org.hilrig.runner.gpio;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns decoded kernel events into edges in the rig's time base and detects lost edges:
 *
 * <ul>
 *   <li>a gap in the request-wide {@code seqno} (the kernel numbers a request's events from 1 and, when its
 *       buffer is full, drops the oldest event: {@code linereq_put_event} in {@code gpiolib-cdev.c});
 *       skipped for a one-line request, whose {@code seqno} is its {@code line_seqno};</li>
 *   <li>a gap in a line's {@code line_seqno}, also from 1;</li>
 *   <li>two edges in a row in the same direction on one line with no gap (a pulse shorter than the time the
 *       kernel took to read the level).</li>
 * </ul>
 *
 * Sequence numbers are unsigned 32-bit and compared modulo 2^32, so wrapping is not a gap. Each edge is
 * stamped {@code timeBase.toRigNanos(stamp)}, plus or minus the time base's and the fixture's uncertainty.
 *
 * <p>Debounced lines are stamped late: the kernel ({@code debounce_irq_handler}, {@code debounce_work_func}
 * in {@code gpiolib-cdev.c}) re-arms delayed work on every bounce and stamps the edge when that work runs,
 * at least one period (rounded up to whole jiffies) after the last bounce. The edge is therefore placed one
 * period before the stamp and its uncertainty widened by one period; the jiffy rounding and the work
 * queue's latency are not covered, so a debounced line should not carry a measured limit (README).
 * Confined to the reader thread.
 */
final class EdgeSequenceCheck {
    private static final long MOD = 1L << 32;

    private final Set<Integer> offsets;
    private final KernelTimeBase timeBase;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, Long> debounceNanos;
    private final PinEdgeSink sink;
    private final Map<Integer, Long> lastLineSeqno = new HashMap<>();
    private final Map<Integer, Boolean> lastHigh = new HashMap<>();
    private long lastSeqno;
    private long edges;
    private long lostByRequestGap;
    private long lostByLineGap;
    private long sameEdgeTwice;

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

    void accept(KernelLineEvent e) {
        Integer offset = e.offset();
        if (!offsets.contains(offset)) {
            throw new IllegalStateException("GPIO line event for offset " + offset + ", which was not requested"
                    + " (requested: " + new TreeSet<>(offsets) + ")");
        }
        long debounce = debounceNanos.getOrDefault(offset, 0L);
        long time = timeBase.toRigNanos(e.timestampNanos()) - debounce;
        long uncertainty = timeBase.uncertaintyNanos() + edgeUncertaintyNanos + debounce;

        if (offsets.size() > 1) {
            long missing = Math.floorMod(e.seqno() - (lastSeqno + 1), MOD);
            lastSeqno = e.seqno();
            if (missing > 0) {
                lostByRequestGap += missing;
                sink.lost(offsets, missing, time, LossEvidence.REQUEST_SEQUENCE_GAP);
            }
        }
        long lineMissing = Math.floorMod(e.lineSeqno() - (lastLineSeqno.get(offset) + 1), MOD);
        lastLineSeqno.put(offset, e.lineSeqno());
        if (lineMissing > 0) {
            lostByLineGap += lineMissing;
            sink.lost(Set.of(offset), lineMissing, time, LossEvidence.LINE_SEQUENCE_GAP);
        } else if (lastHigh.get(offset) == e.rising()) {
            sameEdgeTwice++;
            sink.lost(Set.of(offset), 1, time, LossEvidence.SAME_EDGE_TWICE);
        }
        lastHigh.put(offset, e.rising());
        edges++;
        sink.edge(offset, e.rising(), time, uncertainty);
    }

    /** Counts so far. */
    Counters counters() {
        return new Counters(edges, lostByRequestGap, lostByLineGap, sameEdgeTwice);
    }

    /**
     * @param edges edges delivered
     * @param lostByRequestGap edges missing from the request-wide sequence
     * @param lostByLineGap edges missing from the lines' own sequences (the same losses, attributed to lines)
     * @param sameEdgeTwice edge pairs in the same direction with no sequence gap
     */
    record Counters(long edges, long lostByRequestGap, long lostByLineGap, long sameEdgeTwice) {
    }
}
