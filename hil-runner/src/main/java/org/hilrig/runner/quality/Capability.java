package org.hilrig.runner.quality;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The process capability of one measurement's values against its limits, with how far it can be trusted.
 *
 * <p>Definitions (NIST/SEMATECH e-Handbook of Statistical Methods, section 6.1.6, "What is Process Capability?",
 * https://www.itl.nist.gov/div898/handbook/pmc/section1/pmc16.htm), with the sample mean x̄ and the sample standard
 * deviation s (n - 1) of Commons Math's {@link DescriptiveStatistics}:
 * <ul>
 * <li>Cp = (USL - LSL) / 6s, with both limits only; its 95 % interval from the chi-square distribution with n - 1
 * degrees of freedom (Commons Math {@link ChiSquaredDistribution}): Cp·sqrt(χ²(0.025) / (n - 1)) to
 * Cp·sqrt(χ²(0.975) / (n - 1)) (the same section);
 * <li>Cpk = min((USL - x̄) / 3s, (x̄ - LSL) / 3s), over the limits there are (one side with one limit); its 95 %
 * interval Bissell's normal approximation, Cpk ± z(0.975)·sqrt(1 / 9n + Cpk² / (2(n - 1))) (A. F. Bissell, "How
 * reliable is your capability index?", Applied Statistics 39 (1990) 331-340; quoted in the same section), z from
 * Commons Math's {@link NormalDistribution}.
 * </ul>
 * s is the overall standard deviation (what AIAG's manual calls Ppk's); the individuals chart's σ from the moving
 * range is {@link IndividualsChart#sigma()}.
 *
 * <p>The measurement-system warning: U is the median of the values' recorded uncertainties; with two limits its
 * share of the tolerance is 2U / (USL - LSL), with one the share of the distance from the mean to that limit,
 * U / |limit - x̄|. Above {@link #MEASUREMENT_SYSTEM_LIMIT} (30 %, the level above which AIAG's MSA manual calls a
 * gauge unacceptable) the Cpk is computed from values the uncertainty eats the tolerance of: not believable.
 * Immutable.
 */
public final class Capability {
    /** The share of the tolerance the uncertainty may take before a warning: 0.30. */
    public static final double MEASUREMENT_SYSTEM_LIMIT = 0.30;
    private static final double CONFIDENCE = 0.95;

    private final int n;
    private final double mean;
    private final double sd;
    private final double min;
    private final double max;
    private final Double lower;
    private final Double upper;
    private final double uncertainty;
    private final int outside;

    private Capability(DescriptiveStatistics d, Double lower, Double upper, double uncertainty) {
        this.n = (int) d.getN();
        this.mean = d.getMean();
        this.sd = n < 2 ? 0 : d.getStandardDeviation();
        this.min = d.getMin();
        this.max = d.getMax();
        this.lower = lower;
        this.upper = upper;
        this.uncertainty = uncertainty;
        int out = 0;
        for (double v : d.getValues()) {
            out += (lower != null && v < lower) || (upper != null && v > upper) ? 1 : 0;
        }
        this.outside = out;
    }

    /**
     * @param values one value a unit, in the order tested (at least one)
     * @param lower the lower limit, or null
     * @param upper the upper limit, or null
     * @param uncertainties each value's recorded uncertainty, same unit
     */
    public static Capability of(List<Double> values, Double lower, Double upper, List<Double> uncertainties) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        DescriptiveStatistics d = new DescriptiveStatistics();
        values.forEach(d::addValue);
        DescriptiveStatistics u = new DescriptiveStatistics();
        uncertainties.forEach(u::addValue);
        return new Capability(d, lower, upper, uncertainties.isEmpty() ? 0 : u.getPercentile(50));
    }

    public int n() {
        return n;
    }

    public double mean() {
        return mean;
    }

    /** The sample standard deviation (n - 1); 0 for one value. */
    public double sd() {
        return sd;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public Double lower() {
        return lower;
    }

    public Double upper() {
        return upper;
    }

    /** How many values lay outside the limits. */
    public int outside() {
        return outside;
    }

    /** U: the median recorded uncertainty. */
    public double uncertainty() {
        return uncertainty;
    }

    private boolean spread() {
        return n >= 2 && sd > 0;
    }

    /** Cp; null without both limits, fewer than two values or no spread. */
    public Double cp() {
        return lower == null || upper == null || !spread() ? null : (upper - lower) / (6 * sd);
    }

    /** Cpk (one-sided with one limit); null without limits, fewer than two values or no spread. */
    public Double cpk() {
        if ((lower == null && upper == null) || !spread()) {
            return null;
        }
        double c = Double.POSITIVE_INFINITY;
        if (upper != null) {
            c = Math.min(c, (upper - mean) / (3 * sd));
        }
        if (lower != null) {
            c = Math.min(c, (mean - lower) / (3 * sd));
        }
        return c;
    }

    /** Cp's 95 % interval {low, high} (chi-square); null where Cp is. */
    public double[] cpInterval() {
        Double cp = cp();
        if (cp == null) {
            return null;
        }
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, n - 1.0);
        double a = (1 - CONFIDENCE) / 2;
        return new double[] {cp * Math.sqrt(chi.inverseCumulativeProbability(a) / (n - 1)),
                cp * Math.sqrt(chi.inverseCumulativeProbability(1 - a) / (n - 1))};
    }

    /** Cpk's 95 % interval {low, high} (Bissell); null where Cpk is. */
    public double[] cpkInterval() {
        Double cpk = cpk();
        if (cpk == null) {
            return null;
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = z * Math.sqrt(1.0 / (9 * n) + cpk * cpk / (2.0 * (n - 1)));
        return new double[] {cpk - half, cpk + half};
    }

    /** The uncertainty's share of the tolerance (above); null without limits or with the mean on a limit. */
    public Double uncertaintyShare() {
        if (lower != null && upper != null) {
            return upper > lower ? 2 * uncertainty / (upper - lower) : null;
        }
        Double limit = lower != null ? lower : upper;
        if (limit == null || limit == mean) {
            return null;
        }
        return uncertainty / Math.abs(limit - mean);
    }

    /** Whether the uncertainty takes more than {@link #MEASUREMENT_SYSTEM_LIMIT} of the tolerance. */
    public boolean measurementSystemWarning() {
        Double share = uncertaintyShare();
        return share != null && share > MEASUREMENT_SYSTEM_LIMIT;
    }
}
