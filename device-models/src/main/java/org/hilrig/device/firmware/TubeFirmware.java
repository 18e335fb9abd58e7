package org.hilrig.device.firmware;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import org.hilrig.device.profile.CommonKeys;
import org.hilrig.device.profile.TubeKeys;
import org.hilrig.device.mcu.Adc;
import org.hilrig.device.mcu.AnalogOutput;
import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.mcu.GpioInput.Trigger;
import org.hilrig.device.mcu.GpioOutput;
import org.hilrig.device.mcu.IndependentWatchdog;
import org.hilrig.device.mcu.Mcu;
import org.hilrig.device.mcu.Program;
import org.hilrig.device.mcu.ResetReason;
import org.hilrig.device.mcu.Uart;
import org.hilrig.device.profile.Board;
import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.protocol.BoardProtocol;
import org.hilrig.device.protocol.Command;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.device.protocol.NakCode;

/**
 * The tube controller's firmware (board {@code TUB}): starts, supervises and brakes the rotating anode and
 * watches the tube's temperatures.
 *
 * <pre>
 *  STOPPED --ROTOR_START (start-rate permitting)--> ACCEL: drive on, accel timeout
 *  ACCEL --rpm at ready fraction of target--> AT_SPEED: ROTOR_READY
 *  ACCEL/AT_SPEED --ROTOR_START released--> BRAKING --rpm near 0--> STOPPED
 *  any --stall (T01), phase loss (T02), start rate (T03), over-temperature (T04)--> FAULT: TUB_FAULT
 * </pre>
 *
 * Speed, phase current and temperatures are sampled in the 1 ms main loop; ROTOR_START is an interrupt.
 * Defects of {@link Defect} concern the generator; this firmware honours only {@link Defect#CRC_NOT_CHECKED}
 * and {@link Defect#RESET_WHILE_ACTIVE}.
 *
 * <p>Confined to the scheduler's thread.
 */
public final class TubeFirmware implements Program, HostPort.CommandHandler {
    /** What the tube controller speaks: {@code protocol.md} section 5 and {@code LNK} (docs/protocol-additions.md). */
    public static final BoardProtocol PROTOCOL = new BoardProtocol(
            EnumSet.of(Command.VER, Command.STA, Command.SRS, Command.RST, Command.WDG, Command.HBT, Command.FLT,
                    Command.LNK),
            EnumSet.of(Event.BOOT, Event.STATE, Event.FAULT, Event.CLEAR));

    /** Temperatures change slowly: they are sampled every this many main-loop passes (100 ms at 1 ms). */
    private static final int THERMAL_SAMPLE_LOOPS = 100;

    private final Mcu mcu;
    private final BoardProfile profile;
    private final Set<Defect> defects;
    private final GpioInput startPin;
    private final GpioInput phasePin;
    private final GpioOutput readyOut;
    private final GpioOutput faultOut;
    private final GpioOutput aliveOut;
    private final GpioOutput driveOut;
    private final GpioOutput brakeOut;
    private final AnalogOutput rpmDac;
    private final Adc rpmAdc;
    private final Adc anodeAdc;
    private final Adc housingAdc;
    private final IndependentWatchdog iwdg;
    private final Uart uart;
    private final HostPort host;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private final FaultLatch<TubFault> latched;
    private final CommonCommands common;

    private final double readyFraction;
    private final double stallFraction;
    private final long accelTimeoutNanos;
    private final long aliveHalfNanos;
    private final double anodeMaxC;
    private final double housingMaxC;

    private TubState state = TubState.STOPPED;
    private double targetRpm;
    private long accelStartNanos;
    private long nextAliveNanos;
    private long startCount;
    private int loopsToThermalSample;

    public TubeFirmware(Mcu mcu, BoardProfile profile, Set<Defect> defects, TubePins io) {
        this.mcu = mcu;
        this.profile = profile;
        this.defects = Set.copyOf(defects);
        startPin = new GpioInput(mcu, io.rotorStart());
        phasePin = new GpioInput(mcu, io.phaseOk());
        readyOut = new GpioOutput(mcu, io.rotorReady());
        faultOut = new GpioOutput(mcu, io.tubFault());
        aliveOut = new GpioOutput(mcu, io.alive());
        driveOut = new GpioOutput(mcu, io.rotorDrive());
        brakeOut = new GpioOutput(mcu, io.rotorBrake());
        rpmDac = new AnalogOutput(mcu, io.rpmDemand());
        rpmAdc = new Adc(io.rpmSample(), 12_000, 12);
        anodeAdc = new Adc(io.anodeSample(), 2_000, 12);
        housingAdc = new Adc(io.housingSample(), 200, 12);
        Uart uart = new Uart(mcu, profile.integer(CommonKeys.BAUD), profile.integer(CommonKeys.RX_FIFO),
                profile.integer(CommonKeys.TX_BUFFER));
        this.uart = uart;
        iwdg = new IndependentWatchdog(mcu);
        host = new HostPort(mcu, uart, this, this.defects.contains(CommonDefects.CRC_NOT_CHECKED));
        latched = new FaultLatch<>(TubFault.class, host);
        common = new CommonCommands(Board.TUB, profile, host, latched::list);
        readyFraction = profile.number(TubeKeys.READY_FRACTION);
        stallFraction = profile.number(TubeKeys.STALL_FRACTION);
        accelTimeoutNanos = profile.nanos(TubeKeys.ACCEL_TIMEOUT);
        aliveHalfNanos = profile.nanos(CommonKeys.ALIVE_HALF_PERIOD);
        anodeMaxC = profile.number(TubeKeys.ANODE_MAX_C);
        housingMaxC = profile.number(TubeKeys.HOUSING_MAX_C);
        mcu.load(this);
    }

    public Uart uart() {
        return uart;
    }

    /** The host port's counters since construction (what {@code LNK} reports since boot). */
    public SerialCounters serialCounters() {
        return host.counters();
    }

    public TubState state() {
        return state;
    }

    public Set<TubFault> faults() {
        return latched.codes();
    }

    /** Fault injection: the start-rate record is full, as after back-to-back starts just now. */
    public void exhaustStarts() {
        long now = mcu.scheduler().nowNanos();
        while (starts.size() < profile.integer(TubeKeys.STARTS_MAX)) {
            starts.addLast(now);
        }
    }

    @Override
    public void start(ResetReason reason) {
        state = TubState.STOPPED;
        latched.forget();
        loopsToThermalSample = 0;
        targetRpm = profile.number(TubeKeys.RPM_HIGH);
        host.boot();
        iwdg.start(profile.nanos(CommonKeys.IWDG_TIMEOUT));
        nextAliveNanos = mcu.scheduler().nowNanos() + profile.nanos(CommonKeys.ALIVE_HALF_PERIOD);
        startPin.enableInterrupt(Trigger.BOTH, high -> {
            if (high) {
                requestStart();
            } else {
                requestStop();
            }
        });
        brakeOut.write(true); // whatever spins at boot is braked
        host.event(Event.BOOT, KeyValues.of("fw", profile.text(CommonKeys.FIRMWARE_VERSION), "reason", reason.name()));
        if (startPin.read()) {
            requestStart();
        }
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
        double rpm = rpmAdc.read();
        if (--loopsToThermalSample <= 0) {
            loopsToThermalSample = THERMAL_SAMPLE_LOOPS;
            if (causePresent(TubFault.T04)) {
                latch(TubFault.T04);
            }
        }
        switch (state) {
            case ACCEL -> {
                if (!phasePin.read()) {
                    latch(TubFault.T02);
                } else if (rpm >= readyFraction * targetRpm) {
                    readyOut.write(true);
                    setState(TubState.AT_SPEED);
                } else if (now - accelStartNanos > accelTimeoutNanos) {
                    latch(TubFault.T01);
                }
            }
            case AT_SPEED -> {
                if (!phasePin.read()) {
                    latch(TubFault.T02);
                } else if (rpm < stallFraction * targetRpm) {
                    latch(TubFault.T01);
                }
            }
            case BRAKING -> {
                if (rpm < 0.01 * targetRpm) {
                    brakeOut.write(false);
                    setState(TubState.STOPPED);
                }
            }
            default -> {
            }
        }
    }

    private void requestStart() {
        if (state == TubState.FAULT || state == TubState.ACCEL || state == TubState.AT_SPEED) {
            return;
        }
        long now = mcu.scheduler().nowNanos();
        long window = profile.nanos(TubeKeys.START_WINDOW);
        while (!starts.isEmpty() && starts.peekFirst() <= now - window) {
            starts.pollFirst();
        }
        if (starts.size() >= profile.integer(TubeKeys.STARTS_MAX)) {
            latch(TubFault.T03);
            return;
        }
        starts.addLast(now);
        startCount++;
        accelStartNanos = now;
        brakeOut.write(false);
        rpmDac.write(targetRpm);
        driveOut.write(true);
        setState(TubState.ACCEL);
    }

    private void requestStop() {
        readyOut.write(false);
        if (state == TubState.ACCEL || state == TubState.AT_SPEED) {
            driveOut.write(false);
            brakeOut.write(true);
            setState(TubState.BRAKING);
        }
    }

    private void latch(TubFault f) {
        if (!latched.latch(f)) {
            return;
        }
        readyOut.write(false);
        driveOut.write(false);
        brakeOut.write(f != TubFault.T03);
        faultOut.write(true);
        setState(TubState.FAULT);
    }

    private boolean causePresent(TubFault f) {
        return switch (f) {
            case T02 -> !phasePin.read();
            case T04 -> anodeAdc.read() > anodeMaxC || housingAdc.read() > housingMaxC;
            default -> false;
        };
    }

    private void setState(TubState s) {
        if (s != state) {
            state = s;
            host.event(Event.STATE, KeyValues.of("s", s.name()));
        }
    }

    @Override
    public void hostWatchdogExpired() {
        // The tube controller has no comms-loss fault code: losing the host changes nothing safety-relevant.
    }

    @Override
    public Frame execute(Frame c) {
        return Command.byName(c.name()).map(command -> execute(command, c)).orElseGet(() -> CommonCommands.unknown(c));
    }

    /** The dispatch: every command of protocol version 1, those the tube controller does not speak with 02. */
    private Frame execute(Command command, Frame c) {
        return switch (command) {
            case VER -> common.ver(c);
            case HBT -> common.hbt(c);
            case FLT -> common.flt(c);
            case WDG -> common.wdg(c);
            case LNK -> common.lnk(c);
            case STA -> CommonCommands.bare(c, () -> CommonCommands.ack(c, status()));
            case SRS -> srs(c);
            case RST -> CommonCommands.bare(c, () -> reset(c));
            case MOD, SKV, SMA, SMS, PRP, EXP, ABT, HEA, LXP, AEC -> CommonCommands.unknown(c);
        };
    }

    private KeyValues status() {
        return KeyValues.of("state", state.name(),
                "rpm", Long.toString(Math.round(rpmAdc.read())), "target", Long.toString(Math.round(targetRpm)),
                "anode_c", FieldText.decimal(anodeAdc.read(), 1), "housing_c", FieldText.decimal(housingAdc.read(), 1),
                "starts", Long.toString(startCount), "crcerr", Long.toString(host.crcErrors()));
    }

    private Frame srs(Frame c) {
        if (c.arguments().size() != 1) {
            return CommonCommands.nak(c, NakCode.MALFORMED_FIELDS);
        }
        String a = c.arguments().get(0);
        double rpm;
        if (a.equals("LOW")) {
            rpm = profile.number(TubeKeys.RPM_LOW);
        } else if (a.equals("HIGH")) {
            rpm = profile.number(TubeKeys.RPM_HIGH);
        } else {
            return Frame.nak(c.seq(), c.name(), NakCode.OUT_OF_RANGE);
        }
        if (state != TubState.STOPPED) {
            return Frame.nak(c.seq(), c.name(), NakCode.WRONG_STATE);
        }
        targetRpm = rpm;
        return Frame.ack(c.seq(), c.name(), KeyValues.of("target", Long.toString(Math.round(rpm))));
    }

    private Frame reset(Frame c) {
        if (latched.clear(this::causePresent, defects.contains(CommonDefects.RESET_WHILE_ACTIVE))) {
            return Frame.nak(c.seq(), c.name(), NakCode.FAULT_LATCHED);
        }
        faultOut.write(false);
        if (state == TubState.FAULT) {
            brakeOut.write(true);
            setState(TubState.BRAKING);
        }
        return Frame.ack(c.seq(), c.name(), KeyValues.of("flt", Integer.toString(latched.size())));
    }
}
