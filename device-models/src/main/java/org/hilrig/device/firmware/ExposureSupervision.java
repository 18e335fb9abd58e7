package org.hilrig.device.firmware;

import org.hilrig.device.mcu.Adc;
import org.hilrig.device.mcu.AnalogOutput;
import org.hilrig.device.mcu.GpioInput;
import org.hilrig.device.mcu.GpioOutput;
import org.hilrig.device.mcu.McuTimer;
import org.hilrig.device.protocol.Event;
import org.hilrig.device.protocol.FieldText;
import org.hilrig.device.protocol.KeyValues;

/**
 * The high voltage of one exposure and its supervision: drives the kV and mA demands and HV_ENABLE,
 * follows the kV comparator with XRAY_ON (the X-ray-on time starts the exposure timer and sends
 * {@code EVT,XON}), counts arcs (HV off for the profile's arc off-time, then on again, until the arc limit),
 * runs the backup timer (in AEC the AEC backup, and no exposure timer), and checks the ADC samples every main-loop pass: over-kV (F08), kV outside its
 * band for too long (F09), no emission with the kV in band (F06).
 *
 * <p>It decides and reports; ending the exposure and latching faults is {@link ExposureSequence}'s, which
 * calls in only while EXPOSING where the method says so, and acts on the answers.
 *
 * <p>Defects: {@link Defect#XRAY_ON_FROM_COMMAND} (XRAY_ON follows HV_ENABLE, not the comparator: on at the
 * start and after an arc's restart, off at an arc and at the end, the exposure timer started at once);
 * {@link Defect#ARC_COUNT_NOT_RESET} (the count carries into the next exposure);
 * {@link Defect#ARC_LIMIT_OFF_BY_ONE} (one arc more, applied to the limit by the {@link GeneratorFirmware});
 * {@link Defect#NO_BACKUP_TIMER} (the backup timer is never started); {@link Defect#TIMER_RESTART_ON_ARC} (the
 * exposure timer starts again with the whole set time when HV comes back after an arc).
 *
 * <p>What the exposure delivered is the {@link DoseMeter}'s, from HV on to the end of the tube current:
 * {@link #whenDelivered} hands its reading over once X-ray is off and the current has stopped (the tail after
 * HV off has ended; at once when both already are).
 *
 * <p>Confined to the scheduler's thread.
 */
final class ExposureSupervision {
    /** The profile's limits of a running exposure. */
    record Limits(double backupFactor, long backupMarginNanos, int arcLimit, long arcOffNanos, double overKvFraction,
            double bandFraction, long bandNanos, double emissionFraction, long emissionDelayNanos) {
    }

    private final GpioOutput hvOut;
    private final GpioOutput xrayOut;
    private final GpioInput kvOkPin;
    private final AnalogOutput kvDac;
    private final AnalogOutput maDac;
    private final Adc kvAdc;
    private final Adc maAdc;
    private final McuTimer exposureTimer;
    private final McuTimer backupTimer;
    private final McuTimer arcRestart;
    private final HostPort host;
    private final Limits limits;
    private final boolean xrayFromCommand;
    private final boolean arcCountCarries;
    private final boolean noBackupTimer;
    private final boolean timerRestartOnArc;
    private final DoseMeter dose;
    private final java.util.function.LongSupplier clock;
    private java.util.function.Consumer<DoseMeter.Reading> atXrayOff;

    private Technique technique = new Technique(0, 0, 0);
    private boolean xrayStarted;
    private int arcs;
    private long hvOnNanos;
    private long xonNanos;
    private long outOfBandSinceNanos = -1;

    ExposureSupervision(GpioOutput hvOut, GpioOutput xrayOut, GpioInput kvOkPin, AnalogOutput kvDac,
            AnalogOutput maDac, Adc kvAdc, Adc maAdc, McuTimer exposureTimer, McuTimer backupTimer,
            McuTimer arcRestart, HostPort host, Limits limits, boolean xrayFromCommand, boolean arcCountCarries,
            boolean noBackupTimer, boolean timerRestartOnArc, DoseMeter dose, java.util.function.LongSupplier clock) {
        this.hvOut = hvOut;
        this.xrayOut = xrayOut;
        this.kvOkPin = kvOkPin;
        this.kvDac = kvDac;
        this.maDac = maDac;
        this.kvAdc = kvAdc;
        this.maAdc = maAdc;
        this.exposureTimer = exposureTimer;
        this.backupTimer = backupTimer;
        this.arcRestart = arcRestart;
        this.host = host;
        this.limits = limits;
        this.xrayFromCommand = xrayFromCommand;
        this.arcCountCarries = arcCountCarries;
        this.noBackupTimer = noBackupTimer;
        this.timerRestartOnArc = timerRestartOnArc;
        this.dose = dose;
        this.clock = clock;
    }

    /** After reset: no exposure started, no arcs counted. */
    void boot() {
        dose.abandon();
        atXrayOff = null;
        xrayStarted = false;
        arcs = 0;
        outOfBandSinceNanos = -1;
    }

    /** Starts the HV of an exposure of {@code t} at {@code nowNanos} (the sequence has just entered EXPOSING). */
    void start(Technique t, long nowNanos) {
        if (atXrayOff != null) {
            deliver(nowNanos); // the last exposure's tail ends where this one starts
        }
        technique = t;
        if (!arcCountCarries) {
            arcs = 0;
        }
        xrayStarted = false;
        outOfBandSinceNanos = -1;
        kvDac.write(t.kv());
        maDac.write(t.ma());
        hvOnNanos = nowNanos;
        xonNanos = hvOnNanos;
        dose.start(nowNanos);
        hvOut.write(true);
        if (xrayFromCommand) {
            xray(true);
            xrayStarted = true;
            startExposureTimer();
            sendXon();
        }
        if (!noBackupTimer) {
            backupTimer.startOneShot(backupNanos(t, limits.backupFactor(), limits.backupMarginNanos()));
        }
    }

    /**
     * The backup timer's time from HV on, ns: manual, the profile's factor x the set time + its margin; in AEC,
     * the AEC backup's time (mAs or kWs limit at the set kV and mA, {@link Technique#aecBackupMs}).
     */
    static long backupNanos(Technique t, double backupFactor, long backupMarginNanos) {
        return t.aec() ? Math.round(t.aecBackupMs() * 1e6) : Math.round(t.ms() * 1e6 * backupFactor) + backupMarginNanos;
    }

    /** The exposure timer, from X-ray on, for the set time; none in AEC (the chamber or the backup ends it). */
    private void startExposureTimer() {
        if (!technique.aec()) {
            exposureTimer.startOneShot(Math.round(technique.ms() * 1e6));
        }
    }

    /**
     * Ends the HV of the running exposure at {@code nowNanos}: HV off, XRAY_ON off unless the kV is still
     * decaying (the comparator then drops it), every exposure timer stopped.
     *
     * @return the X-ray-on time in ms (0 when XRAY_ON never came)
     */
    double stop(long nowNanos) {
        hvOut.write(false);
        if (xrayFromCommand || !kvOkPin.read()) {
            xray(false);
        }
        exposureTimer.stop();
        backupTimer.stop();
        arcRestart.stop();
        return xrayStarted ? (nowNanos - xonNanos) / 1e6 : 0.0;
    }

    /**
     * Hands the dose meter's reading of the exposure just stopped to {@code then} once X-ray is off and the
     * tube current has stopped: now when both already are, else at the first dose sample after.
     */
    void whenDelivered(java.util.function.Consumer<DoseMeter.Reading> then) {
        atXrayOff = then;
        deliverIfOver();
    }

    private void deliverIfOver() {
        if (atXrayOff != null && !xrayOut.isHigh() && dose.currentGone()) {
            deliver(clock.getAsLong());
        }
    }

    private void deliver(long nowNanos) {
        java.util.function.Consumer<DoseMeter.Reading> then = atXrayOff;
        atXrayOff = null;
        then.accept(dose.finish(nowNanos));
    }

    /** The dose meter's periodic sample; the exposure is delivered once its current has stopped after HV off. */
    void doseTick() {
        dose.tick(clock.getAsLong());
        deliverIfOver();
    }

    private void xray(boolean on) {
        xrayOut.write(on);
        dose.xray(on, clock.getAsLong());
    }

    /** HV_ENABLE low (a fault latched outside an exposure). */
    void hvOff() {
        hvOut.write(false);
    }

    /** Arcs counted in this exposure (with the defect: since boot). */
    int arcs() {
        return arcs;
    }

    /**
     * The main loop's ADC check, while EXPOSING; nothing while HV_ENABLE is low (an arc's off-time).
     *
     * @return the fault to latch (F08, F09 or F06), or null
     */
    GenFault supervise(long nowNanos) {
        if (!hvOut.isHigh()) {
            outOfBandSinceNanos = -1;
            return null;
        }
        double kv = technique.kv();
        double measuredKv = kvAdc.read();
        double measuredMa = maAdc.read();
        if (measuredKv > kv * limits.overKvFraction()) {
            return GenFault.F08;
        }
        if (Math.abs(measuredKv - kv) > kv * limits.bandFraction()) {
            if (outOfBandSinceNanos < 0) {
                outOfBandSinceNanos = nowNanos;
            } else if (nowNanos - outOfBandSinceNanos > limits.bandNanos()) {
                return GenFault.F09;
            }
        } else {
            outOfBandSinceNanos = -1;
        }
        // no tube current while the kV stands in its band: the filament emits nothing (a collapsed kV is an arc)
        boolean kvInBand = Math.abs(measuredKv - kv) <= kv * limits.bandFraction();
        if (nowNanos - hvOnNanos >= limits.emissionDelayNanos() && kvInBand
                && measuredMa < technique.ma() * limits.emissionFraction()) {
            return GenFault.F06;
        }
        return null;
    }

    /**
     * The kV comparator's edge. Outside an exposure a falling edge ends the decay tail (XRAY_ON low); in one
     * it drives XRAY_ON, and its first rise starts the exposure timer and sends {@code XON}.
     */
    void kvComparator(boolean high, boolean exposing, long nowNanos) {
        if (!exposing) {
            if (!high && !xrayFromCommand) {
                xray(false); // the decay tail after HV off
                deliverIfOver();
            }
            return;
        }
        if (xrayFromCommand) {
            return;
        }
        xray(high);
        if (high && !xrayStarted) {
            xrayStarted = true;
            xonNanos = nowNanos;
            startExposureTimer();
            sendXon();
        }
    }

    /**
     * An arc during the exposure: HV off, {@code EVT,ARC} with the count, and the restart after the arc
     * off-time unless the limit is reached.
     *
     * @return true when this arc reached the limit (the sequence ends the exposure with F07)
     */
    boolean arc() {
        hvOut.write(false);
        if (xrayFromCommand) {
            xray(false);
        }
        arcs++;
        host.event(Event.ARC, KeyValues.of("n", Integer.toString(arcs)));
        if (arcs >= limits.arcLimit()) {
            return true;
        }
        arcRestart.startOneShot(limits.arcOffNanos());
        return false;
    }

    /** The arc off-time has passed, while EXPOSING: HV on again. */
    void restartAfterArc() {
        outOfBandSinceNanos = -1;
        hvOut.write(true);
        if (xrayFromCommand) {
            xray(true);
        }
        if (timerRestartOnArc && xrayStarted) {
            startExposureTimer(); // the whole set time again
        }
    }

    private void sendXon() {
        host.event(Event.XON, KeyValues.of("kv", FieldText.decimal(technique.kv(), 1),
                "ma", FieldText.decimal(technique.ma(), 1)));
    }
}
