package org.hilrig.device.plant;

import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.sched.Timer;
import org.hilrig.timing.signal.AnalogSignal;
import org.hilrig.timing.signal.DigitalSignal;

/**
 * The HV inverter, tank and cable, computed analytically between events so that every threshold crossing
 * is scheduled at its exact nanosecond instead of being found by stepping.
 *
 * <pre>
 *  kV  target ─ ─ ─ ─ ╭──────────────╮ (ripple on the ADC reading only)
 *      75 % ─ ─ ─ ─ ─/│─ ─ ─ ─ ─ ─ ─ ─│╲─ ─ ─ ─  kv_ok comparator
 *                   / │               │ ╲ dV/dt = -(I_tube + I_bleed + I_discharge) / C_cable
 *      0 ──────────╯  │               │  ╲_______
 *               HV_ENABLE ↑     HV_ENABLE ↓
 *  rise: v(t) = target - (target - v0) e^{-(t - t0)/tau},  tau = t(10-90 %) / ln 9
 * </pre>
 *
 * Arcs collapse the kV to zero at once and pulse the arc-detect line; while HV stays enabled the kV rises
 * again when the arc clears. A hard short arcs on every enable and never lets the kV rise. The regulation
 * factor (1 normally) models over-kV and regulation faults. While HV_ENABLE is low the active discharge draws
 * its current from the cable on top of the tube current and the bleeder, so the tail after HV off lasts tenths
 * of a millisecond even at low mA (0 leaves the bleeder alone, and the tail lasts milliseconds). Outputs: {@code kv_ok} (kV above the X-ray-on
 * fraction of the setpoint), {@code arc} (detect pulse), analog {@code kv_fb} (kV) and {@code ma_fb} (mA).
 *
 * <p>The board's own divider and shunt are not the rig's: {@code kv_fb} and {@code ma_fb} are the tube voltage and
 * current as the test station's calibrated reference measures them, while the board's firmware reads its divider
 * ({@link #sampleDivider}), with the unit's gain and offset and its noise. The inverter regulates that reading to
 * the demand, so a divider reading 1 % high delivers 1 % less kV. Each exposure's kV and current also vary from
 * shot to shot ({@link Calibration}).
 *
 * <p>Confined to the scheduler's thread.
 */
public final class HvTank {
    /**
     * One unit's divider, emission and shot-to-shot variation (profile keys {@code hv.divider_gain},
     * {@code hv.divider_offset_kv}, {@code hv.divider_noise_kv}, {@code hv.shot_noise_fraction},
     * {@code filament.emission_gain}, {@code filament.shot_noise_fraction}).
     *
     * @param dividerGain the board's divider reading per true kV (1: exact)
     * @param dividerOffsetKv what the divider reads at 0 kV
     * @param dividerNoiseKv the reading's noise, rms, kV (each reading its own draw)
     * @param kvShotFraction each exposure's kV off its regulated value, rms fraction
     * @param emissionGain the tube current per demanded mA (at full emission)
     * @param maShotFraction each exposure's current off its value, rms fraction
     * @param noise the seeded stream the noise and shots are drawn from
     */
    public record Calibration(double dividerGain, double dividerOffsetKv, double dividerNoiseKv, double kvShotFraction,
                              double emissionGain, double maShotFraction, org.hilrig.timing.random.SeededRandom noise) {
        /** An exact unit without noise. */
        public static Calibration exact() {
            return new Calibration(1, 0, 0, 0, 1, 0, new org.hilrig.timing.random.SeededRandom(0));
        }
    }

    /** Parameters of the tank, from the GEN profile's {@code hv} section. */
    public record Parameters(long riseTime1090Nanos, double xrayOnFraction, double cableCapacitanceNf,
                             double bleedMilliamps, double rippleFraction, double rippleFrequencyHz,
                             long arcDetectPulseNanos, double dischargeMilliamps) {
        /** Without an active discharge (the bleeder alone). */
        public Parameters(long riseTime1090Nanos, double xrayOnFraction, double cableCapacitanceNf,
                          double bleedMilliamps, double rippleFraction, double rippleFrequencyHz,
                          long arcDetectPulseNanos) {
            this(riseTime1090Nanos, xrayOnFraction, cableCapacitanceNf, bleedMilliamps, rippleFraction,
                    rippleFrequencyHz, arcDetectPulseNanos, 0.0);
        }
    }

    private enum Segment { IDLE, RISE, FALL, ARC }

    private static final long ARC_STRIKE_NANOS = 5_000;
    private static final double SETTLED_FRACTION = 0.9;

    private final Scheduler scheduler;
    private final Parameters p;
    private final double tauNanos;
    private final DigitalSignal hvEnable;
    private final AnalogSignal kvDemand;
    private final AnalogSignal maDemand;
    private final DigitalSignal kvOk;
    private final DigitalSignal arcDetect;
    private final AnalogSignal kvFb;
    private final AnalogSignal maFb;
    private final Timer crossing;
    private final Timer settled;
    private final Timer discharged;
    private final Timer arcEnd;
    private final Timer shortStrike;

    private Segment segment = Segment.IDLE;
    private long t0;
    private double v0;
    private double targetKv;
    private double thresholdKv;
    private double slopeKvPerNano;
    private double tubeMilliamps;
    private double regulationFactor = 1.0;
    private double emission = 1.0;
    private boolean hardShort;
    private boolean dischargeWorks = true;
    private Calibration cal = Calibration.exact();
    private double kvShot = 1.0;
    private int arcs;

    public HvTank(Scheduler scheduler, Parameters p, DigitalSignal hvEnable, AnalogSignal kvDemand,
                  AnalogSignal maDemand, DigitalSignal kvOk, DigitalSignal arcDetect, AnalogSignal kvFb,
                  AnalogSignal maFb) {
        this.scheduler = scheduler;
        this.p = p;
        this.tauNanos = p.riseTime1090Nanos() / Math.log(9.0);
        this.hvEnable = hvEnable;
        this.kvDemand = kvDemand;
        this.maDemand = maDemand;
        this.kvOk = kvOk;
        this.arcDetect = arcDetect;
        this.kvFb = kvFb;
        this.maFb = maFb;
        this.crossing = scheduler.timer("plant.hv.crossing", this::crossed);
        this.settled = scheduler.timer("plant.hv.settled", this::publish);
        this.discharged = scheduler.timer("plant.hv.discharged", this::dischargedFully);
        this.arcEnd = scheduler.timer("plant.hv.arc_end", this::arcCleared);
        this.shortStrike = scheduler.timer("plant.hv.short", this::arc);
        hvEnable.onEdge((s, high, t) -> {
            if (high) {
                enable();
            } else {
                disable();
            }
        });
    }

    /** Sets the unit's divider, emission and shot noise; takes effect from the next HV enable. */
    public void calibrate(Calibration c) {
        this.cal = c;
    }

    /** kV now, smooth. */
    public double kv() {
        return kvAt(scheduler.nowNanos());
    }

    /**
     * The board's divider now, as its firmware's ADC samples it: the unit's gain and offset on the true kV,
     * ripple and noise included; publishes the true kV (the reference's) on {@code kv_fb}.
     */
    public double sampleDivider() {
        double v = sampleKv();
        return cal.dividerGain() * v + cal.dividerOffsetKv() + cal.dividerNoiseKv() * cal.noise().nextGaussian();
    }

    /** The board's divider now behind an anti-aliasing filter (no ripple, no noise), without publishing. */
    public double dividerFiltered() {
        return cal.dividerGain() * kv() + cal.dividerOffsetKv();
    }

    /** kV now as the feedback divider and ADC see it, ripple included; publishes it on {@code kv_fb}. */
    public double sampleKv() {
        double v = readKv();
        kvFb.set(round3(v));
        return v;
    }

    /** The true kV now with the inverter's ripple, without publishing it. */
    private double readKv() {
        long t = scheduler.nowNanos();
        double v = kvAt(t);
        if (segment == Segment.RISE && p.rippleFraction() > 0) {
            v += v * p.rippleFraction() / 2 * Math.sin(2 * Math.PI * p.rippleFrequencyHz() * t * 1e-9);
        }
        return v;
    }

    /** Tube current now in mA; publishes it on {@code ma_fb}. */
    public double sampleMa() {
        double ma = readMa();
        maFb.set(round3(ma));
        return ma;
    }

    /** Tube current now in mA, without publishing it. */
    public double readMa() {
        return maAt(scheduler.nowNanos());
    }

    /** Arcs in the tank since construction. */
    public int arcs() {
        return arcs;
    }

    /** Scales the regulated kV (1 normal; 1.15 over-kV; 0.85 regulation fault). Takes effect now. */
    public void setRegulationFactor(double factor) {
        if (segment == Segment.RISE) {
            reanchor();
            regulationFactor = factor;
            targetKv = regulated(kvDemand.value() * factor);
            scheduleRise();
            publish();
        } else {
            regulationFactor = factor;
        }
    }

    /**
     * The fraction of the demanded tube current the filament can emit: 1 boosted, less at standby heat, 0
     * when open. Takes effect now (the decay tail is re-timed).
     */
    public void setEmission(double fraction) {
        if (segment == Segment.FALL) {
            reanchor();
            emission = fraction;
            scheduleFall();
        } else {
            emission = fraction;
        }
        publish();
    }

    /** The active discharge works (true) or has failed open (false). Takes effect now (a tail is re-timed). */
    public void setDischargeWorks(boolean works) {
        if (segment == Segment.FALL) {
            reanchor();
            dischargeWorks = works;
            scheduleFall();
        } else {
            dischargeWorks = works;
        }
    }

    /** A persistent short: every enable arcs at once and the kV never rises. */
    public void setHardShort(boolean on) {
        hardShort = on;
        if (on && hvEnable.isHigh()) {
            arc();
        }
    }

    /** One arc now: the kV collapses and the detect line pulses. Nothing happens without voltage. */
    public void arc() {
        long t = scheduler.nowNanos();
        if (kvAt(t) < 0.5 && !(hardShort && hvEnable.isHigh())) {
            return;
        }
        arcs++;
        segment = Segment.ARC;
        t0 = t;
        v0 = 0;
        cancelTimers();
        kvOk.set(false);
        arcDetect.set(true);
        arcEnd.after(p.arcDetectPulseNanos());
        publish();
    }

    private void enable() {
        // each exposure's shot: the kV and current it regulates to, off their values by the unit's noise
        kvShot = 1 + cal.kvShotFraction() * cal.noise().nextGaussian();
        double maShot = 1 + cal.maShotFraction() * cal.noise().nextGaussian();
        // the comparator compares the board's divider with 75 % of the demand
        thresholdKv = (kvDemand.value() * p.xrayOnFraction() - cal.dividerOffsetKv()) / cal.dividerGain();
        tubeMilliamps = maDemand.value() * cal.emissionGain() * maShot;
        if (hardShort) {
            shortStrike.after(ARC_STRIKE_NANOS);
            return;
        }
        if (segment == Segment.ARC) {
            return; // rises when the arc clears
        }
        reanchor();
        segment = Segment.RISE;
        targetKv = regulated(kvDemand.value() * regulationFactor);
        scheduleRise();
        publish();
    }

    /** The true kV the inverter settles at for a demand: where the board's divider reads the demand. */
    private double regulated(double demandKv) {
        return Math.max(0, (demandKv * kvShot - cal.dividerOffsetKv()) / cal.dividerGain());
    }

    private void disable() {
        shortStrike.cancel();
        if (segment == Segment.ARC || segment == Segment.IDLE) {
            return;
        }
        reanchor();
        segment = Segment.FALL;
        scheduleFall();
        publish();
    }

    private void arcCleared() {
        arcDetect.set(false);
        t0 = scheduler.nowNanos();
        v0 = 0;
        if (hvEnable.isHigh()) {
            if (hardShort) {
                shortStrike.after(ARC_STRIKE_NANOS);
                segment = Segment.IDLE;
                return;
            }
            segment = Segment.RISE;
            targetKv = regulated(kvDemand.value() * regulationFactor);
            scheduleRise();
        } else {
            segment = Segment.IDLE;
        }
        publish();
    }

    private void reanchor() {
        long t = scheduler.nowNanos();
        v0 = kvAt(t);
        t0 = t;
    }

    private void scheduleRise() {
        cancelTimers();
        if (!kvOk.isHigh() && targetKv > thresholdKv && v0 < thresholdKv) {
            crossing.at(t0 + riseNanos(thresholdKv));
        } else if (kvOk.isHigh() && targetKv < thresholdKv) {
            kvOk.set(false);
        } else if (!kvOk.isHigh() && v0 >= thresholdKv && targetKv >= thresholdKv) {
            kvOk.set(true);
        }
        double settle = SETTLED_FRACTION * targetKv;
        if (v0 < settle) {
            settled.at(t0 + riseNanos(settle));
        }
    }

    private long riseNanos(double kv) {
        return (long) Math.ceil(tauNanos * Math.log((targetKv - v0) / (targetKv - kv)));
    }

    private void scheduleFall() {
        cancelTimers();
        double ma = emission * tubeMilliamps + p.bleedMilliamps() + (dischargeWorks ? p.dischargeMilliamps() : 0);
        slopeKvPerNano = ma / p.cableCapacitanceNf() * 1e-6;
        if (slopeKvPerNano <= 0) {
            return;
        }
        if (kvOk.isHigh()) {
            if (v0 <= thresholdKv) {
                kvOk.set(false);
            } else {
                crossing.at(t0 + (long) Math.ceil((v0 - thresholdKv) / slopeKvPerNano));
            }
        }
        discharged.at(t0 + (long) Math.ceil(v0 / slopeKvPerNano));
    }

    private void cancelTimers() {
        crossing.cancel();
        settled.cancel();
        discharged.cancel();
        shortStrike.cancel();
    }

    private void crossed() {
        kvOk.set(segment == Segment.RISE);
        publish();
    }

    private void dischargedFully() {
        segment = Segment.IDLE;
        v0 = 0;
        t0 = scheduler.nowNanos();
        publish();
    }

    private double kvAt(long t) {
        return switch (segment) {
            case IDLE, ARC -> 0.0;
            case RISE -> targetKv - (targetKv - v0) * Math.exp(-(t - t0) / tauNanos);
            case FALL -> Math.max(0.0, v0 - slopeKvPerNano * (t - t0));
        };
    }

    private double maAt(long t) {
        if (emission <= 0 || kvAt(t) <= 0) {
            return 0.0;
        }
        return segment == Segment.RISE || segment == Segment.FALL ? emission * tubeMilliamps : 0.0;
    }

    private void publish() {
        long t = scheduler.nowNanos();
        kvFb.set(round3(kvAt(t)));
        maFb.set(round3(maAt(t)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
