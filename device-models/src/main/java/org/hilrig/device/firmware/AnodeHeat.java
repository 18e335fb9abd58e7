package org.hilrig.device.firmware;

import org.hilrig.device.profile.BoardProfile;
import org.hilrig.device.profile.ProfileKey;

/**
 * The firmware's account of the anode's heat, in heat units (HU): an exposure adds kV x mA x ms / 1000 x
 * the profile's HU factor; the anode cools linearly at the profile's rate down to 0. A technique is allowed
 * when the heat now plus its own fits the capacity. Times are the scheduler's nanoseconds, passed in: the
 * account never reads a clock.
 *
 * <p>Defects: none here; {@link Defect#HEAT_LIMIT_IGNORED} is honoured where the answer is used
 * ({@link ExposureSequence}, {@link GeneratorCommands}). The heat survives a reset of the controller (the
 * anode does not cool by rebooting); {@link Defect#HEAT_LOST_ON_RESET} has the firmware {@link #forget} it
 * at boot ({@link GeneratorFirmware}).
 */
final class AnodeHeat {
    private final double capacityHu;
    private final double coolingHuPerNano;
    private final double huFactor;
    private double heatHu;
    private long heatAtNanos;

    /**
     * @param capacityKhu the anode's capacity in kHU
     * @param coolingKhuPerMinute the cooling rate in kHU per minute
     * @param huFactor heat units per kV x mA x s
     */
    AnodeHeat(double capacityKhu, double coolingKhuPerMinute, double huFactor) {
        this.capacityHu = capacityKhu * 1000.0;
        this.coolingHuPerNano = coolingKhuPerMinute * 1000.0 / 60e9;
        this.huFactor = huFactor;
    }

    /** The account of the profile's {@code anode} keys, cold. */
    static AnodeHeat of(BoardProfile profile) {
        return new AnodeHeat(profile.number(ProfileKey.ANODE_CAPACITY_KHU),
                profile.number(ProfileKey.COOLING_KHU_PER_MIN), profile.number(ProfileKey.HU_FACTOR));
    }

    /** The heat at {@code nowNanos}, in HU, after cooling since the last exposure; never below 0. */
    double unitsAt(long nowNanos) {
        return Math.max(0.0, heatHu - coolingHuPerNano * (nowNanos - heatAtNanos));
    }

    /** The heat at {@code nowNanos} as a whole percentage of the capacity ({@code anode} of STA and HEA). */
    long percentAt(long nowNanos) {
        return Math.round(unitsAt(nowNanos) / capacityHu * 100);
    }

    /** The heat an exposure of {@code t} adds, in HU. */
    double unitsOf(Technique t) {
        return unitsOf(t.kv(), t.ma() * t.ms() / 1000.0);
    }

    /** The heat an exposure that delivered {@code mas} at {@code kv} added, in HU. */
    double unitsOf(double kv, double mas) {
        return kv * mas * huFactor;
    }

    /** True when an exposure of {@code t} started at {@code nowNanos} fits the capacity. */
    boolean allows(Technique t, long nowNanos) {
        return unitsAt(nowNanos) + unitsOf(t) <= capacityHu;
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
     * (or the anode does not cool); -1 when it never will ({@code t} alone is beyond the capacity).
     */
    long waitSeconds(Technique t, long nowNanos) {
        if (unitsOf(t) > capacityHu) {
            return -1;
        }
        double excess = unitsAt(nowNanos) + unitsOf(t) - capacityHu;
        return excess <= 0 || coolingHuPerNano <= 0 ? 0 : (long) Math.ceil(excess / coolingHuPerNano / 1e9);
    }
}
