package org.hilrig.runner.rig;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.sim.Machine;

/**
 * Makes simulated rigs: each a fresh {@link Machine} with the reference board profiles, a board under test
 * (the other board emulated or modelled), defects and a seed. Also says what the simulated rig offers
 * (its inputs, lines, faults with their parameters, defects), from which the scenario vocabulary is made.
 * The profiles come from the caller ({@code profile.ReferenceProfiles} reads the installation's). Immutable;
 * thread-safe.
 */
public final class SimRigs {
    /** The inputs the simulated rig drives (Machine.drive). */
    static final List<String> RIG_INPUTS = List.of("PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START");
    private static final Set<String> INPUTS = Set.copyOf(RIG_INPUTS);

    private final BoardProfile gen;
    private final BoardProfile tub;
    /** What the rig of each configuration offers ({@code "GEN/true"}), found from a machine once. */
    private final java.util.Map<String, Offer> offers = new java.util.concurrent.ConcurrentHashMap<>();

    /** The lines a simulated rig of one configuration drives and observes, in the machine's order. */
    private record Offer(Set<String> drives, Set<String> observes) {
    }

    public SimRigs(BoardProfile gen, BoardProfile tub) {
        this.gen = gen;
        this.tub = tub;
    }

    /** The generator's board profile. */
    public BoardProfile genProfile() {
        return gen;
    }

    /** The tube controller's board profile. */
    public BoardProfile tubProfile() {
        return tub;
    }

    /** The inputs the simulated rig drives. */
    public Set<String> inputs() {
        return INPUTS;
    }

    /** Every line a scenario may observe on some simulated rig (GEN with TUB, or TUB alone), inputs included. */
    public Set<String> lines() {
        Set<String> lines = new LinkedHashSet<>();
        lines.addAll(machine(Board.GEN, true, 0, Set.of()).lineNames());
        lines.addAll(machine(Board.TUB, false, 0, Set.of()).lineNames());
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

    private Offer offer(Board board, boolean emulateOther) {
        return offers.computeIfAbsent(board + "/" + emulateOther, k -> {
            Machine m = machine(board, emulateOther, 0, Set.of());
            Set<String> drives = new LinkedHashSet<>();
            for (String input : RIG_INPUTS) {
                if (m.signals().findDigital("rig." + input.toLowerCase(java.util.Locale.ROOT)) != null) {
                    drives.add(input);
                }
            }
            return new Offer(java.util.Collections.unmodifiableSet(drives),
                    java.util.Collections.unmodifiableSet(new LinkedHashSet<>(m.lineNames())));
        });
    }

    /** Every plant fault by name, with the parameters it takes (besides the machine's own 'after' and 'when'). */
    public java.util.Map<String, Set<String>> faults() {
        java.util.Map<String, Set<String>> faults = new java.util.LinkedHashMap<>();
        for (String f : Machine.faultNames()) {
            faults.put(f, Machine.faultParameters(f).keySet());
        }
        return faults;
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

    /**
     * A fresh simulated rig at time 0: the board under test, the other board emulated or modelled, a seed
     * and defect names.
     *
     * @throws IllegalArgumentException for an unknown defect
     */
    public Rig open(Board board, boolean emulateOtherBoard, long seed, List<String> defects) {
        Set<Defect> set = EnumSet.noneOf(Defect.class);
        for (String d : defects) {
            set.add(Defect.byName(d));
        }
        return new SimRig(machine(board, emulateOtherBoard, seed, set));
    }

    /**
     * Injects {@code fault} into {@code machine} now. The bridge to replace with {@code machine.inject(fault)}
     * once {@link Machine} takes a {@link PlantFault}: until then the fault goes back to its name and
     * parameter texts (durations as whole nanoseconds, numbers as Java writes them, which read back exactly).
     *
     * @throws IllegalArgumentException when the machine has no model for the fault (a tube fault on a rig
     *     without a tube)
     */
    public static void inject(Machine machine, PlantFault fault) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (fault instanceof PlantFault.ArcBurst f) {
            p.put("arcs", f.arcs());
            p.put("spacing", f.spacingNanos());
        } else if (fault instanceof PlantFault.HardShort f) {
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.RotorSlow f) {
            p.put("factor", f.factor());
        } else if (fault instanceof PlantFault.OverKv f) {
            p.put("factor", f.factor());
        } else if (fault instanceof PlantFault.KvRegulation f) {
            p.put("factor", f.factor());
        } else if (fault instanceof PlantFault.AecStop f) {
            p.put("after_xray_on", f.afterXrayOnNanos());
        } else if (fault instanceof PlantFault.HandswitchMismatch f) {
            p.put("channel", f.channel().name());
        } else if (fault instanceof PlantFault.BrownOut f) {
            p.put("depth_v", f.depthVolts());
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.PowerLoss f) {
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.FirmwareHang f) {
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.LinkCut f) {
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.SerialNoise f) {
            p.put("bytes", f.bytes());
        } else if (fault instanceof PlantFault.SerialFlood f) {
            p.put("length", f.lengthNanos());
        } else if (fault instanceof PlantFault.TubeOverheat f) {
            p.put("joules", f.joules());
        }
        machine.inject(fault.kind().faultName(), p);
    }

    private Machine machine(Board board, boolean emulateOther, long seed, Set<Defect> defects) {
        return Machine.builder().genProfile(gen).tubProfile(tub).boardUnderTest(board).emulateOtherBoard(emulateOther)
                .defects(defects).seed(seed).build();
    }
}
