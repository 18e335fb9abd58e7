package org.hilrig.device.sim;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.board.BoardMount;
import org.hilrig.device.board.Boards;
import org.hilrig.device.board.Mode;
import org.hilrig.device.board.MountContext;
import org.hilrig.device.board.Wire;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.plant.Supply;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;

/**
 * Builds one machine from its boards: calls each present board's {@link BoardMount} hooks phase by phase,
 * boards in {@link Board} order, so that signals are declared, listeners registered and timers armed in one
 * fixed order (the trace's bytes depend on it); then the wiring, the host's cable to the board under test,
 * and the supply. Used once, by {@link Machine}'s constructor, on the machine's thread.
 */
final class MachineAssembly implements MountContext {
    final Scheduler scheduler = new Scheduler();
    final Trace trace = new Trace();
    final SignalSet signals = new SignalSet(scheduler, trace);
    final RandomStreams random;
    final Board underTest;
    final Map<Board, BoardMount> mounts = new EnumMap<>(Board.class);
    final Map<Board, BoardProfile> profiles;
    final Wiring wiring;
    final HostLink hostLink;
    final Supply supply;
    private final Set<Defect> defects;
    private final Set<String> instruments;
    private final Map<Class<?>, Object> parts = new HashMap<>();

    /**
     * @param modes the boards present and how each takes part
     * @param profiles a profile for every present board (more are ignored)
     * @param wiring the wiring, or null for the boards' own ({@link Wiring#of})
     * @param declare the rig's own signals, declared after the pins; or null
     * @param instruments the rig's instruments on the machine ({@link #instrument})
     */
    MachineAssembly(Board underTest, Map<Board, Mode> modes, Map<Board, BoardProfile> profiles, Set<Defect> defects,
            long seed, Wiring wiring, Consumer<SignalSet> declare, Set<String> instruments) {
        this.underTest = underTest;
        this.instruments = Set.copyOf(instruments);
        this.profiles = profiles;
        this.defects = defects;
        this.random = new RandomStreams(seed);
        for (Board board : modes.keySet()) {
            if (!profiles.containsKey(board)) {
                throw new NullPointerException("a " + board + " profile is needed (" + board.prefix() + "Profile)");
            }
        }
        for (Map.Entry<Board, Mode> e : modes.entrySet()) {
            mounts.put(e.getKey(), Boards.of(e.getKey()).mount(e.getValue(), profiles.get(e.getKey())));
        }
        this.wiring = wiring != null ? wiring : Wiring.of(mounts.keySet());
        Collection<BoardMount> ms = mounts.values();
        ms.forEach(m -> m.declareRigSignals(this));
        ms.forEach(m -> m.declarePlantSignals(this));
        ms.forEach(m -> m.declarePlantAnalogs(this));
        BoardProfile first = profiles.get(mounts.keySet().iterator().next());
        AnalogSignal supplyV = signals.analog("plant.supply_v", first.number(CommonKeys.SUPPLY_VOLTS));
        ms.forEach(m -> m.declarePins(this));
        if (declare != null) {
            declare.accept(signals);
        }
        ms.forEach(m -> m.providePlant(this));
        ms.forEach(m -> m.buildPlant(this));
        for (Wire w : this.wiring.wires()) {
            DigitalSignal from = signals.findDigital(w.from());
            DigitalSignal to = signals.findDigital(w.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("wire " + w.from() + " -> " + w.to() + ": no signal "
                        + (from == null ? w.from() : w.to()));
            }
            connect(from, to, w.delayNanos());
        }
        ms.forEach(m -> m.buildController(this));
        BoardProfile own = profiles.get(underTest);
        this.hostLink = new HostLink(scheduler, mounts.get(underTest).hostUart().orElseThrow(),
                own.integer(CommonKeys.BAUD), underTest.prefix() + ".uart", trace);
        signals.start();
        this.supply = new Supply(scheduler, supplyV, own.number(CommonKeys.SUPPLY_VOLTS));
        for (Map.Entry<Board, BoardMount> e : mounts.entrySet()) {
            e.getValue().mcu().ifPresent(mcu -> supply.connect(mcu, profiles.get(e.getKey()).number(CommonKeys.BROWNOUT_VOLTS)));
        }
    }

    /**
     * Which boards a machine has and how: the board under test emulated; every board that has a plant-level
     * model present as that model, or emulated when the others are to be emulated; a board without one only
     * when the others are emulated and the board under test has an input it drives (the generator, for a
     * tube controller under test). Other boards stay out.
     */
    static Map<Board, Mode> modes(Board underTest, boolean emulateOthers) {
        Map<Board, Mode> modes = new EnumMap<>(Board.class);
        for (Board board : Board.values()) {
            boolean partner = Boards.of(underTest).lines().stream()
                    .anyMatch(l -> l.partner() != null && l.partner().board() == board);
            if (board == underTest) {
                modes.put(board, Mode.EMULATED);
            } else if (Boards.of(board).modes().contains(Mode.MODELLED)) {
                modes.put(board, emulateOthers ? Mode.EMULATED : Mode.MODELLED);
            } else if (emulateOthers && partner) {
                modes.put(board, Mode.EMULATED);
            }
        }
        return modes;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public SignalSet signals() {
        return signals;
    }

    @Override
    public RandomStreams random() {
        return random;
    }

    @Override
    public Board underTest() {
        return underTest;
    }

    @Override
    public boolean present(Board board) {
        return mounts.containsKey(board);
    }

    @Override
    public Set<Defect> defects() {
        return defects;
    }

    @Override
    public DigitalSignal digitalOnce(String path, boolean initialHigh) {
        DigitalSignal s = signals.findDigital(path);
        return s != null ? s : signals.digital(path, initialHigh);
    }

    @Override
    public <T> void provide(Class<T> type, T part) {
        if (parts.putIfAbsent(type, part) != null) {
            throw new IllegalStateException("two boards provide a " + type.getSimpleName());
        }
    }

    @Override
    public <T> T part(Class<T> type) {
        Object p = parts.get(type);
        if (p == null) {
            throw new IllegalStateException("no board of this machine provides a " + type.getSimpleName());
        }
        return type.cast(p);
    }

    @Override
    public void connect(DigitalSignal from, DigitalSignal to, long delayNanos) {
        if (delayNanos == 0) {
            from.onEdge((s, high, t) -> to.set(high));
        } else {
            from.onEdge((s, high, t) -> scheduler.after(delayNanos, to.path() + ".wire", () -> to.set(high)));
        }
    }

    @Override
    public Mcu mcu(String name, BoardProfile p) {
        return new Mcu(scheduler, name, p.nanos(CommonKeys.TICK), p.nanos(CommonKeys.IRQ_LATENCY), p.nanos(CommonKeys.BOOT_TIME));
    }

    @Override
    public boolean instrument(String analog) {
        return instruments.contains(analog);
    }
}
