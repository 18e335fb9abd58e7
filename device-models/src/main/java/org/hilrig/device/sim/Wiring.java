package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.Wire;
import org.hilrig.device.profile.Board;

/**
 * Which output drives which input, by signal path, with an optional propagation delay. The machine builds
 * its boards' wiring ({@link #of}); a test or fixture may delay any wire by
 * naming its destination ({@link #withDelay}).
 *
 * @param wires every wire, in the order edges are propagated
 */
public record Wiring(List<Wire> wires) {
    public Wiring {
        wires = List.copyOf(wires);
    }

    /** A copy in which the wire into {@code toPath} has this delay. */
    public Wiring withDelay(String toPath, long delayNanos) {
        List<Wire> out = new ArrayList<>();
        boolean found = false;
        for (Wire w : wires) {
            if (w.to().equals(toPath)) {
                out.add(new Wire(w.from(), w.to(), delayNanos));
                found = true;
            } else {
                out.add(w);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no wire into " + toPath + "; wired inputs: "
                    + wires.stream().map(Wire::to).toList());
        }
        return new Wiring(out);
    }

    /** The wire into {@code toPath}, or null. */
    public Wire into(String toPath) {
        for (Wire w : wires) {
            if (w.to().equals(toPath)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The boards' own wiring: each present board's wires in {@link Board} order (plant interlocks, comparators
     * and sensors into the generator's pins, the rotor handshake between generator and tube controller, or the
     * rig's ROTOR_START into a tube controller tested alone). The handswitch and AEC are not wires: their
     * models sit between rig and pins.
     */
    public static Wiring of(Set<Board> present) {
        Set<Board> boards = present.isEmpty() ? EnumSet.noneOf(Board.class) : EnumSet.copyOf(present);
        List<Wire> w = new ArrayList<>();
        for (Board b : boards) {
            w.addAll(Boards.of(b).wires(boards));
        }
        return new Wiring(w);
    }
}
