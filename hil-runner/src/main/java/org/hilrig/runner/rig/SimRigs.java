package org.hilrig.runner.rig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.device.sim.Machine;
import org.hilrig.runner.profile.BoardProfileLoader;
import org.hilrig.runner.scenario.ProfileLimits;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.runner.scenario.Vocabulary;
import org.hilrig.timing.BadInputException;

/**
 * Makes simulated rigs: for each scenario a fresh {@link Machine} with the reference board profiles, the
 * scenario's board under test (the other board emulated or modelled as the scenario says), the run's
 * defects and the scenario's seed. Also the vocabulary scenarios are checked against: the machine's lines
 * and faults, the emulator's defects, and the words of protocol version 1. Immutable; thread-safe.
 */
public final class SimRigs implements RigFactory {
    /** The inputs the simulated rig drives (Machine.drive). */
    private static final Set<String> INPUTS = Set.of("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START");
    /** Commands of protocol version 1, both boards (protocol.md sections 4 and 5). */
    private static final Set<String> COMMANDS = Set.of("VER", "STA", "MOD", "SKV", "SMA", "SMS", "PRP", "EXP", "ABT",
            "RST", "WDG", "HBT", "FLT", "HEA", "LXP", "SRS");
    /** Events of protocol version 1, both boards. */
    private static final Set<String> EVENTS = Set.of("BOOT", "STATE", "XON", "XOFF", "ARC", "FAULT", "CLEAR");

    private final BoardProfile gen;
    private final BoardProfile tub;
    private final BoardProfileLimits limits;

    public SimRigs(BoardProfile gen, BoardProfile tub) {
        this.gen = gen;
        this.tub = tub;
        this.limits = new BoardProfileLimits(gen, tub);
    }

    /**
     * The reference profiles {@code gen-reference.yaml} and {@code tub-reference.yaml} of a folder.
     *
     * @throws BadInputException with every problem of both files
     */
    public static SimRigs fromFixtures(Path boardsDir) {
        List<String> problems = new ArrayList<>();
        BoardProfile g = load(boardsDir.resolve("gen-reference.yaml"), problems);
        BoardProfile t = load(boardsDir.resolve("tub-reference.yaml"), problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new SimRigs(g, t);
    }

    private static BoardProfile load(Path file, List<String> problems) {
        try {
            return BoardProfileLoader.load(file);
        } catch (BadInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The limits of the board profiles, as {@code profile.NAME} names them. */
    public ProfileLimits limits() {
        return limits;
    }

    /** The vocabulary of scenarios for this rig, with the given requirement ids. */
    public Vocabulary vocabulary(Set<String> requirementIds) {
        Set<String> lines = new LinkedHashSet<>();
        lines.addAll(machine(Board.GEN, true, 0, Set.of()).lineNames());
        lines.addAll(machine(Board.TUB, false, 0, Set.of()).lineNames());
        lines.removeAll(INPUTS);
        Set<String> naks = new LinkedHashSet<>();
        for (NakCode c : NakCode.values()) {
            naks.add(c.code());
        }
        java.util.Map<String, Set<String>> faults = new java.util.LinkedHashMap<>();
        for (String f : Machine.faultNames()) {
            faults.put(f, Machine.faultParameters(f).keySet());
        }
        return new Vocabulary(INPUTS, lines, faults, COMMANDS, EVENTS, naks, defectNames(),
                requirementIds, limits.names());
    }

    /** The emulator's defect names, in their declared order. */
    public Set<String> defectNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Defect d : Defect.values()) {
            names.add(d.name());
        }
        return names;
    }

    /** The defect's canonical name (matched ignoring case), or null when the emulator has no such defect. */
    public String defectName(String name) {
        for (Defect d : Defect.values()) {
            if (d.name().equalsIgnoreCase(name.trim())) {
                return d.name();
            }
        }
        return null;
    }

    @Override
    public Rig open(Scenario scenario, long seed, List<String> defects) {
        return open(scenario.board(), scenario.emulateOtherBoard(), seed, defects);
    }

    /**
     * A simulated rig for code (the Java API): the board under test by name ({@code GEN} or {@code TUB}),
     * the other board emulated or modelled, a seed and defect names.
     *
     * @throws IllegalArgumentException for an unknown board or defect
     */
    public Rig open(String board, boolean emulateOtherBoard, long seed, List<String> defects) {
        Set<Defect> set = EnumSet.noneOf(Defect.class);
        for (String d : defects) {
            set.add(Defect.byName(d));
        }
        return new SimRig(machine(Board.valueOf(board), emulateOtherBoard, seed, set));
    }

    private Machine machine(Board board, boolean emulateOther, long seed, Set<Defect> defects) {
        return Machine.builder().genProfile(gen).tubProfile(tub).boardUnderTest(board).emulateOtherBoard(emulateOther)
                .defects(defects).seed(seed).build();
    }
}
