package org.hilrig.device.board;

import java.util.Locale;
import java.util.Objects;
import org.hilrig.device.profile.Board;

/**
 * One hardware line of a board, as domain.md lists it: which side of the board's connector it is on and,
 * for an input, what drives it.
 *
 * @param name the logical name ({@code PREP_REQ}); the board's pin is {@code <prefix>.<name in lower case>}
 * @param side in or out of the board
 * @param source what drives an input ({@link Source#BOARD} for an output: the board itself)
 * @param partner for a {@link Source#PARTNER} input, the other board's output that drives it; else null
 * @param restActive the line's logical level when nothing is wrong (a permissive: door closed, e-stop not pressed)
 */
public record LineSpec(String name, Side side, Source source, LineRef partner, boolean restActive) {
    /** Which side of the board's connector. */
    public enum Side {
        /** The board reads it. */
        IN,
        /** The board drives it. */
        OUT
    }

    /** What drives a line. */
    public enum Source {
        /** The rig (the operator's handswitch, the AEC chamber). */
        RIG,
        /** The plant (door switch, e-stop chain, thermal switch): faults make it go inactive. */
        PLANT,
        /** Another board's output; the rig drives it when that board is absent. */
        PARTNER,
        /** The board itself (every output). */
        BOARD
    }

    public LineSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(source, "source");
        if ((side == Side.OUT) != (source == Source.BOARD)) {
            throw new IllegalArgumentException("line " + name + ": an output's source is BOARD, an input's is not");
        }
        if ((source == Source.PARTNER) != (partner != null)) {
            throw new IllegalArgumentException("line " + name + ": a partner exactly when the source is PARTNER");
        }
    }

    /** An input the rig drives. */
    public static LineSpec rig(String name) {
        return new LineSpec(name, Side.IN, Source.RIG, null, false);
    }

    /** An input the plant drives, at rest at {@code restActive}. */
    public static LineSpec plant(String name, boolean restActive) {
        return new LineSpec(name, Side.IN, Source.PLANT, null, restActive);
    }

    /** An input driven by another board's output of the same name. */
    public static LineSpec partner(String name, Board other) {
        return new LineSpec(name, Side.IN, Source.PARTNER, new LineRef(other, name), false);
    }

    /** An output of the board. */
    public static LineSpec out(String name) {
        return new LineSpec(name, Side.OUT, Source.BOARD, null, false);
    }

    /** The rig's own signal when the rig drives this input: {@code rig.prep_req}. */
    public String rigPath() {
        return "rig." + name.toLowerCase(Locale.ROOT);
    }

    /** The board's pin for this line: {@code gen.prep_req}. */
    public String pinPath(Board board) {
        return board.prefix() + "." + name.toLowerCase(Locale.ROOT);
    }
}
