package org.hilrig.device.firmware;

import org.hilrig.device.profile.GeneratorKeys;
import org.hilrig.device.profile.AnodeModel;
import org.hilrig.device.profile.BoardProfile;

/**
 * The firmware's account of the anode's heat, in heat units (HU): an exposure adds kV x mAs x the
 * profile's HU factor (a technique is judged by the most it may add: kV x mA x its set time, in AEC its
 * backup time); the anode cools on its data sheet's curve ({@link AnodeModel}: the cooling rate
 * proportional to the heat, the data sheet's maximum rate at full capacity), the same curve the tube's
 * thermal plant follows, so the account predicts what the anode holds. A technique is allowed when the heat
 * now plus its own fits the capacity. Times are the scheduler's nanoseconds, passed in: the account never
 * reads a clock.
 *
 * <p>Defects: none here; {@link Defect#HEAT_LIMIT_IGNORED} is honoured where the answer is used
 * ({@link ExposureSequence}, {@link GeneratorCommands}). The heat survives a reset of the controller (the
 * anode does not cool by rebooting); {@link Defect#HEAT_LOST_ON_RESET} has the firmware {@link #forget} it
 * at boot ({@link GeneratorFirmware}).
 */
final class AnodeHeat {
    private final AnodeModel anode;
    private final double huFactor;
    private double heatHu;
    private long heatAtNanos;

    /**
     * @param anode the tube's data sheet: capacity and cooling curve
     * @param huFactor heat units per kV x mA x s
     */
    AnodeHeat(AnodeModel anode, double huFactor) {
        this.anode = anode;
        this.huFactor = huFactor;
    }

    /** The account of the profile's {@code heat} keys, cold. */
    static AnodeHeat of(BoardProfile profile) {
        return new AnodeHeat(AnodeModel.of(profile), profile.number(GeneratorKeys.HU_FACTOR));
    }

    /** The heat at {@code nowNanos}, in HU, after cooling since the last exposure. */
    double unitsAt(long nowNanos) {
        return anode.cooled(heatHu, nowNanos - heatAtNanos);
    }

    /** The heat at {@code nowNanos} as a whole percentage of the capacity ({@code anode} of STA and HEA). */
    long percentAt(long nowNanos) {
        return Math.round(unitsAt(nowNanos) / anode.capacityHu() * 100);
    }

    /** The most heat an exposure of {@code t} adds, in HU: of its set time, in AEC of its backup time. */
    double unitsOf(Technique t) {
        return unitsOf(t.kv(), t.ma() * t.longestMs() / 1000.0);
    }

    /** The heat an exposure that delivered {@code mas} at {@code kv} added, in HU. */
    double unitsOf(double kv, double mas) {
        return kv * mas * huFactor;
    }

    /** True when {@code t} alone fits a cold anode: a technique beyond it can never be exposed. */
    boolean fitsCold(Technique t) {
        return unitsOf(t) <= anode.capacityHu();
    }

    /** True when an exposure of {@code t} started at {@code nowNanos} fits the capacity. */
    boolean allows(Technique t, long nowNanos) {
        return unitsAt(nowNanos) + unitsOf(t) <= anode.capacityHu();
    }

    /** Adds {@code hu} at {@code nowNanos} (an exposure that has just ended). */
    void add(double hu, long nowNanos) {
        heatHu = unitsAt(nowNanos) + hu;
        heatAtNanos = nowNanos;
    }

    /** The account starts again cold: what a firmware that keeps the heat in RAM only does at boot. */
    void forget() {
        heatHu = 0.0;
        heatAtNanos = 0;
    }

    /**
     * Whole seconds of cooling from {@code nowNanos} until {@code t} fits, rounded up; 0 when it fits now
     * (or the anode does not cool); -1 when it never will ({@code t} alone is beyond the capacity, or takes
     * all of it, which an exponential cooling never quite frees).
     */
    long waitSeconds(Technique t, long nowNanos) {
        double room = anode.capacityHu() - unitsOf(t);
        if (room < 0) {
            return -1;
        }
        double now = unitsAt(nowNanos);
        if (now <= room || anode.maxCoolingKhuPerMinute() == 0) {
            return 0;
        }
        double nanos = anode.coolingNanos(now, room);
        return Double.isInfinite(nanos) ? -1 : (long) Math.ceil(nanos / 1e9);
    }
}
