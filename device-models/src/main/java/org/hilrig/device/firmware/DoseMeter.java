package org.hilrig.device.firmware;

import org.hilrig.device.mcu.Adc;
import org.hilrig.device.mcu.McuTimer;

/**
 * What an exposure delivered, as the generator measures it: from HV on to X-ray off a fast ADC samples the kV
 * divider and the tube-current shunt at the profile's dose sample period, and the meter integrates them (each
 * sample held until the next): the mAs of the tube current from HV on to the end of the tail, the mean kV and mA
 * while X-ray is on, and the loading time from X-ray on's first rise to its last fall (IEC 60788: 75 % of kV on
 * the rise to 75 % on the fall, arcs between included). An arc delivers nothing: its current is 0.
 *
 * <p>Confined to the scheduler's thread.
 */
final class DoseMeter {
    /** One exposure's measured output: kVp, mean mA while X-ray on, loading time in ms, mAs. */
    record Reading(double kv, double ma, double ms, double mas) {
    }

    private final McuTimer tick;
    private final long periodNanos;
    private final Adc kvAdc;
    private final Adc maAdc;

    private boolean running;
    private long lastNanos;
    private double kv;
    private double ma;
    private boolean xrayOn;
    private double masNanos;
    private double kvPeak;
    private double maOnNanos;
    private long onNanos;
    private long firstOn;
    private long lastOff;

    /**
     * @param tick the timer whose periodic compare samples (its handler calls {@link #tick})
     * @param kvAdc the fast ADC on the kV divider
     * @param maAdc the fast ADC on the tube-current shunt
     */
    DoseMeter(McuTimer tick, long periodNanos, Adc kvAdc, Adc maAdc) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("a dose sample period is above 0, found " + periodNanos + " ns");
        }
        this.tick = tick;
        this.periodNanos = periodNanos;
        this.kvAdc = kvAdc;
        this.maAdc = maAdc;
    }

    /** Starts measuring an exposure whose HV goes on now. */
    void start(long nowNanos) {
        masNanos = 0;
        kvPeak = 0;
        maOnNanos = 0;
        onNanos = 0;
        firstOn = -1;
        lastOff = -1;
        xrayOn = false;
        running = true;
        lastNanos = nowNanos;
        sample();
        tick.startPeriodic(periodNanos);
    }

    /** Whether the last sample read no tube current (below one code of the ADC). */
    boolean currentGone() {
        return ma <= 0;
    }

    /** The periodic sample. */
    void tick(long nowNanos) {
        if (running) {
            accumulate(nowNanos);
            sample();
        }
    }

    /** X-ray on ({@code XRAY_ON}) went high or low now. */
    void xray(boolean on, long nowNanos) {
        if (!running) {
            return;
        }
        accumulate(nowNanos);
        if (on && firstOn < 0) {
            firstOn = nowNanos;
        }
        if (!on && xrayOn) {
            lastOff = nowNanos;
        }
        xrayOn = on;
        sample();
    }

    /** Ends the measurement now (X-ray is off, the tail over) and returns what was delivered. */
    Reading finish(long nowNanos) {
        if (running) {
            accumulate(nowNanos);
            if (xrayOn) {
                lastOff = nowNanos;
                xrayOn = false;
            }
            tick.stop();
            running = false;
        }
        double ms = firstOn < 0 || lastOff < firstOn ? 0 : (lastOff - firstOn) / 1e6;
        return new Reading(kvPeak, onNanos == 0 ? 0 : maOnNanos / onNanos, ms,
                masNanos * 1e-9);
    }

    /** Stops without a reading (a reset). */
    void abandon() {
        tick.stop();
        running = false;
    }

    private void sample() {
        kv = kvAdc.read();
        ma = maAdc.read();
        if (xrayOn) {
            kvPeak = Math.max(kvPeak, kv);
        }
    }

    private void accumulate(long nowNanos) {
        long dt = nowNanos - lastNanos;
        if (dt <= 0) {
            return;
        }
        masNanos += ma * dt;
        if (xrayOn) {
            maOnNanos += ma * dt;
            onNanos += dt;
        }
        lastNanos = nowNanos;
    }
}
