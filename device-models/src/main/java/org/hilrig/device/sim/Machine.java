package org.hilrig.device.sim;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.firmware.GeneratorFirmware;
import org.hilrig.device.firmware.GeneratorPins;
import org.hilrig.device.firmware.SerialCounters;
import org.hilrig.device.firmware.TubeFirmware;
import org.hilrig.device.firmware.TubePins;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.plant.Aec;
import org.hilrig.device.plant.Filament;
import org.hilrig.device.plant.Handswitch;
import org.hilrig.device.plant.HvTank;
import org.hilrig.device.plant.Rotor;
import org.hilrig.device.plant.Supply;
import org.hilrig.device.plant.Thermal;
import org.hilrig.device.plant.TubeControllerModel;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.timing.Durations;
import org.hilrig.timing.random.RandomStreams;
import org.hilrig.timing.random.SeededRandom;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Trace;

/**
 * The emulated rig in one object: the board under test running its firmware, the other board (emulated or
 * plant-level), the plant and the wiring, on its own {@link Scheduler}, recording into its own {@link
 * Trace}. It boots at t=0 (the firmware starts after its boot time); nothing runs until the scheduler does.
 * See the package description for the facade as a whole.
 *
 * <p>Signal paths are stable: {@code rig.*} what the rig drives, {@code plant.*} plant outputs,
 * {@code gen.*} and {@code tub.*} the boards' pins. {@link #line} also takes the logical names of domain.md.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class Machine {
    private static final Map<String, String> GEN_LINES = new LinkedHashMap<>();

    static {
        for (String n : new String[] {"PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "DOOR_CLOSED", "ESTOP_OK", "THERMAL_OK",
                "ROTOR_READY", "AEC_STOP", "READY", "HV_ENABLE", "XRAY_ON", "ROTOR_START", "FAULT", "ALIVE"}) {
            GEN_LINES.put(n, "gen." + n.toLowerCase(Locale.ROOT));
        }
    }

    private final Board underTest;
    private final boolean emulateOther;
    private final Scheduler scheduler;
    private final Trace trace;
    private final SignalSet signals;
    private final RandomStreams random;
    private final Wiring wiring;
    private final BoardProfile genProfile;
    private final GeneratorFirmware generator;
    private final TubeFirmware tube;
    private final TubeControllerModel tubeModel;
    private final Mcu genMcu;
    private final Mcu tubMcu;
    private final HvTank tank;
    private final Filament filament;
    private final Rotor rotor;
    private final Thermal thermal;
    private final Supply supply;
    private final Aec aec;
    private final Handswitch prepSwitch;
    private final Handswitch expASwitch;
    private final Handswitch expBSwitch;
    private final HostLink hostLink;
    private final SeededRandom noise;
    private final java.util.List<org.hilrig.timing.sched.Timer> floods = new java.util.ArrayList<>();

    private Machine(Builder b) {
        this.underTest = b.underTest;
        this.emulateOther = b.emulateOther;
        this.scheduler = new Scheduler();
        this.trace = new Trace();
        this.signals = new SignalSet(scheduler, trace);
        this.random = new RandomStreams(b.seed);
        this.noise = random.stream("plant.serial_noise");
        boolean withGen = underTest == Board.GEN || emulateOther;
        boolean tubEmulated = underTest == Board.TUB || emulateOther;
        this.wiring = b.wiring != null ? b.wiring : Wiring.standard(withGen, !withGen);
        this.genProfile = b.genProfile;
        BoardProfile tubProfile = Objects.requireNonNull(b.tubProfile, "a TUB profile is needed (tubProfile)");
        if (withGen) {
            Objects.requireNonNull(genProfile, "a GEN profile is needed (genProfile)");
        }

        // ---- declare every signal (the trace header is fixed at start) ----
        DigitalSignal rigPrep = null;
        DigitalSignal rigExpA = null;
        DigitalSignal rigExpB = null;
        DigitalSignal rigAec = null;
        if (withGen) {
            rigPrep = signals.digital("rig.prep_req", false);
            rigExpA = signals.digital("rig.exp_req_a", false);
            rigExpB = signals.digital("rig.exp_req_b", false);
            rigAec = signals.digital("rig.aec_stop", false);
        }
        if (!withGen) {
            signals.digital("rig.rotor_start", false);
        }
        if (withGen) {
            signals.digital("plant.door_closed", true);
            signals.digital("plant.estop_ok", true);
            signals.digital("plant.thermal_ok", true);
            signals.digital("plant.kv_ok", false);
            signals.digital("plant.arc", false);
            signals.digital("plant.fil_ok", true);
        } else {
            signals.digital("plant.thermal_ok", true);
        }
        signals.digital("plant.phase_ok", true);
        AnalogSignal kvFb = withGen ? signals.analog("plant.kv_fb", 0.0) : null;
        AnalogSignal maFb = withGen ? signals.analog("plant.ma_fb", 0.0) : null;
        AnalogSignal rpm = signals.analog("plant.rotor_rpm", 0.0);
        AnalogSignal supplyV = signals.analog("plant.supply_v", (withGen ? genProfile : tubProfile).number(ProfileKey.SUPPLY_VOLTS));

        GeneratorPins gp = null;
        if (withGen) {
            gp = new GeneratorPins(
                    signals.digital("gen.prep_req", false), signals.digital("gen.exp_req_a", false),
                    signals.digital("gen.exp_req_b", false), signals.digital("gen.door_closed", true),
                    signals.digital("gen.estop_ok", true), signals.digital("gen.thermal_ok", true),
                    signals.digital("gen.rotor_ready", false), signals.digital("gen.aec_stop", false),
                    signals.digital("gen.kv_ok", false), signals.digital("gen.arc_detect", false),
                    signals.digital("gen.fil_ok", true),
                    signals.digital("gen.ready", false), signals.digital("gen.hv_enable", false),
                    signals.digital("gen.xray_on", false), signals.digital("gen.rotor_start", false),
                    signals.digital("gen.fault", false), signals.digital("gen.alive", false),
                    signals.digital("gen.fil_boost", false),
                    signals.analog("gen.kv_demand", 0.0), signals.analog("gen.ma_demand", 0.0),
                    this::adcKv, this::adcMa);
        }
        DigitalSignal tubStart = signals.digital("tub.rotor_start", false);
        DigitalSignal tubReady = signals.digital("tub.rotor_ready", false);
        DigitalSignal tubFault = signals.digital("tub.tub_fault", false);
        TubePins tp = null;
        if (tubEmulated) {
            tp = new TubePins(tubStart, signals.digital("tub.phase_ok", true), tubReady, tubFault,
                    signals.digital("tub.alive", false), signals.digital("tub.rotor_drive", false),
                    signals.digital("tub.rotor_brake", false), signals.analog("tub.rpm_demand", 0.0),
                    this::adcRpm, this::adcAnodeC, this::adcHousingC);
        }
        if (b.declare != null) {
            b.declare.accept(signals);
        }

        // ---- plant ----
        this.rotor = new Rotor(scheduler, new Rotor.Parameters(tubProfile.number(ProfileKey.RPM_HIGH),
                tubProfile.nanos(ProfileKey.ACCEL_TIME_HIGH), tubProfile.nanos(ProfileKey.BRAKE_TIME),
                tubProfile.nanos(ProfileKey.COAST_TIME)), rpm);
        this.thermal = new Thermal(scheduler, signals.findDigital("plant.thermal_ok"),
                tubProfile.number(ProfileKey.AMBIENT_C), tubProfile.number(ProfileKey.HOUSING_MAX_C));
        if (withGen) {
            this.tank = new HvTank(scheduler, new HvTank.Parameters(genProfile.nanos(ProfileKey.KV_RISE_TIME),
                    genProfile.number(ProfileKey.KV_ON_FRACTION), genProfile.number(ProfileKey.CABLE_CAPACITANCE_NF),
                    genProfile.number(ProfileKey.BLEED_MA), genProfile.number(ProfileKey.RIPPLE_FRACTION),
                    genProfile.number(ProfileKey.RIPPLE_FREQUENCY_HZ), genProfile.nanos(ProfileKey.ARC_DETECT_PULSE)),
                    gp.hvEnable(), gp.kvDemand(), gp.maDemand(), signals.findDigital("plant.kv_ok"),
                    signals.findDigital("plant.arc"), kvFb, maFb);
            this.filament = new Filament(scheduler, tank, gp.filamentBoost(), signals.findDigital("plant.fil_ok"),
                    genProfile.number(ProfileKey.FILAMENT_STANDBY_EMISSION), genProfile.nanos(ProfileKey.FILAMENT_HEAT_UP));
            long bounce = genProfile.nanos(ProfileKey.BOUNCE_MAX);
            this.prepSwitch = new Handswitch(scheduler, rigPrep, gp.prepReq(), random.stream("plant.handswitch.prep"), bounce);
            this.expASwitch = new Handswitch(scheduler, rigExpA, gp.expReqA(), random.stream("plant.handswitch.exp_a"), bounce);
            this.expBSwitch = new Handswitch(scheduler, rigExpB, gp.expReqB(), random.stream("plant.handswitch.exp_b"), bounce);
            this.aec = new Aec(scheduler, rigAec, gp.xrayOn(), gp.aecStop());
            GeneratorPins pins = gp;
            long[] xrayOnSince = new long[1];
            gp.xrayOn().onEdge((sig, high, t) -> {
                if (high) {
                    xrayOnSince[0] = t;
                } else {
                    thermal.deposit(pins.kvDemand().value() * pins.maDemand().value() * (t - xrayOnSince[0]) * 1e-9);
                }
            });
        } else {
            this.tank = null;
            this.filament = null;
            this.prepSwitch = null;
            this.expASwitch = null;
            this.expBSwitch = null;
            this.aec = null;
        }

        // ---- wiring ----
        for (Wire w : wiring.wires()) {
            DigitalSignal from = signals.findDigital(w.from());
            DigitalSignal to = signals.findDigital(w.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("wire " + w.from() + " -> " + w.to() + ": no signal "
                        + (from == null ? w.from() : w.to()));
            }
            connect(from, to, w.delayNanos());
        }

        // ---- boards ----
        Set<Defect> defects = b.defects;
        this.genMcu = withGen ? mcu("gen", genProfile) : null;
        this.generator = withGen ? new GeneratorFirmware(genMcu, genProfile, defects, gp) : null;
        if (tubEmulated) {
            this.tubMcu = mcu("tub", tubProfile);
            this.tube = new TubeFirmware(tubMcu, tubProfile, defects, tp);
            this.tubeModel = null;
            TubePins pins = tp;
            Runnable drive = () -> {
                if (pins.rotorDrive().isHigh()) {
                    rotor.drive(pins.rpmDemand().value());
                } else if (pins.rotorBrake().isHigh()) {
                    rotor.brake();
                } else {
                    rotor.coast();
                }
            };
            tp.rotorDrive().onEdge((s, h, t) -> drive.run());
            tp.rotorBrake().onEdge((s, h, t) -> drive.run());
            connect(signals.findDigital("plant.phase_ok"), tp.phaseOk(), 0);
        } else {
            this.tubMcu = null;
            this.tube = null;
            this.tubeModel = new TubeControllerModel(scheduler, new TubeControllerModel.Parameters(
                    tubProfile.number(ProfileKey.RPM_HIGH), tubProfile.number(ProfileKey.READY_FRACTION),
                    tubProfile.number(ProfileKey.STALL_FRACTION), tubProfile.nanos(ProfileKey.ACCEL_TIMEOUT),
                    tubProfile.nanos(ProfileKey.START_WINDOW), tubProfile.integer(ProfileKey.STARTS_MAX)),
                    rotor, tubStart, tubReady, tubFault);
        }
        BoardProfile dutProfile = underTest == Board.GEN ? genProfile : tubProfile;
        this.hostLink = new HostLink(scheduler, underTest == Board.GEN ? generator.uart() : tube.uart(),
                dutProfile.integer(ProfileKey.BAUD), underTest.prefix() + ".uart", trace);

        signals.start();
        this.supply = new Supply(scheduler, supplyV, dutProfile.number(ProfileKey.SUPPLY_VOLTS));
        if (genMcu != null) {
            supply.connect(genMcu, genProfile.number(ProfileKey.BROWNOUT_VOLTS));
        }
        if (tubMcu != null) {
            supply.connect(tubMcu, tubProfile.number(ProfileKey.BROWNOUT_VOLTS));
        }
    }

    // ADC channels read plant models that are built after the pins (hence methods, not field captures)
    private double adcKv() {
        return tank.sampleKv();
    }

    private double adcMa() {
        return tank.sampleMa();
    }

    private double adcRpm() {
        return rotor.rpm();
    }

    private double adcAnodeC() {
        return thermal.anodeC();
    }

    private double adcHousingC() {
        return thermal.housingC();
    }

    private Mcu mcu(String name, BoardProfile p) {
        return new Mcu(scheduler, name, p.nanos(ProfileKey.TICK), p.nanos(ProfileKey.IRQ_LATENCY), p.nanos(ProfileKey.BOOT_TIME));
    }

    private void connect(DigitalSignal from, DigitalSignal to, long delayNanos) {
        if (delayNanos == 0) {
            from.onEdge((s, high, t) -> to.set(high));
        } else {
            from.onEdge((s, high, t) -> scheduler.after(delayNanos, to.path() + ".wire", () -> to.set(high)));
        }
    }

    // ---- the facade ---------------------------------------------------------------------------

    public static Builder builder() {
        return new Builder();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public SignalSet signals() {
        return signals;
    }

    public Trace trace() {
        return trace;
    }

    public Board boardUnderTest() {
        return underTest;
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The emulated generator firmware, or null when there is none (TUB tested alone). */
    public GeneratorFirmware generator() {
        return generator;
    }

    /** The emulated tube-controller firmware, or null when the tube controller is plant-level. */
    public TubeFirmware tube() {
        return tube;
    }

    /** Runs the simulation for {@code nanos} of virtual time from now. */
    public void runFor(long nanos) {
        scheduler.runUntil(scheduler.nowNanos() + nanos);
    }

    /**
     * A hardware line by its logical name (domain.md: {@code XRAY_ON}, {@code DOOR_CLOSED}, {@code TUB_FAULT},
     * ...) or by its signal path ({@code gen.hv_enable}). A logical name means the pin of the board that owns
     * the line: generator lines at the generator's pins (inputs as the board sees them, after bounce and
     * wiring delay), {@code ROTOR_START} at the tube controller when the generator is absent, {@code ALIVE}
     * of the board under test.
     *
     * @throws IllegalArgumentException naming the line and the known names
     */
    public DigitalSignal line(String name) {
        String path = linePath(name);
        DigitalSignal s = path == null ? null : signals.findDigital(path);
        if (s == null) {
            throw new IllegalArgumentException("no line '" + name + "' in this machine; logical names: "
                    + lineNames() + ", or a signal path such as gen.hv_enable");
        }
        return s;
    }

    /** The logical line names this machine has. */
    public Set<String> lineNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String n : GEN_LINES.keySet()) {
            if (linePath(n) != null && signals.findDigital(linePath(n)) != null) {
                names.add(n);
            }
        }
        names.add("TUB_FAULT");
        return names;
    }

    private String linePath(String name) {
        if (name.contains(".")) {
            return name;
        }
        boolean withGen = generator != null;
        return switch (name) {
            case "TUB_FAULT" -> "tub.tub_fault";
            case "ROTOR_START" -> withGen ? "gen.rotor_start" : "tub.rotor_start";
            case "ROTOR_READY" -> withGen ? "gen.rotor_ready" : "tub.rotor_ready";
            case "ALIVE" -> underTest == Board.GEN ? "gen.alive" : "tub.alive";
            default -> withGen ? GEN_LINES.get(name) : null;
        };
    }

    /**
     * Drives a rig input: {@code PREP_REQ}, {@code EXP_REQ_A}, {@code EXP_REQ_B}, {@code AEC_STOP}, and
     * {@code ROTOR_START} when a tube controller is tested without a generator. {@code active} is the
     * logical state. The handswitch model adds contact bounce between the rig and the pin.
     *
     * @throws IllegalArgumentException for any other name
     */
    public void drive(String name, boolean active) {
        String path = switch (name) {
            case "PREP_REQ", "EXP_REQ_A", "EXP_REQ_B", "AEC_STOP", "ROTOR_START" -> "rig." + name.toLowerCase(Locale.ROOT);
            default -> null;
        };
        DigitalSignal s = path == null ? null : signals.findDigital(path);
        if (s == null) {
            throw new IllegalArgumentException("'" + name + "' is not a rig-driven input of this machine (allowed: "
                    + (generator != null ? "PREP_REQ, EXP_REQ_A, EXP_REQ_B, AEC_STOP" : "ROTOR_START") + ")");
        }
        s.set(active);
    }

    /** An analog signal by name: {@code KV_FB}, {@code MA_FB}, {@code ROTOR_RPM}, or a signal path. */
    public AnalogSignal analog(String name) {
        String path = switch (name) {
            case "KV_FB" -> "plant.kv_fb";
            case "MA_FB" -> "plant.ma_fb";
            case "ROTOR_RPM" -> "plant.rotor_rpm";
            default -> name;
        };
        AnalogSignal s = signals.findAnalog(path);
        if (s == null) {
            throw new IllegalArgumentException("no analog signal '" + name + "' in this machine (allowed: "
                    + (tank != null ? "KV_FB, MA_FB, " : "") + "ROTOR_RPM, or a signal path)");
        }
        return s;
    }

    /** The host end of the board-under-test's serial cable. */
    public HostLink hostLink() {
        return hostLink;
    }

    /** The board-under-test's serial counters since the machine was built (overruns, dropped replies, ...). */
    public SerialCounters serialCounters() {
        return underTest == Board.GEN ? generator.serialCounters() : tube.serialCounters();
    }

    /** Every fault name {@link #inject} accepts, in a stable order. */
    public static Set<String> faultNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Fault f : Fault.values()) {
            names.add(f.faultName());
        }
        return Collections.unmodifiableSet(names);
    }

    /** The parameters a fault takes besides {@code after} and {@code when}, with their defaults. */
    public static Map<String, String> faultParameters(String faultName) {
        return faultOf(faultName).defaults();
    }

    /** Injects a fault now with its default parameters. */
    public void inject(String faultName) {
        inject(faultName, Map.of());
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
        Fault f = faultOf(faultName);
        Map<String, String> p = new LinkedHashMap<>(f.defaults());
        String after = null;
        String when = null;
        for (Map.Entry<String, ?> e : params.entrySet()) {
            String v = String.valueOf(e.getValue());
            if (e.getKey().equals("after")) {
                after = v;
            } else if (e.getKey().equals("when")) {
                when = v;
            } else if (p.containsKey(e.getKey())) {
                p.put(e.getKey(), v);
            } else {
                throw new IllegalArgumentException("fault " + faultName + ": unknown parameter '" + e.getKey()
                        + "' (allowed: " + String.join(", ", p.keySet()) + (p.isEmpty() ? "" : ", ") + "after, when)");
            }
        }
        FaultAction action = prepare(f, p);
        long delay = after == null ? 0 : duration(faultName, "after", after);
        if (when == null) {
            if (delay == 0) {
                action.run();
            } else {
                scheduler.after(delay, "fault." + f.faultName(), action::run);
            }
            return;
        }
        String[] parts = when.split(":");
        boolean rising = parts.length < 2 || parts[1].equals("rises");
        if (parts.length > 1 && !parts[1].equals("rises") && !parts[1].equals("falls")) {
            throw new IllegalArgumentException("fault " + faultName + ": when '" + when + "' (allowed: LINE, LINE:rises, LINE:falls)");
        }
        DigitalSignal line = line(parts[0]);
        line.onEdge(new DigitalSignal.EdgeListener() {
            @Override
            public void edge(DigitalSignal s, boolean high, long t) {
                if (high != rising) {
                    return;
                }
                s.removeListener(this);
                if (delay == 0) {
                    scheduler.after(0, "fault." + f.faultName(), action::run);
                } else {
                    scheduler.after(delay, "fault." + f.faultName(), action::run);
                }
            }
        });
    }

    @FunctionalInterface
    private interface FaultAction {
        void run();
    }

    private static Fault faultOf(String name) {
        Fault f = Fault.byName(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown fault '" + name + "' (allowed: " + String.join(", ", faultNames()) + ")");
        }
        return f;
    }

    /** Parses the parameters first, so a bad value fails at the call, not later in virtual time. */
    private FaultAction prepare(Fault f, Map<String, String> p) {
        String n = f.faultName();
        return switch (f) {
            case DOOR_OPEN -> plantLine("plant.door_closed", false, n);
            case DOOR_CLOSE -> plantLine("plant.door_closed", true, n);
            case ESTOP_PRESS -> plantLine("plant.estop_ok", false, n);
            case ESTOP_RELEASE -> plantLine("plant.estop_ok", true, n);
            case THERMAL_SWITCH_OPEN -> () -> thermal.forceSwitchOpen(true);
            case THERMAL_SWITCH_CLOSE -> () -> thermal.forceSwitchOpen(false);
            case ARC -> () -> needTank(n).arc();
            case ARC_BURST -> {
                long count = count(n, "arcs", p.get("arcs"));
                long spacing = duration(n, "spacing", p.get("spacing"));
                HvTank t = needTank(n);
                yield () -> {
                    for (long i = 0; i < count; i++) {
                        scheduler.after(i * spacing, "fault.arc_burst", t::arc);
                    }
                };
            }
            case HARD_SHORT -> {
                long length = duration(n, "length", p.get("length"));
                HvTank t = needTank(n);
                yield () -> {
                    t.setHardShort(true);
                    if (length > 0) {
                        scheduler.after(length, "fault.short_clear", () -> t.setHardShort(false));
                    }
                };
            }
            case SHORT_CLEAR -> () -> needTank(n).setHardShort(false);
            case FILAMENT_OPEN -> {
                needTank(n);
                yield () -> filament.setOpen(true);
            }
            case FILAMENT_REPAIR -> {
                needTank(n);
                yield () -> filament.setOpen(false);
            }
            case ROTOR_SLOW -> {
                double factor = number(n, "factor", p.get("factor"));
                yield () -> rotor.setAccelFactor(factor);
            }
            case ROTOR_STALL -> rotor::seize;
            case PHASE_LOSS -> () -> {
                signals.findDigital("plant.phase_ok").set(false);
                rotor.losePhase();
            };
            case ROTOR_REPAIR -> () -> {
                signals.findDigital("plant.phase_ok").set(true);
                rotor.repair();
                rotor.setAccelFactor(1.0);
            };
            case START_RATE -> () -> {
                if (tube != null) {
                    tube.exhaustStarts();
                } else {
                    tubeModel.exhaustStarts();
                }
            };
            case OVER_KV, KV_REGULATION -> {
                double factor = number(n, "factor", p.get("factor"));
                HvTank t = needTank(n);
                yield () -> t.setRegulationFactor(factor);
            }
            case KV_NORMAL -> () -> needTank(n).setRegulationFactor(1.0);
            case AEC_STOP -> {
                long after = duration(n, "after_xray_on", p.get("after_xray_on"));
                Aec a = needAec(n);
                yield () -> a.arm(after);
            }
            case AEC_NEVER_STOPS -> () -> needAec(n).disarm();
            case HANDSWITCH_STUCK -> () -> {
                needSwitch(n, prepSwitch).stick();
                expASwitch.stick();
                expBSwitch.stick();
            };
            case HANDSWITCH_FREE -> () -> {
                needSwitch(n, prepSwitch).free();
                expASwitch.free();
                expBSwitch.free();
            };
            case HANDSWITCH_MISMATCH -> {
                String ch = p.get("channel");
                if (!ch.equals("A") && !ch.equals("B")) {
                    throw new IllegalArgumentException("fault " + n + ": channel '" + ch + "' (allowed: A, B)");
                }
                yield () -> needSwitch(n, ch.equals("A") ? expASwitch : expBSwitch).breakOpen();
            }
            case BROWN_OUT -> {
                double depth = number(n, "depth_v", p.get("depth_v"));
                long length = duration(n, "length", p.get("length"));
                yield () -> supply.brownOut(depth, length);
            }
            case POWER_LOSS -> {
                long length = duration(n, "length", p.get("length"));
                yield () -> supply.powerLoss(length);
            }
            case POWER_RESTORE -> supply::restore;
            case FIRMWARE_HANG -> {
                long length = duration(n, "length", p.get("length"));
                yield () -> (underTest == Board.GEN ? genMcu : tubMcu).blockMainLoop(length);
            }
            case EXPOSURE_TIMER_LOST -> () -> {
                if (generator == null) {
                    throw new IllegalStateException("fault " + n + ": this machine has no generator");
                }
                generator.loseExposureTimerTick();
            };
            case LINK_CUT -> {
                long length = duration(n, "length", p.get("length"));
                yield () -> {
                    hostLink.cut(true);
                    if (length > 0) {
                        scheduler.after(length, "fault.link_restore", () -> hostLink.cut(false));
                    }
                };
            }
            case LINK_RESTORE -> () -> hostLink.cut(false);
            case SERIAL_NOISE -> {
                long bytes = count(n, "bytes", p.get("bytes"));
                yield () -> {
                    long t = scheduler.nowNanos();
                    for (long i = 0; i < bytes; i++) {
                        long at = t + (i + 1) * hostLink.byteNanos();
                        byte b = (byte) noise.nextInt(256);
                        scheduler.at(at, "fault.serial_noise", () -> hostLink.noiseAt(at, b));
                    }
                };
            }
            case SERIAL_FLOOD -> {
                long length = duration(n, "length", p.get("length"));
                yield () -> {
                    long t = scheduler.nowNanos();
                    long step = hostLink.byteNanos();
                    long end = t + length;
                    floods.add(scheduler.every(t + step, step, "fault.serial_flood",
                            () -> hostLink.noiseAt(scheduler.nowNanos(), (byte) noise.nextInt(256))));
                    scheduler.at(end, "fault.serial_flood_end", this::stopFloods);
                };
            }
            case TUBE_OVERHEAT -> {
                double joules = number(n, "joules", p.get("joules"));
                yield () -> thermal.deposit(joules);
            }
        };
    }

    private void stopFloods() {
        for (org.hilrig.timing.sched.Timer t : floods) {
            t.cancel();
        }
        floods.clear();
    }

    private FaultAction plantLine(String path, boolean level, String fault) {
        DigitalSignal s = signals.findDigital(path);
        if (s == null) {
            throw new IllegalArgumentException("fault " + fault + ": this machine has no " + path + " (no generator)");
        }
        return () -> s.set(level);
    }

    private HvTank needTank(String fault) {
        if (tank == null) {
            throw new IllegalArgumentException("fault " + fault + ": this machine has no HV tank (no generator)");
        }
        return tank;
    }

    private Aec needAec(String fault) {
        if (aec == null) {
            throw new IllegalArgumentException("fault " + fault + ": this machine has no AEC (no generator)");
        }
        return aec;
    }

    private Handswitch needSwitch(String fault, Handswitch s) {
        if (s == null) {
            throw new IllegalArgumentException("fault " + fault + ": this machine has no handswitch (no generator)");
        }
        return s;
    }

    private static long duration(String fault, String param, String v) {
        if (v.matches("\\d+")) {
            return Long.parseLong(v);
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault " + fault + ": " + param + ": " + e.getMessage(), e);
        }
    }

    private static long count(String fault, String param, String v) {
        try {
            long c = Long.parseLong(v.trim());
            if (c < 0) {
                throw new NumberFormatException();
            }
            return c;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + fault + ": " + param + " '" + v + "' is not a count (0 or more)", e);
        }
    }

    private static double number(String fault, String param, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + fault + ": " + param + " '" + v + "' is not a number", e);
        }
    }

    /** Configures and builds a {@link Machine}. */
    public static final class Builder {
        private BoardProfile genProfile;
        private BoardProfile tubProfile;
        private Board underTest = Board.GEN;
        private boolean emulateOther;
        private Set<Defect> defects = EnumSet.noneOf(Defect.class);
        private long seed;
        private Wiring wiring;
        private Consumer<SignalSet> declare;

        private Builder() {
        }

        public Builder genProfile(BoardProfile p) {
            if (p.board() != Board.GEN) {
                throw new IllegalArgumentException("genProfile: a profile of board " + p.board() + " (needs GEN)");
            }
            this.genProfile = p;
            return this;
        }

        public Builder tubProfile(BoardProfile p) {
            if (p.board() != Board.TUB) {
                throw new IllegalArgumentException("tubProfile: a profile of board " + p.board() + " (needs TUB)");
            }
            this.tubProfile = p;
            return this;
        }

        public Builder boardUnderTest(Board b) {
            this.underTest = b;
            return this;
        }

        /** True: the other board runs its emulated firmware too; false (default): it is a plant-level model. */
        public Builder emulateOtherBoard(boolean emulate) {
            this.emulateOther = emulate;
            return this;
        }

        public Builder defects(Set<Defect> d) {
            this.defects = d.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(d);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Replaces the standard wiring (e.g. {@code Wiring.standard(...).withDelay("gen.door_closed", 5000)}). */
        public Builder wiring(Wiring w) {
            this.wiring = w;
            return this;
        }

        /** Declares extra signals (a rig's own) before the trace starts. */
        public Builder declare(Consumer<SignalSet> declarations) {
            this.declare = declarations;
            return this;
        }

        public Machine build() {
            return new Machine(this);
        }
    }
}
