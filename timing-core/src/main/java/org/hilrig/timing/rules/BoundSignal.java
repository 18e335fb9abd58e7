package org.hilrig.timing.rules;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;

/**
 * One trace signal that some rule names: its level as settled at the last complete time stamp, the last
 * definite level it held, and the edge (if any) that the last settled stamp made. Levels are settled only
 * after every change at a stamp, so a glitch inside one stamp makes no edge.
 */
final class BoundSignal {
    final SignalInfo info;
    final List<Monitor> monitors = new ArrayList<>(2);
    private Level level;
    private Level lastDefinite;
    private Level pendingLevel;
    private boolean touched;
    private Edge edge;
    private long edgeNanos = Long.MIN_VALUE;
    private boolean edged;

    BoundSignal(SignalInfo info) {
        this.info = info;
    }

    /** Records a change at the stamp being collected; returns true when it is the first at that stamp. */
    boolean change(Level newLevel) {
        pendingLevel = newLevel;
        boolean first = !touched;
        touched = true;
        return first;
    }

    /** Makes the stamp's last value the level, and notes an edge when it completes a definite change. */
    void settle(long stampNanos) {
        touched = false;
        level = pendingLevel;
        if (level == Level.HIGH || level == Level.LOW) {
            if (lastDefinite != null && lastDefinite != level) {
                edge = Edge.to(level);
                edgeNanos = stampNanos;
                edged = true;
            }
            lastDefinite = level;
        }
    }

    boolean hasEdge(Edge wanted, long stampNanos) {
        return edgeNanos == stampNanos && edge == wanted;
    }

    /** True once the signal has made an edge (changed between definite levels) anywhere in the trace. */
    boolean edged() {
        return edged;
    }

    /** True when the settled level is {@code wanted} (a definite level). */
    boolean is(Level wanted) {
        return level == wanted;
    }

    /** True unless the settled level is the other definite level: unknown, floating and no value yet may be it. */
    boolean mayBe(Level wanted) {
        return level == wanted || (level != Level.HIGH && level != Level.LOW);
    }
}
