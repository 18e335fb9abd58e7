package org.hilrig.device.profile;

/**
 * A tube's anode as its data sheet describes it: the heat storage capacity (kHU) and the maximum anode
 * cooling rate (kHU per minute), which a data sheet gives at full capacity. The cooling rate is proportional
 * to the heat stored, so the anode cools exponentially with the time constant capacity / maximum rate
 * (350 kHU at 60 kHU/min: 350 s), and the curve is the same in any unit of heat (HU or J):
 *
 * <pre>
 *   rate(H) = maxRate x H / capacity        H(t) = H(0) x exp(-t / tau),   tau = capacity / maxRate
 * </pre>
 *
 * <p>Evaluated in closed form, never stepped: {@link #cooled} over one interval equals it over any split of
 * that interval. The generator's heat computer (its model of the tube) and the tube's thermal plant both cool
 * with it; each takes its numbers from its own profile ({@link #of}). A maximum rate of 0 is an anode that
 * does not cool. A value; no clock is read.
 *
 * @param capacityKhu the anode heat storage capacity, kHU, above 0
 * @param maxCoolingKhuPerMinute the cooling rate at full capacity, kHU per minute, 0 or more
 */
public record AnodeModel(double capacityKhu, double maxCoolingKhuPerMinute) {
    private static final double NANOS_PER_MINUTE = 60e9;

    public AnodeModel {
        if (!(capacityKhu > 0) || !(maxCoolingKhuPerMinute >= 0)) {
            throw new IllegalArgumentException("anode: capacity " + capacityKhu + " kHU must be above 0 and cooling "
                    + maxCoolingKhuPerMinute + " kHU/min at least 0");
        }
    }

    /**
     * The anode of a profile: a generator's {@code heat.anode_capacity_khu} and
     * {@code heat.anode_cooling_max_khu_per_min} (the data sheet configured into its heat computer), a tube
     * controller's {@code thermal.anode_capacity_khu} and {@code thermal.anode_cooling_max_khu_per_min} (the
     * tube it drives).
     */
    public static AnodeModel of(BoardProfile profile) {
        if (profile.board() == Board.GEN) {
            return new AnodeModel(profile.number(GeneratorKeys.ANODE_CAPACITY_KHU),
                    profile.number(GeneratorKeys.ANODE_COOLING_MAX_KHU_PER_MIN));
        }
        return new AnodeModel(profile.number(TubeKeys.TUBE_ANODE_CAPACITY_KHU),
                profile.number(TubeKeys.TUBE_ANODE_COOLING_MAX_KHU_PER_MIN));
    }

    /** The capacity in HU. */
    public double capacityHu() {
        return capacityKhu * 1000.0;
    }

    /** The cooling time constant, ns: capacity / maximum rate; infinite when the anode does not cool. */
    public double timeConstantNanos() {
        return maxCoolingKhuPerMinute == 0 ? Double.POSITIVE_INFINITY
                : capacityKhu / maxCoolingKhuPerMinute * NANOS_PER_MINUTE;
    }

    /** The cooling rate with {@code heatKhu} stored, kHU per minute: the maximum rate at full capacity. */
    public double coolingRateKhuPerMinute(double heatKhu) {
        return maxCoolingKhuPerMinute * heatKhu / capacityKhu;
    }

    /** What is left of {@code heat} (any unit) after cooling for {@code elapsedNanos} (0 or more). */
    public double cooled(double heat, long elapsedNanos) {
        return elapsedNanos <= 0 ? heat : heat * Math.exp(-elapsedNanos / timeConstantNanos());
    }

    /**
     * How long the anode takes to cool from {@code fromHeat} to {@code toHeat} (the same unit), ns: 0 when it
     * is already there, infinite when it never gets there (no cooling, or a target of 0 or less).
     */
    public double coolingNanos(double fromHeat, double toHeat) {
        if (fromHeat <= toHeat) {
            return 0;
        }
        if (toHeat <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return timeConstantNanos() * Math.log(fromHeat / toHeat);
    }
}
