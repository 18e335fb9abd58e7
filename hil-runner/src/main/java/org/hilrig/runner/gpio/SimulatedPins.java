package org.hilrig.runner.gpio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.Clock;

/**
 * In-memory pins: the simulated adapter under {@link RigLines}, and the far end of every wire for whoever
 * plays the board in the same process (a test, an in-process emulator). Levels are electrical, exactly as a
 * board would see them on its pins. Input edges are stamped with the clock when the board drives them and
 * carry the fixture's edge uncertainty; they are delivered on the board's calling thread.
 *
 * <p>Thread-safe. One set of pins serves one {@link RigLines}.
 */
public final class SimulatedPins {
    private final Clock clock;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, Boolean> high = new HashMap<>();
    private final Map<Integer, Boolean> isOutput = new HashMap<>();
    private PinEdgeSink sink;
    private boolean claimed;

    public SimulatedPins(Clock clock, long edgeUncertaintyNanos) {
        this.clock = clock;
        this.edgeUncertaintyNanos = edgeUncertaintyNanos;
    }

    /** The board drives a rig input pin (a board output) to an electrical level; an edge reaches the rig if it changed. */
    public void boardDrives(int bcmPin, boolean levelHigh) {
        PinEdgeSink target;
        synchronized (this) {
            if (!Boolean.FALSE.equals(isOutput.get(bcmPin))) {
                throw new IllegalArgumentException("GPIO " + bcmPin + " is not a rig input"
                        + (isOutput.containsKey(bcmPin) ? " (the rig drives it)" : " (not claimed)"));
            }
            if (high.put(bcmPin, levelHigh) == levelHigh) {
                return;
            }
            target = sink;
        }
        if (target != null) {
            target.edge(bcmPin, levelHigh, clock.nowNanos(), edgeUncertaintyNanos);
        }
    }

    /** The electrical level on a claimed pin, as the board sees it. */
    public synchronized boolean isHigh(int bcmPin) {
        Boolean h = high.get(bcmPin);
        if (h == null) {
            throw new IllegalArgumentException("GPIO " + bcmPin + " is not claimed");
        }
        return h;
    }

    synchronized ElectricalPins claim(List<PinClaim> claims) {
        if (claimed) {
            throw new IllegalStateException("these simulated pins already serve a rig");
        }
        claimed = true;
        for (PinClaim c : claims) {
            isOutput.put(c.bcmPin(), c.output());
            high.put(c.bcmPin(), c.output() && c.initialHigh());
        }
        return new Claimed();
    }

    private final class Claimed implements ElectricalPins {
        @Override
        public void set(int bcmPin, boolean levelHigh) {
            synchronized (SimulatedPins.this) {
                high.put(bcmPin, levelHigh);
            }
        }

        @Override
        public boolean isHigh(int bcmPin) {
            return SimulatedPins.this.isHigh(bcmPin);
        }

        @Override
        public void listen(PinEdgeSink s) {
            synchronized (SimulatedPins.this) {
                sink = s;
            }
        }

        @Override
        public void close() {
            synchronized (SimulatedPins.this) {
                sink = null;
            }
        }
    }
}
