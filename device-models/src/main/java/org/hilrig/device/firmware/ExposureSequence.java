package org.hilrig.device.firmware;

import java.util.Set;
import java.util.function.LongSupplier;
import org.hilrig.device.firmware.HandswitchChannels.Channel;
import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.mcu.GpioOutput;
import org.hilrig.device.mcu.McuTimer;
import org.hilrig.device.mcu.ResetReason;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.KeyValues;

/**
 * The generator's state machine (see {@link GeneratorFirmware} for the diagram): the state, the mode and
 * the technique; prep (ROTOR_START, filament boost, rotor and prep timers), READY, exposure start and end
 * (the last exposure, its heat, {@code EVT,XOFF}), and latching faults (outputs safe, FAULT line, state
 * FAULT), together with what a handswitch change, an interlock opening, the rotor-ready line, the host
 * watchdog and the remote commands do to it. Every change sends {@code EVT,STATE}.
 *
 * <p>Defects: {@link Defect#READY_BEFORE_ROTOR} (READY without ROTOR_READY); {@link Defect#MAS_FROM_SETPOINT}
 * (XOFF and LXP from the setpoints and the commanded time, sent at HV off, not the dose meter's reading once
 * the tail has ended); {@link Defect#RELEASE_DEBOUNCED}
 * (a handswitch release acts after the debounce timer, {@link HandswitchChannels#debouncesRelease()});
 * {@link Defect#HEAT_LIMIT_IGNORED}
 * (prep starts and exposures run beyond the anode's capacity); {@link Defect#HEAT_CHECK_AT_PREP_ONLY} (the
 * heat is checked when prep starts only: a held prep exposes again and again past the capacity); {@link Defect#DOOR_IGNORED_IN_PREP} (an open door latches F01
 * only during an exposure; that it does not block prep or READY is {@link Interlocks#blockPrep()});
 * {@link Defect#COMMS_LOSS_IGNORED_IN_EXPOSURE} (a host watchdog expiry in an exposure waits for its end,
 * then latches F12); {@link Defect#RESET_WHILE_ACTIVE} (RST clears faults whose cause is present);
 * {@link Defect#SINGLE_CHANNEL_EXPOSE} and the others through the parts it drives.
 *
 * <p>Over 500 lines: every transition of the one state machine (prep, exposure, its end and its report, faults)
 * reads the same state, and splitting it would spread one state across classes.
 *
 * <p>Confined to the scheduler's thread.
 */
final class ExposureSequence {
    /** Who may start prep and exposure: the handswitch only, or the host's {@code PRP}/{@code EXP} too. */
    enum Mode { LOCAL, REMOTE }

    /** The prep timers and their times. */
    record PrepTimers(McuTimer filament, McuTimer rotor, McuTimer prep, long boostNanos, long rotorTimeoutNanos,
            long prepTimeoutNanos) {
    }

    private final LongSupplier clock;
    private final HostPort host;
    private final FaultLatch<GenFault> latched;
    private final HandswitchChannels hand;
    private final Interlocks interlocks;
    private final ExposureSupervision supervision;
    private final AnodeHeat heat;
    private final GpioInput rotorReadyPin;
    private final GpioInput filamentOkPin;
    private final GpioOutput readyOut;
    private final GpioOutput rotorStartOut;
    private final GpioOutput faultOut;
    private final GpioOutput boostOut;
    private final PrepTimers timers;
    private final Set<Defect> defects;

    private GenState state = GenState.STANDBY;
    private Mode mode = Mode.LOCAL;
    private Technique technique;
    private boolean remotePrep;
    private boolean remoteExp;
    private boolean boostDone;
    private boolean commsLostInExposure;
    private GeneratorFirmware.LastExposure last;

    ExposureSequence(LongSupplier clock, HostPort host, FaultLatch<GenFault> latched, HandswitchChannels hand,
            Interlocks interlocks, ExposureSupervision supervision, AnodeHeat heat, GpioInput rotorReadyPin,
            GpioInput filamentOkPin, GpioOutput readyOut, GpioOutput rotorStartOut, GpioOutput faultOut,
            GpioOutput boostOut, PrepTimers timers, Set<Defect> defects) {
        this.clock = clock;
        this.host = host;
        this.latched = latched;
        this.hand = hand;
        this.interlocks = interlocks;
        this.supervision = supervision;
        this.heat = heat;
        this.rotorReadyPin = rotorReadyPin;
        this.filamentOkPin = filamentOkPin;
        this.readyOut = readyOut;
        this.rotorStartOut = rotorStartOut;
        this.faultOut = faultOut;
        this.boostOut = boostOut;
        this.timers = timers;
        this.defects = Set.copyOf(defects);
    }

    private boolean has(Defect d) {
        return defects.contains(d);
    }

    // ---- observation --------------------------------------------------------------------------------

    GenState state() {
        return state;
    }

    Mode mode() {
        return mode;
    }

    Technique technique() {
        return technique;
    }

    GeneratorFirmware.LastExposure lastExposure() {
        return last;
    }

    boolean faultLatched() {
        return !latched.isEmpty();
    }

    /** True when the set technique fits the anode now. */
    boolean heatAllows() {
        return heat.allows(technique, clock.getAsLong());
    }

    // ---- boot ---------------------------------------------------------------------------------------

    /** The state after reset: STANDBY, LOCAL, the profile's default technique, nothing latched or requested. */
    void boot(Technique defaults) {
        state = GenState.STANDBY;
        mode = Mode.LOCAL;
        technique = defaults;
        latched.forget();
        remotePrep = false;
        remoteExp = false;
        boostDone = false;
        commsLostInExposure = false;
        supervision.boot();
    }

    /** After {@code EVT,BOOT}: the fault of the reset's reason, the interlocks at rest, then evaluate. */
    void booted(ResetReason reason, boolean resume) {
        if (reason == ResetReason.WATCHDOG) {
            latch(GenFault.F13);
        } else if (reason == ResetReason.BROWNOUT && !resume) {
            latch(GenFault.F14);
        }
        // an e-stop or thermal switch already open is a fault; an open door only blocks prep
        if (interlocks.estopOpen()) {
            latch(GenFault.F02);
        }
        if (interlocks.thermalOpen()) {
            latch(GenFault.F03);
        }
        evaluate();
    }

    // ---- inputs -------------------------------------------------------------------------------------

    /** A handswitch edge: releases act at once (after the debounce time with the defect), presses after it. */
    void handswitchEdge(Channel c, boolean high) {
        if (high) {
            hand.pressEdge(c);
        } else if (hand.debouncesRelease()) {
            hand.releaseEdge(c);
        } else {
            release(c);
        }
    }

    /**
     * A channel's debounce time has passed: a press still held becomes active; with
     * {@link Defect#RELEASE_DEBOUNCED}, a release still released acts now.
     */
    void handswitchDebounced(Channel c) {
        if (hand.debounced(c)) {
            evaluate();
        } else if (hand.debouncesRelease() && hand.releasedAtPin(c)) {
            release(c);
        }
    }

    private void release(Channel c) {
        boolean wasActive = hand.released(c);
        if (wasActive && state == GenState.EXPOSING) {
            endExposure(ExposureEnd.HANDSWITCH, null);
        }
        evaluate();
    }

    /** Door, e-stop or thermal switch opened (interrupt, or the slow poll with the defect). */
    void interlockOpened() {
        if (interlocks.estopOpen()) {
            latch(GenFault.F02);
        }
        if (interlocks.thermalOpen()) {
            latch(GenFault.F03);
        }
        if (interlocks.doorOpen()) {
            boolean active = state == GenState.PREP || state == GenState.READY || state == GenState.EXPOSING;
            boolean ignored = has(GeneratorDefects.DOOR_IGNORED_IN_PREP) && state != GenState.EXPOSING;
            if (active && !ignored) {
                latch(GenFault.F01);
            }
        }
    }

    void rotorReadyEdge(boolean high) {
        if (!high && (state == GenState.READY || state == GenState.EXPOSING)) {
            latch(GenFault.F05);
            return;
        }
        evaluate();
    }

    /** The rotor timer expired: F04 when the rotor is still not ready in PREP. */
    void rotorTimeout() {
        if (!rotorReadyPin.read() && (state == GenState.PREP)) {
            latch(GenFault.F04);
        }
    }

    /** The filament boost time has passed. */
    void boostDone() {
        boostDone = true;
        evaluate();
    }

    void aecStop() {
        if (state == GenState.EXPOSING) {
            endExposure(ExposureEnd.AEC, null);
        }
    }

    void kvComparator(boolean high) {
        supervision.kvComparator(high, state == GenState.EXPOSING, clock.getAsLong());
    }

    void arcDetected() {
        if (state != GenState.EXPOSING) {
            return;
        }
        if (supervision.arc()) {
            endExposure(ExposureEnd.ARC, GenFault.F07);
        }
    }

    /** The dose meter's sample timer. */
    void doseTick() {
        supervision.doseTick();
    }

    void restartAfterArc() {
        if (state == GenState.EXPOSING) {
            supervision.restartAfterArc();
        }
    }

    /** The main loop's pass: the exposure's ADC supervision. */
    void supervise(long nowNanos) {
        if (state == GenState.EXPOSING) {
            GenFault f = supervision.supervise(nowNanos);
            if (f != null) {
                latch(f);
            }
        }
    }

    void hostWatchdogExpired() {
        if (state == GenState.EXPOSING && has(GeneratorDefects.COMMS_LOSS_IGNORED_IN_EXPOSURE)) {
            commsLostInExposure = true;
            return;
        }
        latch(GenFault.F12);
    }

    // ---- the host's requests ------------------------------------------------------------------------

    /** {@code MOD}: the mode, and neither remote request left standing. */
    void setMode(Mode m) {
        mode = m;
        remotePrep = false;
        remoteExp = false;
    }

    /** {@code SKV}, {@code SMA}, {@code SMS}: the technique, checked by the caller. */
    void setTechnique(Technique t) {
        technique = t;
    }

    /** {@code PRP 1}, its refusals checked by the caller. */
    void remotePrepOn() {
        remotePrep = true;
        hand.armPrep();
        evaluate();
    }

    /** {@code PRP 0}: both remote requests withdrawn; ends the exposure unless the handswitch holds prep. */
    void remotePrepOff() {
        remotePrep = false;
        remoteExp = false;
        if (state == GenState.EXPOSING && !prepRequested()) {
            endExposure(ExposureEnd.HANDSWITCH, null);
        }
        evaluate();
    }

    /** {@code EXP 1} in READY. */
    void remoteExposeOn() {
        remoteExp = true;
        hand.armExpose();
        evaluate();
    }

    /** {@code EXP 0}: ends the exposure unless the handswitch holds it. */
    void remoteExposeOff() {
        remoteExp = false;
        if (state == GenState.EXPOSING && !exposeRequested()) {
            endExposure(ExposureEnd.HANDSWITCH, null);
        }
    }

    /** {@code ABT}: ends any exposure and prep; requests disarmed until released. */
    void abort() {
        if (state == GenState.EXPOSING) {
            endExposure(ExposureEnd.ABORT, null);
        }
        remotePrep = false;
        remoteExp = false;
        if (state == GenState.PREP || state == GenState.READY) {
            hand.disarmPrep();
            toStandby();
        }
        hand.disarmBoth();
    }

    /**
     * {@code RST}: clears the faults whose cause is gone; FAULT to STANDBY when none is left.
     *
     * @return false when a fault stayed latched because its cause is present (NAK 09)
     */
    boolean resetFaults() {
        if (latched.clear(this::causePresent, has(CommonDefects.RESET_WHILE_ACTIVE))) {
            return false;
        }
        faultOut.write(false);
        if (state == GenState.FAULT) {
            setState(GenState.STANDBY);
        }
        hand.rearmAfterReset();
        return true;
    }

    // ---- the state machine --------------------------------------------------------------------------

    private boolean prepRequested() {
        return hand.prepHeld() || (mode == Mode.REMOTE && remotePrep);
    }

    private boolean exposeRequested() {
        return hand.exposeHeld() || (mode == Mode.REMOTE && remoteExp);
    }

    /** Moves the state machine on after any change of inputs, timers or commands. */
    private void evaluate() {
        switch (state) {
            case STANDBY -> {
                if (prepRequested() && hand.prepArmed() && latched.isEmpty()) {
                    startPrep();
                }
            }
            case PREP, READY -> {
                if (!prepRequested()) {
                    toStandby();
                    return;
                }
                boolean rotorOk = rotorReadyPin.read() || has(GeneratorDefects.READY_BEFORE_ROTOR);
                boolean ilkOk = !interlocks.blockPrep();
                if (state == GenState.PREP && boostDone && rotorOk && ilkOk) {
                    setState(GenState.READY);
                    readyOut.write(true);
                }
                if (state == GenState.READY && exposeRequested() && hand.exposeArmed()) {
                    startExposure();
                }
            }
            case EXPOSING, FAULT -> {
            }
        }
    }

    private void startPrep() {
        if (interlocks.blockPrep()) {
            return; // interlock open: prep does not start (STA shows ilk)
        }
        if (!heatAllows() && !has(GeneratorDefects.HEAT_LIMIT_IGNORED)) {
            latch(GenFault.F11);
            return;
        }
        setState(GenState.PREP);
        rotorStartOut.write(true);
        boostOut.write(true);
        boostDone = false;
        timers.filament().startOneShot(timers.boostNanos());
        timers.rotor().startOneShot(timers.rotorTimeoutNanos());
        timers.prep().startOneShot(timers.prepTimeoutNanos());
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
        timers.filament().stop();
        timers.rotor().stop();
        timers.prep().stop();
        boostDone = false;
    }

    private void startExposure() {
        // the heat computer gates every exposure, not only prep: a held prep may not expose past the capacity
        if (!heatAllows() && !has(GeneratorDefects.HEAT_LIMIT_IGNORED) && !has(GeneratorDefects.HEAT_CHECK_AT_PREP_ONLY)) {
            latch(GenFault.F11);
            return;
        }
        setState(GenState.EXPOSING);
        supervision.start(technique, clock.getAsLong());
    }

    /** Ends a running exposure (no-op otherwise); latches {@code fault} when given. */
    void endExposure(ExposureEnd end, GenFault fault) {
        if (state != GenState.EXPOSING) {
            if (fault != null) {
                latch(fault);
            }
            return;
        }
        long now = clock.getAsLong();
        double commandedMs = supervision.stop(now);
        int arcs = supervision.arcs();
        if (has(GeneratorDefects.MAS_FROM_SETPOINT)) {
            // the setpoints times the time HV was commanded on after X-ray on: what the tube was asked for
            delivered(end, arcs, new DoseMeter.Reading(technique.kv(), technique.ma(), commandedMs,
                    technique.ma() * commandedMs / 1000.0), now);
        } else {
            supervision.whenDelivered(r -> delivered(end, arcs, r, clock.getAsLong()));
        }
        hand.disarmExpose();
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

    /**
     * The exposure's output, once X-ray is off and its current has stopped: its heat in the anode account, {@code LXP}'s record and
     * {@code EVT,XOFF} with the loading time and mAs delivered.
     */
    private void delivered(ExposureEnd end, int arcs, DoseMeter.Reading r, long nowNanos) {
        heat.add(heat.unitsOf(r.kv(), r.mas()), nowNanos);
        last = new GeneratorFirmware.LastExposure(r.kv(), r.ma(), r.ms(), r.mas(), arcs, end);
        host.event(Event.XOFF, KeyValues.of("ms", FieldText.decimal(r.ms(), 1), "mas", FieldText.decimal(r.mas(), 2),
                "end", end.name()));
    }

    /** Latches a fault: ends any exposure, makes the outputs safe and enters FAULT. Idempotent per code. */
    void latch(GenFault f) {
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
        hand.stopMismatch();
        readyOut.write(false);
        supervision.hvOff();
        rotorStartOut.write(false);
        boostOut.write(false);
        faultOut.write(true);
        remotePrep = false;
        remoteExp = false;
        hand.disarmBoth();
        setState(GenState.FAULT);
    }

    private boolean causePresent(GenFault f) {
        return switch (f) {
            case F01 -> interlocks.doorOpen();
            case F02 -> interlocks.estopOpen();
            case F03 -> interlocks.thermalOpen();
            case F11 -> !heatAllows();
            case F15 -> hand.mismatchPresent();
            default -> false;
        };
    }

    private void setState(GenState s) {
        if (s != state) {
            state = s;
            host.event(Event.STATE, KeyValues.of("s", s.name()));
        }
    }
}
