package org.hilrig.device.firmware;

import java.util.EnumSet;
import java.util.Set;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.firmware.HandswitchChannels.Channel;
import org.hilrig.device.mcu.Adc;
import org.hilrig.device.mcu.AnalogOutput;
import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.mcu.GpioInput.Trigger;
import org.hilrig.device.mcu.GpioOutput;
import org.hilrig.device.mcu.IndependentWatchdog;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.McuTimer;
import org.hilrig.device.mcu.Program;
import org.hilrig.device.mcu.ResetReason;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.BoardProtocol;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;

/**
 * The generator controller's firmware (board {@code GEN}), written as firmware is: interrupt handlers on
 * the safety inputs, hardware timers for exposure, backup, prep and arc recovery, a 1 ms main loop for
 * the serial link, supervision by ADC and housekeeping.
 *
 * <pre>
 *  STANDBY --prep (handswitch, or PRP in REMOTE)--> PREP: ROTOR_START, filament boost, rotor and prep timers
 *  PREP --boost done, ROTOR_READY, interlocks closed--> READY
 *  READY --both expose channels (or EXP in REMOTE), armed--> EXPOSING: HV_ENABLE
 *       kv_ok rises -> XRAY_ON, exposure timer starts; kv_ok falls -> XRAY_ON drops (decay tail)
 *  EXPOSING --timer | AEC | release | interlock | arc limit | fault | ABT | backup--> READY/STANDBY/FAULT
 *  any --fault--> FAULT (outputs safe, FAULT line) --RST, causes gone--> STANDBY
 * </pre>
 *
 * A technique command in STANDBY while the cable still holds the last exposure's kV (the decay tail, kV
 * above the X-ray-on fraction) is refused with {@code 07} (busy).
 *
 * <p>Interrupt paths (pin edge + latency): door, e-stop, thermal switch, expose and prep release, AEC stop,
 * arc detect, rotor-ready loss, kV comparator. Every limit comes from the {@link BoardProfile}; every
 * defect of {@link Defect} changes exactly the behaviour it names.
 *
 * <p>This class is the composition root and the observation API: it creates the pins, peripherals and
 * timers (in a fixed order, which the traces depend on), wires the interrupts and composes the parts:
 * {@link ExposureSequence} (the state machine), {@link HandswitchChannels}, {@link Interlocks},
 * {@link ExposureSupervision} (HV, XRAY_ON, arcs, ADC, backup timer), {@link AnodeHeat} and
 * {@link GeneratorCommands} (the command table). Defects honoured here: {@link Defect#CRC_NOT_CHECKED} (the
 * host port), {@link Defect#ROTOR_TIMEOUT_5S} (the rotor timer's time), {@link Defect#ARC_LIMIT_OFF_BY_ONE}
 * (the arc limit), {@link Defect#SINGLE_CHANNEL_EXPOSE} (no interrupt on EXP_REQ_B),
 * {@link Defect#SLOW_INTERLOCK} (door and e-stop polled in the main loop, not interrupts),
 * {@link Defect#RESUME_AFTER_BROWNOUT} (a brown-out boot that latches no F14 and keeps a held expose
 * request armed), {@link Defect#HEAT_LOST_ON_RESET} (the anode heat account zeroed at every boot),
 * {@link Defect#RELEASE_DEBOUNCED} (the 20 ms release debounce), {@link Defect#IWDG_KICKED_IN_ISR} (the
 * independent watchdog kicked by a periodic timer interrupt at half its timeout, not by the main loop);
 * the others in the parts that name them.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class GeneratorFirmware implements Program, HostPort.CommandHandler {
    /** What the generator speaks: {@code protocol.md} section 4, {@code LNK} and {@code AEC} (docs/protocol-additions.md). */
    public static final BoardProtocol PROTOCOL = new BoardProtocol(
            EnumSet.of(Command.VER, Command.STA, Command.MOD, Command.SKV, Command.SMA, Command.SMS, Command.PRP,
                    Command.EXP, Command.ABT, Command.RST, Command.WDG, Command.HBT, Command.FLT, Command.HEA,
                    Command.LXP, Command.LNK, Command.AEC),
            EnumSet.allOf(Event.class));

    /** Resolution of the kV and mA feedback ADCs. */
    private static final int ADC_BITS = 12;
    /** How far off {@link Defect#KV_FB_SCALE}'s full scale is: 210 kV converted where the divider gives 200 kV. */
    private static final double KV_FB_SCALE_ERROR = 1.05;

    /** The last exposure, as {@code LXP} reports it: what the dose meter measured (the setpoints with {@link Defect#MAS_FROM_SETPOINT}). */
    public record LastExposure(double kv, double ma, double ms, double mas, int arcs, ExposureEnd end) {
    }

    private final Mcu mcu;
    private final BoardProfile profile;
    private final Set<Defect> defects;

    private final GpioInput prepPin;
    private final GpioInput expAPin;
    private final GpioInput expBPin;
    private final GpioInput doorPin;
    private final GpioInput estopPin;
    private final GpioInput thermalPin;
    private final GpioInput rotorReadyPin;
    private final GpioInput aecPin;
    private final GpioInput kvOkPin;
    private final GpioInput arcPin;
    private final GpioOutput aliveOut;
    private final Uart uart;
    private final IndependentWatchdog iwdg;
    private final HostPort host;
    private final FaultLatch<GenFault> latched;
    private final McuTimer exposureTimer;
    /** With {@link Defect#IWDG_KICKED_IN_ISR} only: the timer whose interrupt kicks the watchdog; else null. */
    private final McuTimer iwdgKickTimer;

    private final HandswitchChannels hand;
    private final AnodeHeat heat;
    private final ExposureSequence sequence;
    private final GeneratorCommands commands;

    private final long slowPollNanos;
    private final long aliveHalfNanos;
    private final long iwdgNanos;
    private long nextAliveNanos;
    private long nextSlowPollNanos;

    public GeneratorFirmware(Mcu mcu, BoardProfile profile, Set<Defect> defects, GeneratorPins io) {
        this.mcu = mcu;
        this.profile = profile;
        this.defects = Set.copyOf(defects);
        // pins, peripherals and timers: created in this order (the scheduler and the traces see it)
        prepPin = new GpioInput(mcu, io.prepReq());
        expAPin = new GpioInput(mcu, io.expReqA());
        expBPin = new GpioInput(mcu, io.expReqB());
        doorPin = new GpioInput(mcu, io.doorClosed());
        estopPin = new GpioInput(mcu, io.estopOk());
        thermalPin = new GpioInput(mcu, io.thermalOk());
        rotorReadyPin = new GpioInput(mcu, io.rotorReady());
        aecPin = new GpioInput(mcu, io.aecStop());
        kvOkPin = new GpioInput(mcu, io.kvOk());
        arcPin = new GpioInput(mcu, io.arcDetect());
        GpioInput filamentOkPin = new GpioInput(mcu, io.filamentOk());
        GpioOutput readyOut = new GpioOutput(mcu, io.ready());
        GpioOutput hvOut = new GpioOutput(mcu, io.hvEnable());
        GpioOutput xrayOut = new GpioOutput(mcu, io.xrayOn());
        GpioOutput rotorStartOut = new GpioOutput(mcu, io.rotorStart());
        GpioOutput faultOut = new GpioOutput(mcu, io.fault());
        aliveOut = new GpioOutput(mcu, io.alive());
        GpioOutput boostOut = new GpioOutput(mcu, io.filamentBoost());
        AnalogOutput kvDac = new AnalogOutput(mcu, io.kvDemand());
        AnalogOutput maDac = new AnalogOutput(mcu, io.maDemand());
        double kvScale = profile.number(GeneratorKeys.KV_ADC_FULL_SCALE);
        double maScale = profile.number(GeneratorKeys.MA_ADC_FULL_SCALE);
        double kvAssumed = has(GeneratorDefects.KV_FB_SCALE) ? kvScale * KV_FB_SCALE_ERROR : kvScale;
        Adc kvAdc = new Adc(io.kvSample(), kvScale, ADC_BITS, kvAssumed);
        Adc maAdc = new Adc(io.maSample(), maScale, ADC_BITS);
        uart = new Uart(mcu, profile.integer(CommonKeys.BAUD), profile.integer(CommonKeys.RX_FIFO),
                profile.integer(CommonKeys.TX_BUFFER));
        iwdg = new IndependentWatchdog(mcu);
        host = new HostPort(mcu, uart, this, has(CommonDefects.CRC_NOT_CHECKED));
        latched = new FaultLatch<>(GenFault.class, host);

        exposureTimer = new McuTimer(mcu, "exposure", () -> sequence().endExposure(ExposureEnd.TIMER, null));
        McuTimer backupTimer = new McuTimer(mcu, "backup",
                () -> sequence().endExposure(ExposureEnd.BACKUP, GenFault.F10));
        McuTimer arcRestart = new McuTimer(mcu, "arc_restart", () -> sequence().restartAfterArc());
        McuTimer filamentTimer = new McuTimer(mcu, "filament", () -> sequence().boostDone());
        McuTimer rotorTimer = new McuTimer(mcu, "rotor_timeout", () -> sequence().rotorTimeout());
        McuTimer prepTimer = new McuTimer(mcu, "prep_timeout", () -> sequence().latch(GenFault.F16));
        McuTimer mismatchTimer = new McuTimer(mcu, "mismatch", () -> sequence().latch(GenFault.F15));
        McuTimer prepDebounce = new McuTimer(mcu, "prep_debounce", () -> sequence().handswitchDebounced(Channel.PREP));
        McuTimer expADebounce = new McuTimer(mcu, "exp_a_debounce",
                () -> sequence().handswitchDebounced(Channel.EXP_A));
        McuTimer expBDebounce = new McuTimer(mcu, "exp_b_debounce",
                () -> sequence().handswitchDebounced(Channel.EXP_B));
        McuTimer doseTimer = new McuTimer(mcu, "dose", () -> sequence().doseTick());
        DoseMeter dose = new DoseMeter(doseTimer, profile.nanos(GeneratorKeys.DOSE_SAMPLE_PERIOD),
                new Adc(io.kvDose(), kvScale, ADC_BITS, kvAssumed), new Adc(io.maDose(), maScale, ADC_BITS));
        // created last, and only with the defect: the defect-free firmware's timers (and traces) are unchanged
        iwdgKickTimer = has(GeneratorDefects.IWDG_KICKED_IN_ISR) ? new McuTimer(mcu, "iwdg_kick", iwdg::kick) : null;

        slowPollNanos = profile.nanos(GeneratorKeys.SLOW_POLL);
        aliveHalfNanos = profile.nanos(CommonKeys.ALIVE_HALF_PERIOD);
        iwdgNanos = profile.nanos(CommonKeys.IWDG_TIMEOUT);
        long rotorTimeoutNanos = has(GeneratorDefects.ROTOR_TIMEOUT_5S) ? 5_000_000_000L : profile.nanos(GeneratorKeys.ROTOR_TIMEOUT);
        long releaseDebounceNanos = has(GeneratorDefects.RELEASE_DEBOUNCED) ? 20_000_000L : 0;
        int arcLimit = profile.integer(GeneratorKeys.ARC_LIMIT) + (has(GeneratorDefects.ARC_LIMIT_OFF_BY_ONE) ? 1 : 0);

        hand = new HandswitchChannels(prepPin, expAPin, expBPin, prepDebounce, expADebounce, expBDebounce,
                mismatchTimer, profile.nanos(GeneratorKeys.HANDSWITCH_DEBOUNCE), profile.nanos(GeneratorKeys.HANDSWITCH_MISMATCH),
                releaseDebounceNanos, has(GeneratorDefects.SINGLE_CHANNEL_EXPOSE), has(GeneratorDefects.EXPOSE_HELD_AT_BOOT));
        Interlocks interlocks = new Interlocks(doorPin, estopPin, thermalPin, has(GeneratorDefects.DOOR_IGNORED_IN_PREP));
        ExposureSupervision supervision = new ExposureSupervision(hvOut, xrayOut, kvOkPin, kvDac, maDac, kvAdc, maAdc,
                exposureTimer, backupTimer, arcRestart, host, new ExposureSupervision.Limits(
                        profile.number(GeneratorKeys.BACKUP_FACTOR), profile.nanos(GeneratorKeys.BACKUP_MARGIN), arcLimit,
                        profile.nanos(GeneratorKeys.ARC_OFF_TIME), profile.number(GeneratorKeys.OVER_KV_FRACTION),
                        profile.number(GeneratorKeys.KV_BAND_FRACTION), profile.nanos(GeneratorKeys.KV_BAND_TIME),
                        profile.number(GeneratorKeys.EMISSION_MIN_FRACTION), profile.nanos(GeneratorKeys.EMISSION_CHECK_DELAY)),
                has(GeneratorDefects.XRAY_ON_FROM_COMMAND), has(GeneratorDefects.ARC_COUNT_NOT_RESET), has(GeneratorDefects.NO_BACKUP_TIMER),
                has(GeneratorDefects.TIMER_RESTART_ON_ARC), dose, this::now);
        heat = AnodeHeat.of(profile);
        sequence = new ExposureSequence(this::now, host, latched, hand, interlocks, supervision, heat, rotorReadyPin,
                filamentOkPin, readyOut, rotorStartOut, faultOut, boostOut, new ExposureSequence.PrepTimers(
                        filamentTimer, rotorTimer, prepTimer, profile.nanos(GeneratorKeys.FILAMENT_BOOST),
                        rotorTimeoutNanos, profile.nanos(GeneratorKeys.PREP_TIMEOUT)), this.defects);
        commands = new GeneratorCommands(sequence, new CommonCommands(Board.GEN, profile, host, latched::list), latched,
                interlocks, heat, kvOkPin, host, profile, this::now, this.defects);
        mcu.load(this);
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    /** The sequence, for the timers' handlers: they are created before it (their order is fixed), and run after. */
    private ExposureSequence sequence() {
        return sequence;
    }

    private long now() {
        return mcu.scheduler().nowNanos();
    }

    // ---- observation (tests, STA) ---------------------------------------------------------------

    public GenState state() {
        return sequence.state();
    }

    /** Latched faults, in code order. */
    public Set<GenFault> faults() {
        return latched.codes();
    }

    public LastExposure lastExposure() {
        return sequence.lastExposure();
    }

    /** Anode heat now, in heat units. */
    public double anodeHeatUnits() {
        return heat.unitsAt(now());
    }

    public Uart uart() {
        return uart;
    }

    /** The host port's counters since construction (what {@code LNK} reports since boot). */
    public SerialCounters serialCounters() {
        return host.counters();
    }

    /** Frames with a wrong CRC since boot ({@code crcerr}). */
    public long crcErrors() {
        return host.crcErrors();
    }

    /** Fault injection: the exposure timer loses its next compare event (the backup timer must end it). */
    public void loseExposureTimerTick() {
        exposureTimer.loseNextCompare();
    }

    // ---- boot and main loop --------------------------------------------------------------------

    @Override
    public void start(ResetReason reason) {
        if (has(GeneratorDefects.HEAT_LOST_ON_RESET)) {
            heat.forget(); // the heat of a hot anode is lost with the RAM
        }
        sequence.boot(new Technique(profile.number(GeneratorKeys.DEFAULT_KV), profile.number(GeneratorKeys.DEFAULT_MA),
                profile.number(GeneratorKeys.DEFAULT_MS)));
        host.boot();
        iwdg.start(iwdgNanos);
        if (iwdgKickTimer != null) {
            iwdgKickTimer.startPeriodic(iwdgNanos / 2); // kicked from an interrupt, whatever the main loop does
        }
        long now = now();
        nextAliveNanos = now + aliveHalfNanos;
        nextSlowPollNanos = now + slowPollNanos;

        prepPin.enableInterrupt(Trigger.BOTH, high -> sequence.handswitchEdge(Channel.PREP, high));
        expAPin.enableInterrupt(Trigger.BOTH, high -> sequence.handswitchEdge(Channel.EXP_A, high));
        if (hand.readsChannelB()) {
            expBPin.enableInterrupt(Trigger.BOTH, high -> sequence.handswitchEdge(Channel.EXP_B, high));
        }
        if (!has(GeneratorDefects.SLOW_INTERLOCK)) {
            doorPin.enableInterrupt(Trigger.FALLING, high -> sequence.interlockOpened());
            estopPin.enableInterrupt(Trigger.FALLING, high -> sequence.interlockOpened());
        }
        thermalPin.enableInterrupt(Trigger.FALLING, high -> sequence.interlockOpened());
        rotorReadyPin.enableInterrupt(Trigger.BOTH, sequence::rotorReadyEdge);
        aecPin.enableInterrupt(Trigger.RISING, high -> sequence.aecStop());
        kvOkPin.enableInterrupt(Trigger.BOTH, sequence::kvComparator);
        arcPin.enableInterrupt(Trigger.RISING, high -> sequence.arcDetected());

        boolean resume = has(GeneratorDefects.RESUME_AFTER_BROWNOUT) && reason == ResetReason.BROWNOUT;
        hand.boot(resume);
        host.event(Event.BOOT, KeyValues.of("fw", profile.text(CommonKeys.FIRMWARE_VERSION), "reason", reason.name()));
        sequence.booted(reason, resume);
    }

    @Override
    public void loop() {
        if (iwdgKickTimer == null) {
            iwdg.kick(); // the main loop kicks the watchdog: a hung loop starves it
        }
        host.poll();
        long now = now();
        if (now >= nextAliveNanos) {
            aliveOut.toggle();
            nextAliveNanos += aliveHalfNanos;
        }
        if (has(GeneratorDefects.SLOW_INTERLOCK) && now >= nextSlowPollNanos) {
            nextSlowPollNanos += slowPollNanos;
            if (!doorPin.read() || !estopPin.read()) {
                sequence.interlockOpened();
            }
        }
        sequence.supervise(now);
    }

    // ---- the host link --------------------------------------------------------------------------

    @Override
    public void hostWatchdogExpired() {
        sequence.hostWatchdogExpired();
    }

    @Override
    public Frame execute(Frame c) {
        return Command.byName(c.name()).map(command -> commands.execute(command, c))
                .orElseGet(() -> CommonCommands.unknown(c));
    }
}
