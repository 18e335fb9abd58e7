package org.hilrig.device.firmware;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;
import org.hilrig.device.protocol.BoardProtocol;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;
import org.hilrig.device.protocol.ProtocolV1;

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
 * <p>Confined to the scheduler's thread.
 */
public final class GeneratorFirmware implements Program, HostPort.CommandHandler {
    /** What the generator speaks: {@code protocol.md} section 4 and {@code LNK} (docs/protocol-additions.md). */
    public static final BoardProtocol PROTOCOL = new BoardProtocol(
            EnumSet.of(Command.VER, Command.STA, Command.MOD, Command.SKV, Command.SMA, Command.SMS, Command.PRP,
                    Command.EXP, Command.ABT, Command.RST, Command.WDG, Command.HBT, Command.FLT, Command.HEA,
                    Command.LXP, Command.LNK),
            EnumSet.allOf(Event.class));

    private enum Mode { LOCAL, REMOTE }

    /** The last exposure, as {@code LXP} reports it. */
    public record LastExposure(double kv, double ma, double ms, double mas, int arcs, ExposureEnd end) {
    }

    private final Mcu mcu;
    private final BoardProfile profile;
    private final EnumSet<Defect> defects;

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
    private final GpioInput filamentOkPin;
    private final GpioOutput readyOut;
    private final GpioOutput hvOut;
    private final GpioOutput xrayOut;
    private final GpioOutput rotorStartOut;
    private final GpioOutput faultOut;
    private final GpioOutput aliveOut;
    private final GpioOutput boostOut;
    private final AnalogOutput kvDac;
    private final AnalogOutput maDac;
    private final Adc kvAdc;
    private final Adc maAdc;
    private final Uart uart;
    private final IndependentWatchdog iwdg;
    private final HostPort host;

    private final McuTimer exposureTimer;
    private final McuTimer backupTimer;
    private final McuTimer arcRestart;
    private final McuTimer filamentTimer;
    private final McuTimer rotorTimer;
    private final McuTimer prepTimer;
    private final McuTimer mismatchTimer;
    private final McuTimer prepDebounce;
    private final McuTimer expADebounce;
    private final McuTimer expBDebounce;

    // limits, from the profile
    private final long debounceNanos;
    private final long rotorTimeoutNanos;
    private final long boostNanos;
    private final long prepTimeoutNanos;
    private final long mismatchNanos;
    private final long slowPollNanos;
    private final double backupFactor;
    private final long backupMarginNanos;
    private final int arcLimit;
    private final long arcOffNanos;
    private final double overKvFraction;
    private final double bandFraction;
    private final long bandNanos;
    private final double emissionFraction;
    private final long emissionDelayNanos;
    private final double capacityHu;
    private final double coolingHuPerNano;
    private final double huFactor;
    private final long aliveHalfNanos;
    private final long iwdgNanos;

    // state
    private GenState state = GenState.STANDBY;
    private Mode mode = Mode.LOCAL;
    private double kv;
    private double ma;
    private double ms;
    private final FaultLatch<GenFault> latched;
    private boolean prepActive;
    private boolean expAActive;
    private boolean expBActive;
    private boolean remotePrep;
    private boolean remoteExp;
    private boolean expArmed;
    private boolean prepArmed;
    private boolean boostDone;
    private boolean xrayStarted;
    private boolean commsLostInExposure;
    private int arcs;
    private long hvOnNanos;
    private long xonNanos;
    private long outOfBandSinceNanos = -1;
    private long nextAliveNanos;
    private long nextSlowPollNanos;
    private double anodeHu;
    private long anodeHuNanos;
    private LastExposure last;

    public GeneratorFirmware(Mcu mcu, BoardProfile profile, Set<Defect> defects, GeneratorPins io) {
        this.mcu = mcu;
        this.profile = profile;
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
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
        filamentOkPin = new GpioInput(mcu, io.filamentOk());
        readyOut = new GpioOutput(mcu, io.ready());
        hvOut = new GpioOutput(mcu, io.hvEnable());
        xrayOut = new GpioOutput(mcu, io.xrayOn());
        rotorStartOut = new GpioOutput(mcu, io.rotorStart());
        faultOut = new GpioOutput(mcu, io.fault());
        aliveOut = new GpioOutput(mcu, io.alive());
        boostOut = new GpioOutput(mcu, io.filamentBoost());
        kvDac = new AnalogOutput(mcu, io.kvDemand());
        maDac = new AnalogOutput(mcu, io.maDemand());
        kvAdc = new Adc(io.kvSample(), 200.0, 12);
        maAdc = new Adc(io.maSample(), 1500.0, 12);
        uart = new Uart(mcu, profile.integer(ProfileKey.BAUD), profile.integer(ProfileKey.RX_FIFO),
                profile.integer(ProfileKey.TX_BUFFER));
        iwdg = new IndependentWatchdog(mcu);
        host = new HostPort(mcu, uart, this, has(Defect.CRC_NOT_CHECKED));
        latched = new FaultLatch<>(GenFault.class, host);

        exposureTimer = new McuTimer(mcu, "exposure", () -> endExposure(ExposureEnd.TIMER, null));
        backupTimer = new McuTimer(mcu, "backup", () -> endExposure(ExposureEnd.BACKUP, GenFault.F10));
        arcRestart = new McuTimer(mcu, "arc_restart", this::restartAfterArc);
        filamentTimer = new McuTimer(mcu, "filament", () -> {
            boostDone = true;
            evaluate();
        });
        rotorTimer = new McuTimer(mcu, "rotor_timeout", () -> {
            if (!rotorReadyPin.read() && (state == GenState.PREP)) {
                latch(GenFault.F04);
            }
        });
        prepTimer = new McuTimer(mcu, "prep_timeout", () -> latch(GenFault.F16));
        mismatchTimer = new McuTimer(mcu, "mismatch", () -> latch(GenFault.F15));
        prepDebounce = new McuTimer(mcu, "prep_debounce", () -> pressed(Channel.PREP));
        expADebounce = new McuTimer(mcu, "exp_a_debounce", () -> pressed(Channel.EXP_A));
        expBDebounce = new McuTimer(mcu, "exp_b_debounce", () -> pressed(Channel.EXP_B));

        debounceNanos = profile.nanos(ProfileKey.HANDSWITCH_DEBOUNCE);
        rotorTimeoutNanos = has(Defect.ROTOR_TIMEOUT_5S) ? 5_000_000_000L : profile.nanos(ProfileKey.ROTOR_TIMEOUT);
        boostNanos = profile.nanos(ProfileKey.FILAMENT_BOOST);
        prepTimeoutNanos = profile.nanos(ProfileKey.PREP_TIMEOUT);
        mismatchNanos = profile.nanos(ProfileKey.HANDSWITCH_MISMATCH);
        slowPollNanos = profile.nanos(ProfileKey.SLOW_POLL);
        backupFactor = profile.number(ProfileKey.BACKUP_FACTOR);
        backupMarginNanos = profile.nanos(ProfileKey.BACKUP_MARGIN);
        arcLimit = profile.integer(ProfileKey.ARC_LIMIT) + (has(Defect.ARC_LIMIT_OFF_BY_ONE) ? 1 : 0);
        arcOffNanos = profile.nanos(ProfileKey.ARC_OFF_TIME);
        overKvFraction = profile.number(ProfileKey.OVER_KV_FRACTION);
        bandFraction = profile.number(ProfileKey.KV_BAND_FRACTION);
        bandNanos = profile.nanos(ProfileKey.KV_BAND_TIME);
        emissionFraction = profile.number(ProfileKey.EMISSION_MIN_FRACTION);
        emissionDelayNanos = profile.nanos(ProfileKey.EMISSION_CHECK_DELAY);
        capacityHu = profile.number(ProfileKey.ANODE_CAPACITY_KHU) * 1000.0;
        coolingHuPerNano = profile.number(ProfileKey.COOLING_KHU_PER_MIN) * 1000.0 / 60e9;
        huFactor = profile.number(ProfileKey.HU_FACTOR);
        aliveHalfNanos = profile.nanos(ProfileKey.ALIVE_HALF_PERIOD);
        iwdgNanos = profile.nanos(ProfileKey.IWDG_TIMEOUT);
        mcu.load(this);
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    // ---- observation (tests, STA) ---------------------------------------------------------------

    public GenState state() {
        return state;
    }

    /** Latched faults, in code order. */
    public Set<GenFault> faults() {
        return latched.codes();
    }

    public LastExposure lastExposure() {
        return last;
    }

    /** Anode heat now, in heat units. */
    public double anodeHeatUnits() {
        long now = mcu.scheduler().nowNanos();
        return Math.max(0.0, anodeHu - coolingHuPerNano * (now - anodeHuNanos));
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
        state = GenState.STANDBY;
        mode = Mode.LOCAL;
        kv = profile.number(ProfileKey.DEFAULT_KV);
        ma = profile.number(ProfileKey.DEFAULT_MA);
        ms = profile.number(ProfileKey.DEFAULT_MS);
        latched.forget();
        remotePrep = false;
        remoteExp = false;
        boostDone = false;
        xrayStarted = false;
        commsLostInExposure = false;
        arcs = 0;
        outOfBandSinceNanos = -1;
        host.boot();
        iwdg.start(iwdgNanos);
        long now = mcu.scheduler().nowNanos();
        nextAliveNanos = now + aliveHalfNanos;
        nextSlowPollNanos = now + slowPollNanos;

        prepPin.enableInterrupt(Trigger.BOTH, high -> channelEdge(Channel.PREP, high));
        expAPin.enableInterrupt(Trigger.BOTH, high -> channelEdge(Channel.EXP_A, high));
        if (!has(Defect.SINGLE_CHANNEL_EXPOSE)) {
            expBPin.enableInterrupt(Trigger.BOTH, high -> channelEdge(Channel.EXP_B, high));
        }
        if (!has(Defect.SLOW_INTERLOCK)) {
            doorPin.enableInterrupt(Trigger.FALLING, high -> interlockOpened());
            estopPin.enableInterrupt(Trigger.FALLING, high -> interlockOpened());
        }
        thermalPin.enableInterrupt(Trigger.FALLING, high -> interlockOpened());
        rotorReadyPin.enableInterrupt(Trigger.BOTH, this::rotorReadyEdge);
        aecPin.enableInterrupt(Trigger.RISING, high -> {
            if (state == GenState.EXPOSING) {
                endExposure(ExposureEnd.AEC, null);
            }
        });
        kvOkPin.enableInterrupt(Trigger.BOTH, this::kvComparator);
        arcPin.enableInterrupt(Trigger.RISING, high -> arcDetected());

        // the handswitch as found at boot (read directly: no debounce needed for a level held through boot)
        prepActive = prepPin.read();
        expAActive = expAPin.read();
        expBActive = !has(Defect.SINGLE_CHANNEL_EXPOSE) && expBPin.read();
        boolean heldAtBoot = expAActive || expBActive;
        boolean resume = has(Defect.RESUME_AFTER_BROWNOUT) && reason == ResetReason.BROWNOUT;
        expArmed = !heldAtBoot || has(Defect.EXPOSE_HELD_AT_BOOT) || resume;
        prepArmed = true;

        host.event("BOOT", KeyValues.of("fw", profile.text(ProfileKey.FIRMWARE_VERSION), "reason", reason.name()));
        if (reason == ResetReason.WATCHDOG) {
            latch(GenFault.F13);
        } else if (reason == ResetReason.BROWNOUT && !resume) {
            latch(GenFault.F14);
        }
        checkInterlocksAtRest();
        evaluate();
    }

    @Override
    public void loop() {
        iwdg.kick();
        host.poll();
        long now = mcu.scheduler().nowNanos();
        if (now >= nextAliveNanos) {
            aliveOut.toggle();
            nextAliveNanos += aliveHalfNanos;
        }
        if (has(Defect.SLOW_INTERLOCK) && now >= nextSlowPollNanos) {
            nextSlowPollNanos += slowPollNanos;
            if (!doorPin.read() || !estopPin.read()) {
                interlockOpened();
            }
        }
        if (state == GenState.EXPOSING) {
            supervise(now);
        }
    }

    /** ADC supervision of a running exposure: over-kV, regulation band, emission. */
    private void supervise(long now) {
        if (!hvOut.isHigh()) {
            outOfBandSinceNanos = -1;
            return;
        }
        double measuredKv = kvAdc.read();
        double measuredMa = maAdc.read();
        if (measuredKv > kv * overKvFraction) {
            latch(GenFault.F08);
            return;
        }
        if (Math.abs(measuredKv - kv) > kv * bandFraction) {
            if (outOfBandSinceNanos < 0) {
                outOfBandSinceNanos = now;
            } else if (now - outOfBandSinceNanos > bandNanos) {
                latch(GenFault.F09);
                return;
            }
        } else {
            outOfBandSinceNanos = -1;
        }
        // no tube current while the kV stands in its band: the filament emits nothing (a collapsed kV is an arc)
        boolean kvInBand = Math.abs(measuredKv - kv) <= kv * bandFraction;
        if (now - hvOnNanos >= emissionDelayNanos && kvInBand && measuredMa < ma * emissionFraction) {
            latch(GenFault.F06);
        }
    }

    // ---- inputs -------------------------------------------------------------------------------

    private enum Channel { PREP, EXP_A, EXP_B }

    /** A handswitch edge: releases act at once, presses after the debounce time. */
    private void channelEdge(Channel c, boolean high) {
        McuTimer debounce = debounceOf(c);
        if (high) {
            debounce.startOneShot(debounceNanos);
            return;
        }
        debounce.stop();
        boolean wasActive = switch (c) {
            case PREP -> prepActive;
            case EXP_A -> expAActive;
            case EXP_B -> expBActive;
        };
        setChannel(c, false);
        if (c != Channel.PREP) {
            expArmed = true; // a release re-arms the expose request
            checkMismatch();
        } else {
            prepArmed = true;
        }
        if (wasActive && state == GenState.EXPOSING) {
            endExposure(ExposureEnd.HANDSWITCH, null);
        }
        evaluate();
    }

    private McuTimer debounceOf(Channel c) {
        return switch (c) {
            case PREP -> prepDebounce;
            case EXP_A -> expADebounce;
            case EXP_B -> expBDebounce;
        };
    }

    private void pressed(Channel c) {
        GpioInput pin = switch (c) {
            case PREP -> prepPin;
            case EXP_A -> expAPin;
            case EXP_B -> expBPin;
        };
        if (!pin.read()) {
            return;
        }
        setChannel(c, true);
        if (c != Channel.PREP) {
            checkMismatch();
        }
        evaluate();
    }

    private void setChannel(Channel c, boolean active) {
        switch (c) {
            case PREP -> prepActive = active;
            case EXP_A -> expAActive = active;
            case EXP_B -> expBActive = active;
        }
    }

    private void checkMismatch() {
        if (has(Defect.SINGLE_CHANNEL_EXPOSE)) {
            return;
        }
        if (expAActive != expBActive) {
            if (!mismatchTimer.isRunning()) {
                mismatchTimer.startOneShot(mismatchNanos);
            }
        } else {
            mismatchTimer.stop();
        }
    }

    private boolean prepRequested() {
        return prepActive || (mode == Mode.REMOTE && remotePrep);
    }

    private boolean exposeRequested() {
        boolean hand = has(Defect.SINGLE_CHANNEL_EXPOSE) ? expAActive : expAActive && expBActive;
        return hand || (mode == Mode.REMOTE && remoteExp);
    }

    private boolean doorOpen() {
        return !doorPin.read();
    }

    private int interlockBits() {
        return (doorOpen() ? 1 : 0) | (!estopPin.read() ? 2 : 0) | (!thermalPin.read() ? 4 : 0);
    }

    /** Door, e-stop or thermal switch opened (interrupt, or the slow poll with the defect). */
    private void interlockOpened() {
        if (!estopPin.read()) {
            latch(GenFault.F02);
        }
        if (!thermalPin.read()) {
            latch(GenFault.F03);
        }
        if (doorOpen()) {
            boolean active = state == GenState.PREP || state == GenState.READY || state == GenState.EXPOSING;
            boolean ignored = has(Defect.DOOR_IGNORED_IN_PREP) && state != GenState.EXPOSING;
            if (active && !ignored) {
                latch(GenFault.F01);
            }
        }
    }

    /** At boot: an e-stop or thermal switch already open is a fault; an open door only blocks prep. */
    private void checkInterlocksAtRest() {
        if (!estopPin.read()) {
            latch(GenFault.F02);
        }
        if (!thermalPin.read()) {
            latch(GenFault.F03);
        }
    }

    private void rotorReadyEdge(boolean high) {
        if (!high && (state == GenState.READY || state == GenState.EXPOSING)) {
            latch(GenFault.F05);
            return;
        }
        evaluate();
    }

    private void kvComparator(boolean high) {
        if (state != GenState.EXPOSING) {
            if (!high && !has(Defect.XRAY_ON_FROM_COMMAND)) {
                xrayOut.write(false); // the decay tail after HV off
            }
            return;
        }
        if (has(Defect.XRAY_ON_FROM_COMMAND)) {
            return;
        }
        xrayOut.write(high);
        if (high && !xrayStarted) {
            xrayStarted = true;
            xonNanos = mcu.scheduler().nowNanos();
            exposureTimer.startOneShot(Math.round(ms * 1e6));
            host.event("XON", KeyValues.of("kv", FieldText.decimal(kv, 1), "ma", FieldText.decimal(ma, 1)));
        }
    }

    private void arcDetected() {
        if (state != GenState.EXPOSING) {
            return;
        }
        hvOut.write(false);
        if (has(Defect.XRAY_ON_FROM_COMMAND)) {
            xrayOut.write(false);
        }
        arcs++;
        host.event("ARC", KeyValues.of("n", Integer.toString(arcs)));
        if (arcs >= arcLimit) {
            endExposure(ExposureEnd.ARC, GenFault.F07);
        } else {
            arcRestart.startOneShot(arcOffNanos);
        }
    }

    private void restartAfterArc() {
        if (state == GenState.EXPOSING) {
            outOfBandSinceNanos = -1;
            hvOut.write(true);
            if (has(Defect.XRAY_ON_FROM_COMMAND)) {
                xrayOut.write(true);
            }
        }
    }

    // ---- the state machine ----------------------------------------------------------------------

    /** Moves the state machine on after any change of inputs, timers or commands. */
    private void evaluate() {
        switch (state) {
            case STANDBY -> {
                if (prepRequested() && prepArmed && latched.isEmpty()) {
                    startPrep();
                }
            }
            case PREP, READY -> {
                if (!prepRequested()) {
                    toStandby();
                    return;
                }
                boolean rotorOk = rotorReadyPin.read() || has(Defect.READY_BEFORE_ROTOR);
                boolean ilkOk = (!doorOpen() || has(Defect.DOOR_IGNORED_IN_PREP)) && estopPin.read() && thermalPin.read();
                if (state == GenState.PREP && boostDone && rotorOk && ilkOk) {
                    setState(GenState.READY);
                    readyOut.write(true);
                }
                if (state == GenState.READY && exposeRequested() && expArmed) {
                    startExposure();
                }
            }
            default -> {
            }
        }
    }

    private void startPrep() {
        boolean doorBlocks = doorOpen() && !has(Defect.DOOR_IGNORED_IN_PREP);
        if (doorBlocks || !estopPin.read() || !thermalPin.read()) {
            return; // interlock open: prep does not start (STA shows ilk)
        }
        if (!heatAllows() && !has(Defect.HEAT_LIMIT_IGNORED)) {
            latch(GenFault.F11);
            return;
        }
        setState(GenState.PREP);
        rotorStartOut.write(true);
        boostOut.write(true);
        boostDone = false;
        filamentTimer.startOneShot(boostNanos);
        rotorTimer.startOneShot(rotorTimeoutNanos);
        prepTimer.startOneShot(prepTimeoutNanos);
        if (!filamentOkPin.read()) {
            latch(GenFault.F06);
        }
    }

    private void toStandby() {
        stopPrepTimers();
        readyOut.write(false);
        rotorStartOut.write(false);
        boostOut.write(false);
        setState(GenState.STANDBY);
    }

    private void stopPrepTimers() {
        filamentTimer.stop();
        rotorTimer.stop();
        prepTimer.stop();
        boostDone = false;
    }

    private void startExposure() {
        setState(GenState.EXPOSING);
        if (!has(Defect.ARC_COUNT_NOT_RESET)) {
            arcs = 0;
        }
        xrayStarted = false;
        outOfBandSinceNanos = -1;
        kvDac.write(kv);
        maDac.write(ma);
        hvOnNanos = mcu.scheduler().nowNanos();
        xonNanos = hvOnNanos;
        hvOut.write(true);
        if (has(Defect.XRAY_ON_FROM_COMMAND)) {
            xrayOut.write(true);
            xrayStarted = true;
            exposureTimer.startOneShot(Math.round(ms * 1e6));
            host.event("XON", KeyValues.of("kv", FieldText.decimal(kv, 1), "ma", FieldText.decimal(ma, 1)));
        }
        if (!has(Defect.NO_BACKUP_TIMER)) {
            backupTimer.startOneShot(Math.round(ms * 1e6 * backupFactor) + backupMarginNanos);
        }
    }

    /** Ends a running exposure (no-op otherwise); latches {@code fault} when given. */
    private void endExposure(ExposureEnd end, GenFault fault) {
        if (state != GenState.EXPOSING) {
            if (fault != null) {
                latch(fault);
            }
            return;
        }
        long now = mcu.scheduler().nowNanos();
        hvOut.write(false);
        if (has(Defect.XRAY_ON_FROM_COMMAND) || !kvOkPin.read()) {
            xrayOut.write(false);
        }
        exposureTimer.stop();
        backupTimer.stop();
        arcRestart.stop();
        double actualMs = xrayStarted ? (now - xonNanos) / 1e6 : 0.0;
        double mas = ma * actualMs / 1000.0;
        addHeat(kv * ma * actualMs / 1000.0 * huFactor);
        last = new LastExposure(kv, ma, actualMs, mas, arcs, end);
        host.event("XOFF", KeyValues.of("ms", FieldText.decimal(actualMs, 1), "mas", FieldText.decimal(mas, 2),
                "end", end.name()));
        expArmed = false;
        remoteExp = false;
        if (fault != null) {
            state = GenState.READY; // leave EXPOSING before latching, so latch does not re-enter here
            latch(fault);
            return;
        }
        if (commsLostInExposure) {
            commsLostInExposure = false;
            state = GenState.READY;
            latch(GenFault.F12);
            return;
        }
        if (prepRequested() && readyOut.isHigh()) {
            setState(GenState.READY);
        } else {
            toStandby();
        }
        evaluate();
    }

    /** Latches a fault: ends any exposure, makes the outputs safe and enters FAULT. Idempotent per code. */
    private void latch(GenFault f) {
        if (latched.contains(f)) {
            return;
        }
        if (state == GenState.EXPOSING) {
            ExposureEnd end = switch (f) {
                case F01, F02, F03 -> ExposureEnd.INTERLOCK;
                case F07 -> ExposureEnd.ARC;
                case F10 -> ExposureEnd.BACKUP;
                case F12 -> ExposureEnd.COMMS;
                default -> ExposureEnd.FAULT;
            };
            endExposure(end, f);
            return;
        }
        latched.latch(f);
        stopPrepTimers();
        mismatchTimer.stop();
        readyOut.write(false);
        hvOut.write(false);
        rotorStartOut.write(false);
        boostOut.write(false);
        faultOut.write(true);
        remotePrep = false;
        remoteExp = false;
        prepArmed = false;
        expArmed = false;
        setState(GenState.FAULT);
    }

    private boolean causePresent(GenFault f) {
        return switch (f) {
            case F01 -> doorOpen();
            case F02 -> !estopPin.read();
            case F03 -> !thermalPin.read();
            case F11 -> !heatAllows();
            case F15 -> !has(Defect.SINGLE_CHANNEL_EXPOSE) && expAPin.read() != expBPin.read();
            default -> false;
        };
    }

    private void setState(GenState s) {
        if (s != state) {
            state = s;
            host.event("STATE", KeyValues.of("s", s.name()));
        }
    }

    // ---- heat ---------------------------------------------------------------------------------

    private double techniqueHu() {
        return kv * ma * ms / 1000.0 * huFactor;
    }

    private boolean heatAllows() {
        return anodeHeatUnits() + techniqueHu() <= capacityHu;
    }

    private void addHeat(double hu) {
        anodeHu = anodeHeatUnits() + hu;
        anodeHuNanos = mcu.scheduler().nowNanos();
    }

    /** Seconds of cooling until the set technique fits the anode; -1 when it never will (beyond capacity). */
    private long waitSeconds() {
        if (techniqueHu() > capacityHu) {
            return -1;
        }
        double excess = anodeHeatUnits() + techniqueHu() - capacityHu;
        return excess <= 0 || coolingHuPerNano <= 0 ? 0 : (long) Math.ceil(excess / coolingHuPerNano / 1e9);
    }

    // ---- the host link --------------------------------------------------------------------------

    @Override
    public void hostWatchdogExpired() {
        if (state == GenState.EXPOSING && has(Defect.COMMS_LOSS_IGNORED_IN_EXPOSURE)) {
            commsLostInExposure = true;
            return;
        }
        latch(GenFault.F12);
    }

    @Override
    public Frame execute(Frame c) {
        int seq = c.seq();
        String name = c.name();
        java.util.List<String> args = c.arguments();
        return switch (name) {
            case "VER" -> noArgs(c) != null ? noArgs(c) : Frame.ack(seq, name, KeyValues.of("board", "GEN",
                    "fw", profile.text(ProfileKey.FIRMWARE_VERSION), "proto", Integer.toString(ProtocolV1.VERSION),
                    "sn", profile.text(ProfileKey.SERIAL_NUMBER), "build", profile.text(ProfileKey.BUILD)));
            case "STA" -> noArgs(c) != null ? noArgs(c) : Frame.ack(seq, name, status());
            case "MOD" -> mod(c, args);
            case "SKV" -> technique(c, args, 0);
            case "SMA" -> technique(c, args, 1);
            case "SMS" -> technique(c, args, 2);
            case "PRP" -> prp(c, args);
            case "EXP" -> exp(c, args);
            case "ABT" -> abort(c);
            case "RST" -> reset(c);
            case "WDG" -> host.wdg(c, profile);
            case "HBT" -> noArgs(c) != null ? noArgs(c) : Frame.ack(seq, name, KeyValues.empty());
            case "FLT" -> noArgs(c) != null ? noArgs(c) : Frame.ack(seq, name, KeyValues.of("list", latched.list()));
            case "HEA" -> noArgs(c) != null ? noArgs(c) : Frame.ack(seq, name, KeyValues.of(
                    "anode", Long.toString(Math.round(anodeHeatUnits() / capacityHu * 100)),
                    "housing", thermalPin.read() ? "OK" : "OPEN", "wait_s", Long.toString(waitSeconds())));
            case "LXP" -> noArgs(c) != null ? noArgs(c) : lxp(c);
            default -> Frame.nak(seq, name, NakCode.UNKNOWN_COMMAND);
        };
    }

    private static Frame noArgs(Frame c) {
        return c.arguments().isEmpty() ? null : Frame.nak(c.seq(), c.name(), NakCode.MALFORMED_FIELDS);
    }

    private KeyValues status() {
        return KeyValues.of("state", state.name(), "mode", mode.name(), "kv", FieldText.decimal(kv, 1),
                "ma", FieldText.decimal(ma, 1), "ms", FieldText.decimal(ms, 1),
                "ilk", Integer.toHexString(interlockBits()).toUpperCase(Locale.ROOT),
                "flt", Integer.toString(latched.size()),
                "anode", Long.toString(Math.round(anodeHeatUnits() / capacityHu * 100)),
                "crcerr", Long.toString(host.crcErrors()));
    }

    private Frame mod(Frame c, java.util.List<String> args) {
        if (args.size() != 1) {
            return Frame.nak(c.seq(), c.name(), NakCode.MALFORMED_FIELDS);
        }
        Mode m;
        if (args.get(0).equals("LOCAL")) {
            m = Mode.LOCAL;
        } else if (args.get(0).equals("REMOTE")) {
            m = Mode.REMOTE;
        } else {
            return Frame.nak(c.seq(), c.name(), NakCode.OUT_OF_RANGE);
        }
        if (state != GenState.STANDBY) {
            return Frame.nak(c.seq(), c.name(), NakCode.WRONG_STATE);
        }
        mode = m;
        remotePrep = false;
        remoteExp = false;
        return Frame.ack(c.seq(), c.name(), KeyValues.of("mode", mode.name()));
    }

    /** SKV (0), SMA (1), SMS (2): range, then power and mAs with the other two values, then state. */
    private Frame technique(Frame c, java.util.List<String> args, int which) {
        if (args.size() != 1 || !FieldText.isDecimal(args.get(0))) {
            return Frame.nak(c.seq(), c.name(), NakCode.MALFORMED_FIELDS);
        }
        double v = FieldText.parseDecimal(args.get(0));
        ProfileKey lo = which == 0 ? ProfileKey.KV_MIN : which == 1 ? ProfileKey.MA_MIN : ProfileKey.MS_MIN;
        ProfileKey hi = which == 0 ? ProfileKey.KV_MAX : which == 1 ? ProfileKey.MA_MAX : ProfileKey.MS_MAX;
        if (v < profile.number(lo) || v > profile.number(hi)) {
            return Frame.nak(c.seq(), c.name(), NakCode.OUT_OF_RANGE);
        }
        double nkv = which == 0 ? v : kv;
        double nma = which == 1 ? v : ma;
        double nms = which == 2 ? v : ms;
        boolean overPower = nkv * nma / 1000.0 > profile.number(ProfileKey.POWER_MAX_KW);
        if (overPower && !has(Defect.POWER_LIMIT_UNCHECKED)) {
            return Frame.nak(c.seq(), c.name(), NakCode.OUT_OF_RANGE);
        }
        if (nma * nms / 1000.0 > profile.number(ProfileKey.MAS_MAX)) {
            return Frame.nak(c.seq(), c.name(), NakCode.OUT_OF_RANGE);
        }
        if (state != GenState.STANDBY) {
            return Frame.nak(c.seq(), c.name(), NakCode.WRONG_STATE);
        }
        if (kvOkPin.read()) {
            return Frame.nak(c.seq(), c.name(), NakCode.BUSY); // the last exposure's kV is still decaying
        }
        kv = nkv;
        ma = nma;
        ms = nms;
        String key = which == 0 ? "kv" : which == 1 ? "ma" : "ms";
        return Frame.ack(c.seq(), c.name(), KeyValues.of(key, FieldText.decimal(v, 1)));
    }

    /**
     * The NAK for a PRP or EXP whose argument is not 0 or 1 ({@code on} null), or that comes outside remote
     * mode; null when the command may go on.
     */
    private Frame refuseRemoteSwitch(Frame c, Boolean on, java.util.List<String> args) {
        if (on == null) {
            return Frame.nak(c.seq(), c.name(), args.size() == 1 && FieldText.isDecimal(args.get(0))
                    ? NakCode.OUT_OF_RANGE : NakCode.MALFORMED_FIELDS);
        }
        if (mode != Mode.REMOTE) {
            return Frame.nak(c.seq(), c.name(), NakCode.NOT_REMOTE);
        }
        return null;
    }

    private Frame prp(Frame c, java.util.List<String> args) {
        Boolean on = boolArg(args);
        Frame refused = refuseRemoteSwitch(c, on, args);
        if (refused != null) {
            return refused;
        }
        if (on) {
            if (!latched.isEmpty()) {
                return Frame.nak(c.seq(), c.name(), NakCode.FAULT_LATCHED);
            }
            boolean doorBlocks = doorOpen() && !has(Defect.DOOR_IGNORED_IN_PREP);
            if (doorBlocks || !estopPin.read() || !thermalPin.read()) {
                return Frame.nak(c.seq(), c.name(), NakCode.INTERLOCK_OPEN);
            }
            if (!heatAllows() && !has(Defect.HEAT_LIMIT_IGNORED)) {
                return Frame.nak(c.seq(), c.name(), NakCode.THERMAL_INHIBIT);
            }
            remotePrep = true;
            prepArmed = true;
        } else {
            remotePrep = false;
            remoteExp = false;
            if (state == GenState.EXPOSING && !prepRequested()) {
                endExposure(ExposureEnd.HANDSWITCH, null);
            }
        }
        evaluate();
        return Frame.ack(c.seq(), c.name(), KeyValues.of("state", state.name()));
    }

    private Frame exp(Frame c, java.util.List<String> args) {
        Boolean on = boolArg(args);
        Frame refused = refuseRemoteSwitch(c, on, args);
        if (refused != null) {
            return refused;
        }
        if (on) {
            if (state != GenState.READY) {
                return Frame.nak(c.seq(), c.name(), NakCode.WRONG_STATE);
            }
            remoteExp = true;
            expArmed = true;
            evaluate();
        } else {
            remoteExp = false;
            if (state == GenState.EXPOSING && !exposeRequested()) {
                endExposure(ExposureEnd.HANDSWITCH, null);
            }
        }
        return Frame.ack(c.seq(), c.name(), KeyValues.of("state", state.name()));
    }

    private static Boolean boolArg(java.util.List<String> args) {
        if (args.size() != 1) {
            return null;
        }
        return args.get(0).equals("1") ? Boolean.TRUE : args.get(0).equals("0") ? Boolean.FALSE : null;
    }

    private Frame abort(Frame c) {
        if (state == GenState.EXPOSING) {
            endExposure(ExposureEnd.ABORT, null);
        }
        remotePrep = false;
        remoteExp = false;
        if (state == GenState.PREP || state == GenState.READY) {
            prepArmed = false;
            toStandby();
        }
        expArmed = false;
        prepArmed = false;
        return Frame.ack(c.seq(), c.name(), KeyValues.of("state", state.name()));
    }

    private Frame reset(Frame c) {
        if (!c.arguments().isEmpty()) {
            return Frame.nak(c.seq(), c.name(), NakCode.MALFORMED_FIELDS);
        }
        if (latched.clear(this::causePresent, has(Defect.RESET_WHILE_ACTIVE))) {
            return Frame.nak(c.seq(), c.name(), NakCode.FAULT_LATCHED);
        }
        faultOut.write(false);
        if (state == GenState.FAULT) {
            setState(GenState.STANDBY);
        }
        prepArmed = !prepActive;
        expArmed = !(expAActive || expBActive);
        checkMismatch();
        return Frame.ack(c.seq(), c.name(), KeyValues.of("flt", Integer.toString(latched.size())));
    }

    private Frame lxp(Frame c) {
        if (last == null) {
            return Frame.ack(c.seq(), c.name(), KeyValues.of("kv", "0.0", "ma", "0.0", "ms", "0.0", "mas", "0.00",
                    "arcs", "0", "end", "NONE"));
        }
        return Frame.ack(c.seq(), c.name(), KeyValues.of("kv", FieldText.decimal(last.kv(), 1),
                "ma", FieldText.decimal(last.ma(), 1), "ms", FieldText.decimal(last.ms(), 1),
                "mas", FieldText.decimal(last.mas(), 2), "arcs", Integer.toString(last.arcs()),
                "end", last.end().name()));
    }
}
