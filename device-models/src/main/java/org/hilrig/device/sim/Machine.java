package org.hilrig.device.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hilrig.device.board.BoardDefinition;
import org.hilrig.device.board.BoardMount;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.Mode;
import org.hilrig.device.fault.FaultText;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.GeneratorFirmware;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.firmware.TubeFirmware;
import org.hilrig.device.plant.Thermal;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;

/**
 * The emulated rig in one object: the board under test running its firmware, the other boards (emulated or
 * plant-level models), the plant and the wiring, on its own {@link Scheduler}, recording into its own {@link
 * Trace}. It boots at t=0 (the firmware starts after its boot time); nothing runs until the scheduler does.
 * The boards come from {@link Boards}; {@link MachineAssembly} mounts them, {@link LineDirectory} names
 * their lines, {@link MachineFaults} and each board's plant part make the faults. See the package
 * description for the facade as a whole.
 *
 * <p>Signal paths are stable: {@code rig.*} what the rig drives, {@code plant.*} plant outputs,
 * {@code gen.*} and {@code tub.*} the boards' pins. {@link #line} also takes the logical names of domain.md.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Machine {
    private final MachineAssembly parts;
    private final LineDirectory lines;
    private final MachineFaults machineFaults;

    private Machine(Builder b) {
        Map<Board, Mode> modes = MachineAssembly.modes(b.underTest, b.emulateOther);
        this.parts = new MachineAssembly(b.underTest, modes, b.profiles, b.defects, b.seed, b.wiring, b.declare, b.instruments);
        this.lines = new LineDirectory(parts.signals, b.underTest, modes.keySet());
        this.machineFaults = new MachineFaults(parts.scheduler, parts.supply, parts.hostLink,
                parts.mounts.get(b.underTest).mcu().orElseThrow(), parts.random.stream("plant.serial_noise"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Scheduler scheduler() {
        return parts.scheduler;
    }

    public SignalSet signals() {
        return parts.signals;
    }

    public Trace trace() {
        return parts.trace;
    }

    public Board boardUnderTest() {
        return parts.underTest;
    }

    /** The boards of this machine, in {@link Board} order. */
    public Set<Board> boards() {
        return Collections.unmodifiableSet(parts.mounts.keySet());
    }

    public Wiring wiring() {
        return parts.wiring;
    }

    /** The emulated generator firmware, or null when there is none (TUB tested alone). */
    public GeneratorFirmware generator() {
        return part(Board.GEN, GeneratorFirmware.class);
    }

    /** The emulated tube-controller firmware, or null when the tube controller is plant-level. */
    public TubeFirmware tube() {
        return part(Board.TUB, TubeFirmware.class);
    }

    /** The tube's thermal plant (anode and housing), which every machine has. */
    public Thermal thermal() {
        return parts.part(Thermal.class);
    }

    private <T> T part(Board board, Class<T> type) {
        return parts.mounts.containsKey(board) ? parts.mounts.get(board).part(type).orElse(null) : null;
    }

    /** Runs the simulation for {@code nanos} of virtual time from now. */
    public void runFor(long nanos) {
        parts.scheduler.runUntil(parts.scheduler.nowNanos() + nanos);
    }

    /**
     * A hardware line by its logical name (domain.md: {@code XRAY_ON}, {@code TUB_FAULT}) or its signal path
     * ({@code gen.hv_enable}); a logical name means the pin of the board that owns the line ({@link LineDirectory}).
     *
     * @throws IllegalArgumentException naming the line and the known names
     */
    public DigitalSignal line(String name) {
        String path = lines.path(name);
        DigitalSignal s = path == null ? null : parts.signals.findDigital(path);
        if (s == null) {
            throw new IllegalArgumentException("no line '" + name + "' in this machine; logical names: "
                    + lineNames() + ", or a signal path such as gen.hv_enable");
        }
        return s;
    }

    /** The logical line names this machine has. */
    public Set<String> lineNames() {
        return lines.names();
    }

    /** The analog signal names this machine has ({@code KV_FB}, {@code MA_FB}, {@code ROTOR_RPM}). */
    public Set<String> analogNames() {
        return lines.analogNames();
    }

    /** The lines the rig drives ({@link #drive}), in the boards' order. */
    public List<String> drivableLines() {
        return lines.drivable();
    }

    /**
     * Drives a rig input: {@code PREP_REQ}, {@code EXP_REQ_A}, {@code EXP_REQ_B}, {@code AEC_STOP}, and
     * {@code ROTOR_START} when a tube controller is tested without a generator ({@link #drivableLines}).
     * {@code active} is the logical state. The handswitch model adds contact bounce between the rig and the pin.
     *
     * @throws IllegalArgumentException for any other name
     */
    public void drive(String name, boolean active) {
        String path = lines.drivePath(name);
        if (path == null) {
            throw new IllegalArgumentException("'" + name + "' is not a rig-driven input of this machine (allowed: "
                    + String.join(", ", lines.drivable()) + ")");
        }
        parts.signals.findDigital(path).set(active);
    }

    /**
     * Samples every board's analog feedback ({@code KV_FB}, {@code MA_FB}) every {@code periodNanos} from now on
     * while there is something to see, as a rig's acquisition triggered on the board's output would (the
     * generator: from HV_ENABLE on until kV and current are back at 0), each value published on its signal (and
     * so in the trace). Sampling reads the plant and changes nothing in it: what the boards do is the same with
     * it or without. Asked again, it changes nothing.
     *
     * @throws IllegalArgumentException when the period is not above 0
     */
    public void sampleAnalogs(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("an analog sample period is above 0, found " + periodNanos + " ns");
        }
        for (BoardMount m : parts.mounts.values()) {
            m.sampleAnalogs(parts.scheduler, periodNanos);
        }
    }

    /** An analog signal by name: {@code KV_FB}, {@code MA_FB}, {@code ROTOR_RPM}, or a signal path. */
    public AnalogSignal analog(String name) {
        AnalogSignal s = parts.signals.findAnalog(lines.analogPath(name));
        if (s == null) {
            throw new IllegalArgumentException("no analog signal '" + name + "' in this machine (allowed: "
                    + String.join(", ", lines.analogNames()) + ", or a signal path)");
        }
        return s;
    }

    /** The host end of the board-under-test's serial cable. */
    public HostLink hostLink() {
        return parts.hostLink;
    }

    /** The board-under-test's serial counters since the machine was built (overruns, dropped replies, ...). */
    public SerialCounters serialCounters() {
        return parts.mounts.get(parts.underTest).serialCounters();
    }

    /** Every fault name {@link #inject} accepts, in a stable order. */
    public static Set<String> faultNames() {
        return FaultText.names();
    }

    /** The parameters a fault takes besides {@code after} and {@code when}, with their defaults. */
    public static Map<String, String> faultParameters(String faultName) {
        return FaultText.kind(faultName).defaults();
    }

    /** The plant faults this machine can make: its own and those of its boards' plant parts. */
    public Set<PlantFault.Kind> acceptedFaults() {
        Set<PlantFault.Kind> kinds = EnumSet.copyOf(MachineFaults.KINDS);
        for (Board b : parts.mounts.keySet()) {
            kinds.addAll(Boards.of(b).faults());
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** Injects a fault now with its default parameters. */
    public void inject(String faultName) {
        inject(faultName, Map.of());
    }

    /**
     * Injects a fault now.
     *
     * @throws IllegalArgumentException for a fault this machine has no part for (no generator: no HV tank)
     */
    public void inject(PlantFault fault) {
        prepare(fault).run();
    }

    /**
     * Injects a fault by name, now or as {@code after} / {@code when} say.
     *
     * @param params parameter values: texts ({@code "5ms"}, {@code "4"}) or numbers (durations as whole
     *     nanoseconds)
     * @throws IllegalArgumentException for an unknown fault or parameter, or a value that does not parse,
     *     naming the value and what is allowed; or a fault this machine has no model for
     */
    public void inject(String faultName, Map<String, ?> params) {
        Map<String, String> texts = new LinkedHashMap<>();
        params.forEach((k, v) -> texts.put(k, String.valueOf(v)));
        Runnable action = prepare(FaultText.parse(faultName, texts));
        machineFaults.schedule(faultName, action, texts.get("after"), texts.get("when"), this::line);
    }

    private Runnable prepare(PlantFault f) {
        if (MachineFaults.KINDS.contains(f.kind())) {
            return machineFaults.prepare(f);
        }
        for (Map.Entry<Board, BoardMount> e : parts.mounts.entrySet()) {
            if (Boards.of(e.getKey()).faults().contains(f.kind())) {
                return e.getValue().faults().prepare(f);
            }
        }
        BoardDefinition owner = Boards.all().stream().filter(d -> d.faults().contains(f.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no part of any machine makes fault " + f.kind().faultName()));
        throw new IllegalArgumentException(owner.absentFault(f.kind()));
    }

    /** Configures and builds a {@link Machine}. */
    public static final class Builder {
        private final Map<Board, BoardProfile> profiles = new EnumMap<>(Board.class);
        private Board underTest = Board.GEN;
        private boolean emulateOther;
        private Set<Defect> defects = Set.of();
        private long seed;
        private Wiring wiring;
        private Consumer<SignalSet> declare;
        private Set<String> instruments = Set.of();

        private Builder() {
        }

        /** A board's profile (the board is the profile's); one per board, the last one given counts. */
        public Builder profile(BoardProfile p) {
            profiles.put(p.board(), p);
            return this;
        }

        public Builder genProfile(BoardProfile p) {
            return profile(checked(p, Board.GEN, "genProfile"));
        }

        public Builder tubProfile(BoardProfile p) {
            return profile(checked(p, Board.TUB, "tubProfile"));
        }

        private static BoardProfile checked(BoardProfile p, Board board, String what) {
            if (p.board() != board) {
                throw new IllegalArgumentException(what + ": a profile of board " + p.board() + " (needs " + board + ")");
            }
            return p;
        }

        public Builder boardUnderTest(Board b) {
            this.underTest = b;
            return this;
        }

        /** True: the other boards run their emulated firmware too; false (default): plant-level models where a board has one, else absent. */
        public Builder emulateOtherBoard(boolean emulate) {
            this.emulateOther = emulate;
            return this;
        }

        public Builder defects(Set<Defect> d) {
            this.defects = Set.copyOf(d);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Replaces the boards' wiring (e.g. {@code Wiring.of(boards).withDelay("gen.door_closed", 5000)}). */
        public Builder wiring(Wiring w) {
            this.wiring = w;
            return this;
        }

        /** Declares extra signals (a rig's own) before the trace starts. */
        public Builder declare(Consumer<SignalSet> declarations) {
            this.declare = declarations;
            return this;
        }

        /**
         * The rig's instruments on the machine, by analog line ({@code DOSE}: a dosimeter in the beam); the default
         * none. An instrument's line is in the trace only when it is here, so runs that do not measure with it keep
         * their traces.
         */
        public Builder instruments(Set<String> analogLines) {
            this.instruments = Set.copyOf(analogLines);
            return this;
        }

        public Machine build() {
            return new Machine(this);
        }
    }
}
