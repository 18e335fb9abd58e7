package org.hilrig.device.board.tub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.board.BoardDefinition;
import org.hilrig.device.board.BoardMount;
import org.hilrig.device.board.LineLevel;
import org.hilrig.device.board.LineSpec;
import org.hilrig.device.board.Mode;
import org.hilrig.device.board.Wire;
import org.hilrig.device.fault.PlantFault.Kind;
import org.hilrig.device.firmware.CommonDefects;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.TubeFirmware;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileSchema;
import org.hilrig.device.profile.TubeKeys;
import org.hilrig.device.protocol.BoardProtocol;

/**
 * The tube controller: anode rotor drive and tube thermal supervision. Its plant part is the rotor with its
 * phase supply and the tube's thermal model, which the generator heats. Emulated, or a plant-level model
 * when it is not the board under test. Immutable; the one instance is {@link #DEFINITION}.
 */
public final class TubeBoard implements BoardDefinition {
    public static final TubeBoard DEFINITION = new TubeBoard();

    private static final List<LineSpec> LINES = List.of(LineSpec.out("ROTOR_READY"),
            LineSpec.partner("ROTOR_START", Board.GEN), LineSpec.out("ALIVE"), LineSpec.out("TUB_FAULT"));
    private static final Set<Kind> FAULTS = Collections.unmodifiableSet(EnumSet.of(Kind.THERMAL_SWITCH_OPEN,
            Kind.THERMAL_SWITCH_CLOSE, Kind.ROTOR_SLOW, Kind.ROTOR_STALL, Kind.PHASE_LOSS, Kind.ROTOR_REPAIR,
            Kind.START_RATE, Kind.TUBE_OVERHEAT));

    private TubeBoard() {
    }

    @Override
    public Board board() {
        return Board.TUB;
    }

    @Override
    public String title() {
        return "the tube controller";
    }

    @Override
    public List<LineSpec> lines() {
        return LINES;
    }

    @Override
    public Map<String, String> analogs() {
        return Map.of("ROTOR_RPM", "plant.rotor_rpm");
    }

    @Override
    public Map<String, String> analogUnits() {
        return Map.of("ROTOR_RPM", "rpm");
    }

    @Override
    public BoardProtocol protocol() {
        return TubeFirmware.PROTOCOL;
    }

    @Override
    public ProfileSchema profileSchema() {
        return TubeKeys.SCHEMA;
    }

    /** The common ones: its firmware checks frames with the shared host port and latches faults with the shared latch. */
    @Override
    public List<Defect> defects() {
        return CommonDefects.ALL;
    }

    @Override
    public Set<Kind> faults() {
        return FAULTS;
    }

    /** None: the tube controller has no plant input lines (its thermal switch reaches the generator's THERMAL_OK). */
    @Override
    public Map<Kind, LineLevel> lineFaults() {
        return Map.of();
    }

    @Override
    public Set<Mode> modes() {
        return Set.of(Mode.EMULATED, Mode.MODELLED);
    }

    @Override
    public boolean takesTechnique() {
        return false;
    }

    /** The rig's line into each input whose partner board is absent ({@code rig.rotor_start} when tested alone). */
    @Override
    public List<Wire> wires(Set<Board> present) {
        List<Wire> w = new ArrayList<>();
        for (LineSpec l : LINES) {
            if (l.partner() != null && !present.contains(l.partner().board())) {
                w.add(new Wire(l.rigPath(), l.pinPath(Board.TUB), 0));
            }
        }
        return w;
    }

    @Override
    public String absentFault(Kind kind) {
        return "fault " + kind.faultName() + ": this machine has no tube controller";
    }

    @Override
    public BoardMount mount(Mode mode, BoardProfile profile) {
        return new TubeMount(mode, profile);
    }
}
