package org.hilrig.device.board;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileSchema;
import org.hilrig.device.protocol.BoardProtocol;

/**
 * Everything the rig knows of one kind of board, in one place: its lines and their roles, the commands and
 * events it speaks, the plant faults its plant part accepts, the faults a rig makes by driving its lines,
 * how it takes part in a machine. One instance per {@link Board}, listed by {@link Boards}. Immutable.
 */
public interface BoardDefinition {
    Board board();

    /** What it is, for messages: {@code the generator}. */
    String title();

    /** Every hardware line of domain.md this board has, in a fixed order (the order names are listed in). */
    List<LineSpec> lines();

    /** The analog signals a scenario or test may read by name ({@code KV_FB} to {@code plant.kv_fb}), in a fixed order. */
    Map<String, String> analogs();

    /** The engineering unit of each analog signal by name ({@code KV_FB} to {@code kV}); every name of {@link #analogs()}. */
    Map<String, String> analogUnits();

    /** The commands and events its firmware speaks. */
    BoardProtocol protocol();

    /** The keys this board's profile holds ({@code fixtures/boards/*.yaml}), its own and the common ones. */
    ProfileSchema profileSchema();

    /**
     * The firmware defects an emulated board of this kind can carry, in the order {@code hil defects} lists
     * them: its own and the common ones its firmware's shared parts carry. Empty for a board without any.
     */
    List<Defect> defects();

    /** The plant faults this board's part of the plant makes, when the board is present. */
    Set<PlantFault.Kind> faults();

    /** Faults a rig on real I/O makes by driving one of this board's plant input lines. */
    Map<PlantFault.Kind, LineLevel> lineFaults();

    /** How it may take part in a machine ({@link Mode#EMULATED} always). */
    Set<Mode> modes();

    /** Whether a scenario's {@code technique:} (kV, mA, ms) applies to it. */
    boolean takesTechnique();

    /** The wires this board brings when these boards are present (into its inputs, and its handshakes with them), in order. */
    List<Wire> wires(Set<Board> present);

    /**
     * Why a machine without this board cannot make one of its faults (the message of the refusal).
     *
     * @param kind one of {@link #faults()}
     */
    String absentFault(PlantFault.Kind kind);

    /**
     * This board's part of a new machine.
     *
     * @param mode one of {@link #modes()}
     * @param profile this board's profile
     */
    BoardMount mount(Mode mode, BoardProfile profile);

    /** The line of this name, or null. */
    default LineSpec line(String name) {
        for (LineSpec l : lines()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }
}
