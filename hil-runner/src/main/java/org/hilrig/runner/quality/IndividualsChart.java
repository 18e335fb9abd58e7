package org.hilrig.runner.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * An individuals and moving-range (I-MR) control chart of values in the order taken, with the Western Electric
 * rules 1 to 4 flagged.
 *
 * <p>Limits (NIST/SEMATECH e-Handbook, section 6.3.2.2, "Individuals Control Charts",
 * https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm): the moving ranges MR_i = |x_i - x_(i-1)|, their
 * mean MR̄, σ = MR̄ / d2 with d2 = 1.128 (the constant for ranges of two); the individuals chart's centre x̄ and
 * limits x̄ ± 3σ, the moving-range chart's upper limit D4·MR̄ with D4 = 3.267 (its lower limit is 0). Means from
 * Commons Math's {@link DescriptiveStatistics}.
 *
 * <p>Rules (Western Electric Co., Statistical Quality Control Handbook, 1956; listed in the e-Handbook, section
 * 6.3.2, https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc32.htm), zones in σ from the centre, a point
 * flagged where the pattern completes (the last point of the run), each rule on its own:
 * <ol>
 * <li>one point beyond 3σ;
 * <li>two of three consecutive points beyond 2σ, on the same side;
 * <li>four of five consecutive points beyond 1σ, on the same side;
 * <li>eight consecutive points on the same side of the centre.
 * </ol>
 * Needs two values or more; immutable.
 */
public final class IndividualsChart {
    /** d2 for moving ranges of two (the e-Handbook's 1.128). */
    static final double D2 = 1.128;
    /** D4 for moving ranges of two. */
    static final double D4 = 3.267;

    private final double center;
    private final double sigma;
    private final double movingRangeMean;
    private final Map<Integer, List<Integer>> flagged;

    private IndividualsChart(List<Double> values) {
        DescriptiveStatistics x = new DescriptiveStatistics();
        DescriptiveStatistics mr = new DescriptiveStatistics();
        for (int i = 0; i < values.size(); i++) {
            x.addValue(values.get(i));
            if (i > 0) {
                mr.addValue(Math.abs(values.get(i) - values.get(i - 1)));
            }
        }
        this.center = x.getMean();
        this.movingRangeMean = mr.getMean();
        this.sigma = movingRangeMean / D2;
        this.flagged = flag(values);
    }

    /** The chart of these values, in the order taken; null for fewer than two. */
    public static IndividualsChart of(List<Double> values) {
        return values.size() < 2 ? null : new IndividualsChart(List.copyOf(values));
    }

    public double center() {
        return center;
    }

    /** σ = MR̄ / d2: the spread from one value to the next. */
    public double sigma() {
        return sigma;
    }

    public double upperLimit() {
        return center + 3 * sigma;
    }

    public double lowerLimit() {
        return center - 3 * sigma;
    }

    public double movingRangeMean() {
        return movingRangeMean;
    }

    public double movingRangeUpperLimit() {
        return D4 * movingRangeMean;
    }

    /** For each rule 1 to 4 that fired, the points it flagged (0-based, in the order taken); rules in order. */
    public Map<Integer, List<Integer>> flagged() {
        return flagged;
    }

    private Map<Integer, List<Integer>> flag(List<Double> v) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        for (int rule = 1; rule <= 4; rule++) {
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (sigma > 0 && fires(rule, v, i)) {
                    points.add(i);
                }
            }
            if (!points.isEmpty()) {
                out.put(rule, List.copyOf(points));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Whether rule {@code rule}'s pattern completes at point {@code i}. */
    private boolean fires(int rule, List<Double> v, int i) {
        return switch (rule) {
            case 1 -> Math.abs(z(v, i)) > 3;
            case 2 -> beyond(v, i, 3, 2, 2);
            case 3 -> beyond(v, i, 5, 4, 1);
            default -> sameSide(v, i, 8);
        };
    }

    /** {@code need} of the {@code window} points ending at i beyond {@code zones}σ on one side, i itself among them. */
    private boolean beyond(List<Double> v, int i, int window, int need, double zones) {
        if (i < window - 1) {
            return false;
        }
        for (int side : new int[] {1, -1}) {
            if (side * z(v, i) <= zones) {
                continue;
            }
            int n = 0;
            for (int j = i - window + 1; j <= i; j++) {
                n += side * z(v, j) > zones ? 1 : 0;
            }
            if (n >= need) {
                return true;
            }
        }
        return false;
    }

    private boolean sameSide(List<Double> v, int i, int run) {
        if (i < run - 1) {
            return false;
        }
        double first = Math.signum(z(v, i));
        if (first == 0) {
            return false;
        }
        for (int j = i - run + 1; j <= i; j++) {
            if (Math.signum(z(v, j)) != first) {
                return false;
            }
        }
        return true;
    }

    private double z(List<Double> v, int i) {
        return (v.get(i) - center) / sigma;
    }
}
