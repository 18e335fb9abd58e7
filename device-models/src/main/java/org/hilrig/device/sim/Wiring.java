package org.hilrig.device.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Which output drives which input, by signal path, with an optional propagation delay. The machine builds
 * the standard wiring for its configuration ({@link #standard}); a test or fixture may delay any wire by
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
     * The standard wiring: plant interlocks, comparators and sensors into the generator's pins, the rotor
     * handshake between generator and tube controller (or the rig's ROTOR_START into a tube controller
     * tested alone). The handswitch and AEC are not wires: their models sit between rig and pins.
     */
    public static Wiring standard(boolean withGenerator, boolean tubeFromRig) {
        List<Wire> w = new ArrayList<>();
        if (withGenerator) {
            w.add(new Wire("plant.door_closed", "gen.door_closed", 0));
            w.add(new Wire("plant.estop_ok", "gen.estop_ok", 0));
            w.add(new Wire("plant.thermal_ok", "gen.thermal_ok", 0));
            w.add(new Wire("plant.kv_ok", "gen.kv_ok", 0));
            w.add(new Wire("plant.arc", "gen.arc_detect", 0));
            w.add(new Wire("plant.fil_ok", "gen.fil_ok", 0));
            w.add(new Wire("gen.rotor_start", "tub.rotor_start", 0));
            w.add(new Wire("tub.rotor_ready", "gen.rotor_ready", 0));
        }
        if (tubeFromRig) {
            w.add(new Wire("rig.rotor_start", "tub.rotor_start", 0));
        }
        return new Wiring(w);
    }
}
