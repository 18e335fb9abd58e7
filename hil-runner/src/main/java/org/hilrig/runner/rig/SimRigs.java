package org.hilrig.runner.rig;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hilrig.device.board.Boards;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.Units;
import org.hilrig.device.sim.Machine;

/**
 * Makes simulated rigs: each a fresh {@link Machine} with the reference board profiles, a board under test
 * (the other board emulated or modelled), defects and a seed. Also says what the simulated rig offers
 * (its inputs, lines, faults with their parameters, defects), from which the scenario vocabulary is made.
 * The profiles come from the caller ({@code profile.ReferenceProfiles} reads the installation's). Immutable;
 * thread-safe.
 */
public final class SimRigs {
    private final Map<Board, BoardProfile> profiles = new EnumMap<>(Board.class);
    /** What the rig of each configuration offers ({@code "GEN/true"}), found from a machine once. */
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();
    /** The unit every rig of these is, or null for the nominal unit. */
    private final UnitChoice unit;

    /**
     * Which unit of a lot the boards are: its unit seed, or the serial number the board under test reports
     * (its seed follows from it, {@link Units#seedOf}). The other boards of the machine are the units of the
     * same seed.
     *
     * @param seed the unit seed, 0 or more
     * @param serial the serial number of the board under test, or null for the one the seed gives
     */
    public record UnitChoice(long seed, String serial) {
        public UnitChoice {
            if (seed < 0) {
                throw new IllegalArgumentException("a unit seed is 0 or more, found " + seed);
            }
        }

        /** The unit of a serial number. */
        public static UnitChoice ofSerial(String serial) {
            return new UnitChoice(Units.seedOf(serial), serial.trim());
        }

        /** The unit of a seed, reporting the serial number it gives. */
        public static UnitChoice ofSeed(long seed) {
            return new UnitChoice(seed, null);
        }

        /** The profile of one board of this unit: the board under test reports the chosen serial number. */
        public BoardProfile profile(BoardProfile reference, boolean underTest) {
            return underTest && serial != null ? Units.ofSerial(reference, serial) : Units.draw(reference, seed);
        }
    }

    /** The lines a simulated rig of one configuration drives and observes, in the machine's order. */
    private record Offer(Set<String> drives, Set<String> observes, Set<String> analogs) {
    }

    /**
     * @param profiles one profile per board (each board's reference profile)
     * @throws IllegalArgumentException when a board has none or two
     */
    public SimRigs(Collection<BoardProfile> profiles) {
        this(profiles, null);
    }

    private SimRigs(Collection<BoardProfile> profiles, UnitChoice unit) {
        this.unit = unit;
        for (BoardProfile p : profiles) {
            if (this.profiles.put(p.board(), p) != null) {
                throw new IllegalArgumentException("two profiles of board " + p.board());
            }
        }
        for (Board b : Board.values()) {
            if (!this.profiles.containsKey(b)) {
                throw new IllegalArgumentException("no profile of board " + b);
            }
        }
    }

    /** The same rigs, every board the given unit (its components drawn within the profiles' spreads). */
    public SimRigs ofUnit(UnitChoice choice) {
        return new SimRigs(profiles.values(), choice);
    }

    /** The boards' (reference) profiles, in {@link Board} order. */
    public Collection<BoardProfile> profiles() {
        return Collections.unmodifiableCollection(profiles.values());
    }

    /** The inputs some simulated rig drives: each board tested alone, the others modelled where they can be. */
    public Set<String> inputs() {
        Set<String> inputs = new LinkedHashSet<>();
        for (Board b : Board.values()) {
            inputs.addAll(inputs(b, false));
        }
        return inputs;
    }

    /** Every line a scenario may observe on some simulated rig (any board under test, the others emulated or not), inputs included. */
    public Set<String> lines() {
        Set<String> lines = new LinkedHashSet<>();
        for (Board b : Board.values()) {
            lines.addAll(lines(b, true));
            lines.addAll(lines(b, false));
        }
        return lines;
    }

    /** The inputs the rig for {@code board} (the other board emulated or not) drives: those its machine has. */
    public Set<String> inputs(Board board, boolean emulateOtherBoard) {
        return offer(board, emulateOtherBoard).drives();
    }

    /** The lines the rig for {@code board} (the other board emulated or not) observes, inputs included. */
    public Set<String> lines(Board board, boolean emulateOtherBoard) {
        return offer(board, emulateOtherBoard).observes();
    }

    /** The analog lines the rig for {@code board} samples: every analog line of its machine. */
    public Set<String> analogs(Board board, boolean emulateOtherBoard) {
        return offer(board, emulateOtherBoard).analogs();
    }

    private Offer offer(Board board, boolean emulateOther) {
        return offers.computeIfAbsent(board + "/" + emulateOther, k -> {
            Machine m = machine(board, emulateOther, 0, Set.of(), Set.of());
            return new Offer(Collections.unmodifiableSet(new LinkedHashSet<>(m.drivableLines())),
                    Collections.unmodifiableSet(new LinkedHashSet<>(m.lineNames())),
                    Collections.unmodifiableSet(new LinkedHashSet<>(m.analogNames())));
        });
    }

    /** Every plant fault by name, with the parameters it takes (besides the machine's own 'after' and 'when'). */
    public Map<String, Set<String>> faults() {
        Map<String, Set<String>> faults = new LinkedHashMap<>();
        for (String f : Machine.faultNames()) {
            faults.put(f, Machine.faultParameters(f).keySet());
        }
        return faults;
    }

    /** The emulator's defect names, in their declared order. */
    public Set<String> defectNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Defect d : Boards.defects()) {
            names.add(d.name());
        }
        return names;
    }

    /** The defect's canonical name (matched ignoring case), or null when the emulator has no such defect. */
    public String defectName(String name) {
        Defect d = Boards.defect(name);
        return d == null ? null : d.name();
    }

    /**
     * A fresh simulated rig at time 0: the board under test, the other board emulated or modelled, a seed
     * and defect names.
     *
     * @throws IllegalArgumentException for an unknown defect
     */
    public Rig open(Board board, boolean emulateOtherBoard, long seed, List<String> defects) {
        return open(board, emulateOtherBoard, seed, defects, Set.of());
    }

    /**
     * As {@link #open(Board, boolean, long, List)}, with the rig's instruments for the analog lines a scenario
     * measures ({@code DOSE} puts a dosimeter in the beam; the boards' own lines need none).
     */
    public Rig open(Board board, boolean emulateOtherBoard, long seed, List<String> defects, Set<String> measured) {
        Set<Defect> set = new LinkedHashSet<>();
        for (String d : defects) {
            Defect known = Boards.defect(d);
            if (known == null) {
                throw new IllegalArgumentException("unknown defect '" + d + "', allowed: " + defectNames());
            }
            set.add(known);
        }
        return new SimRig(machine(board, emulateOtherBoard, seed, set, measured));
    }

    private Machine machine(Board board, boolean emulateOther, long seed, Set<Defect> defects, Set<String> measured) {
        Machine.Builder b = Machine.builder().boardUnderTest(board).emulateOtherBoard(emulateOther).defects(defects)
                .seed(seed).instruments(measured);
        for (BoardProfile p : profiles.values()) {
            b.profile(unit == null ? p : unit.profile(p, p.board() == board));
        }
        return b.build();
    }
}
