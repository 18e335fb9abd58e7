package org.hilrig.runner.gpio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.LineAssignment;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;

/**
 * {@link RigLines} over {@link ElectricalPins}: the fixture's lines with their polarity applied (here, and
 * only here: {@link PinClaim#of} on the way down, {@link org.hilrig.runner.fixture.Polarity#active} on the
 * way up), their safe states, the stamps of writes, and the fan-out of input events to listeners.
 */
final class WiredLines implements RigLines {
    private final RigFixture fixture;
    private final Clock clock;
    private final ElectricalPins pins;
    private final Map<HardwareLine, LineAssignment> byLine = new HashMap<>();
    private final Map<Integer, LineAssignment> byPin = new HashMap<>();
    private final List<LineEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private boolean closed;

    private WiredLines(RigFixture fixture, Clock clock, ElectricalPins pins) {
        this.fixture = fixture;
        this.clock = clock;
        this.pins = pins;
        for (LineAssignment a : fixture.lines()) {
            byLine.put(a.line(), a);
            byPin.put(a.bcmPin(), a);
        }
    }

    /** Claims the fixture's pins through {@code claimer} (outputs at their initial state) and starts listening. */
    static WiredLines open(RigFixture fixture, Clock clock, ElectricalPins.Claimer claimer) {
        List<PinClaim> claims = new ArrayList<>();
        for (LineAssignment a : fixture.lines()) {
            claims.add(PinClaim.of(a));
        }
        WiredLines lines = new WiredLines(fixture, clock, claimer.claim(claims));
        lines.pins.listen(lines.new Sink());
        return lines;
    }

    @Override
    public Stamp drive(HardwareLine line, boolean active) {
        OutputLine out = output(line);
        synchronized (lock) {
            if (closed) {
                throw new RigFailureException("rig " + fixture.name() + ": cannot drive " + line + ", the lines are closed");
            }
            long before = clock.nowNanos();
            pins.set(out.bcmPin(), out.polarity().electricalHigh(active));
            long after = clock.nowNanos();
            return Stamp.between(before, after);
        }
    }

    @Override
    public boolean read(HardwareLine line) {
        LineAssignment a = byLine.get(line);
        if (a == null) {
            throw new IllegalArgumentException("rig " + fixture.name() + ": " + line + " is not wired (wired: "
                    + fixture.lines().stream().map(l -> l.line().name()).toList() + ")");
        }
        synchronized (lock) {
            return a.polarity().active(pins.isHigh(a.bcmPin()));
        }
    }

    @Override
    public void subscribe(LineEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void safeState() {
        synchronized (lock) {
            List<String> failures = new ArrayList<>();
            List<RuntimeException> causes = new ArrayList<>();
            for (OutputLine o : fixture.outputs()) {
                try {
                    pins.set(o.bcmPin(), o.polarity().electricalHigh(o.safeActive()));
                } catch (RuntimeException e) {
                    failures.add(o.line() + " (" + e.getMessage() + ")");
                    causes.add(e);
                }
            }
            if (!causes.isEmpty()) {
                RigFailureException e = new RigFailureException("rig " + fixture.name() + ": safe state not reached on "
                        + String.join(", ", failures), causes.get(0));
                causes.subList(1, causes.size()).forEach(e::addSuppressed);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                safeState();
            } finally {
                closed = true;
                pins.close();
            }
        }
    }

    private OutputLine output(HardwareLine line) {
        LineAssignment a = byLine.get(line);
        if (a instanceof OutputLine o) {
            return o;
        }
        throw new IllegalArgumentException("rig " + fixture.name() + ": " + line + " is not wired as an output (outputs: "
                + fixture.outputs().stream().map(o -> o.line().name()).toList() + ")");
    }

    private void publish(LineEvent event) {
        for (LineEventListener l : listeners) {
            l.onLineEvent(event);
        }
    }

    /** Electrical events from the pins, turned logical. */
    private final class Sink implements PinEdgeSink {
        @Override
        public void edge(int bcmPin, boolean high, long timeNanos, long uncertaintyNanos) {
            LineAssignment a = byPin.get(bcmPin);
            if (a != null) {
                publish(new LineEdge(a.line(), a.polarity().active(high), timeNanos, uncertaintyNanos));
            }
        }

        @Override
        public void lost(Set<Integer> bcmPins, long missingEdges, long timeNanos, LossEvidence evidence) {
            Set<HardwareLine> lines = new java.util.TreeSet<>();
            for (Integer p : bcmPins) {
                LineAssignment a = byPin.get(p);
                if (a != null) {
                    lines.add(a.line());
                }
            }
            publish(new EdgesLost(lines, missingEdges, timeNanos, evidence));
        }
    }
}
