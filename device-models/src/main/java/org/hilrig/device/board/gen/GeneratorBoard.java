package org.hilrig.device.board.gen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.GeneratorDefects;
import org.hilrig.device.firmware.GeneratorFirmware;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.ProfileSchema;
import org.hilrig.device.protocol.BoardProtocol;

/**
 * The high-voltage generator controller: handswitch, interlocks, HV inverter and exposure timing. Its plant
 * part is the HV tank with its filament, the handswitch contacts and the AEC chamber. Always emulated (there
 * is no plant-level model of a generator). Immutable; the one instance is {@link #DEFINITION}.
 */
public final class GeneratorBoard implements BoardDefinition {
    public static final GeneratorBoard DEFINITION = new GeneratorBoard();

    private static final List<LineSpec> LINES = List.of(
            LineSpec.rig("PREP_REQ"), LineSpec.rig("EXP_REQ_A"), LineSpec.rig("EXP_REQ_B"),
            LineSpec.plant("DOOR_CLOSED", true), LineSpec.plant("ESTOP_OK", true), LineSpec.plant("THERMAL_OK", true),
            LineSpec.partner("ROTOR_READY", Board.TUB), LineSpec.rig("AEC_STOP"),
            LineSpec.out("READY"), LineSpec.out("HV_ENABLE"), LineSpec.out("XRAY_ON"), LineSpec.out("ROTOR_START"),
            LineSpec.out("FAULT"), LineSpec.out("ALIVE"));
    private static final Set<Kind> FAULTS = EnumSet.of(Kind.DOOR_OPEN, Kind.DOOR_CLOSE, Kind.ESTOP_PRESS,
            Kind.ESTOP_RELEASE, Kind.ARC, Kind.ARC_BURST, Kind.HARD_SHORT, Kind.SHORT_CLEAR,
            Kind.DISCHARGE_OPEN, Kind.DISCHARGE_REPAIR, Kind.FILAMENT_OPEN,
            Kind.FILAMENT_REPAIR, Kind.OVER_KV, Kind.KV_REGULATION, Kind.KV_NORMAL, Kind.AEC_STOP,
            Kind.AEC_NEVER_STOPS, Kind.HANDSWITCH_STUCK, Kind.HANDSWITCH_FREE, Kind.HANDSWITCH_MISMATCH,
            Kind.EXPOSURE_TIMER_LOST);
    private static final Map<Kind, LineLevel> LINE_FAULTS = lineFaultTable();

    private GeneratorBoard() {
    }

    private static Map<Kind, LineLevel> lineFaultTable() {
        Map<Kind, LineLevel> m = new LinkedHashMap<>();
        m.put(Kind.DOOR_OPEN, new LineLevel("DOOR_CLOSED", false));
        m.put(Kind.DOOR_CLOSE, new LineLevel("DOOR_CLOSED", true));
        m.put(Kind.ESTOP_PRESS, new LineLevel("ESTOP_OK", false));
        m.put(Kind.ESTOP_RELEASE, new LineLevel("ESTOP_OK", true));
        m.put(Kind.THERMAL_SWITCH_OPEN, new LineLevel("THERMAL_OK", false));
        m.put(Kind.THERMAL_SWITCH_CLOSE, new LineLevel("THERMAL_OK", true));
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public Board board() {
        return Board.GEN;
    }

    @Override
    public String title() {
        return "the generator";
    }

    @Override
    public List<LineSpec> lines() {
        return LINES;
    }

    @Override
    public Map<String, String> analogs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("KV_FB", "plant.kv_fb");
        m.put("MA_FB", "plant.ma_fb");
        m.put("DOSE", "plant.dose"); // the rig's dosimeter: on the machine only when a run measures with it
        return m;
    }

    @Override
    public Map<String, String> analogUnits() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("KV_FB", "kV");
        m.put("MA_FB", "mA");
        m.put("DOSE", "uGy/s");
        return m;
    }

    @Override
    public BoardProtocol protocol() {
        return GeneratorFirmware.PROTOCOL;
    }

    @Override
    public Set<Kind> faults() {
        return java.util.Collections.unmodifiableSet(FAULTS);
    }

    @Override
    public Map<Kind, LineLevel> lineFaults() {
        return LINE_FAULTS;
    }

    @Override
    public Set<Mode> modes() {
        return Set.of(Mode.EMULATED);
    }

    @Override
    public boolean takesTechnique() {
        return true;
    }

    /** The plant's interlocks, comparators and sensors into the pins, and the rotor handshake with a tube controller. */
    @Override
    public List<Wire> wires(Set<Board> present) {
        List<Wire> w = new ArrayList<>(List.of(
                new Wire("plant.door_closed", "gen.door_closed", 0),
                new Wire("plant.estop_ok", "gen.estop_ok", 0),
                new Wire("plant.thermal_ok", "gen.thermal_ok", 0),
                new Wire("plant.kv_ok", "gen.kv_ok", 0),
                new Wire("plant.arc", "gen.arc_detect", 0),
                new Wire("plant.fil_ok", "gen.fil_ok", 0)));
        if (present.contains(Board.TUB)) {
            w.add(new Wire("gen.rotor_start", "tub.rotor_start", 0));
            w.add(new Wire("tub.rotor_ready", "gen.rotor_ready", 0));
        }
        return w;
    }

    @Override
    public String absentFault(Kind kind) {
        String part = switch (kind) {
            case DOOR_OPEN, DOOR_CLOSE -> "plant.door_closed";
            case ESTOP_PRESS, ESTOP_RELEASE -> "plant.estop_ok";
            case AEC_STOP, AEC_NEVER_STOPS -> "AEC";
            case HANDSWITCH_STUCK, HANDSWITCH_FREE, HANDSWITCH_MISMATCH -> "handswitch";
            case EXPOSURE_TIMER_LOST -> "generator";
            default -> "HV tank";
        };
        return "fault " + kind.faultName() + ": this machine has no " + part
                + (kind == Kind.EXPOSURE_TIMER_LOST ? "" : " (no generator)");
    }

    @Override
    public ProfileSchema profileSchema() {
        return GeneratorKeys.SCHEMA;
    }

    @Override
    public List<Defect> defects() {
        return GeneratorDefects.ALL;
    }

    @Override
    public BoardMount mount(Mode mode, BoardProfile profile) {
        if (mode != Mode.EMULATED) {
            throw new IllegalArgumentException("board GEN has no " + mode + " form (allowed: " + modes() + ")");
        }
        return new GeneratorMount(profile);
    }
}
