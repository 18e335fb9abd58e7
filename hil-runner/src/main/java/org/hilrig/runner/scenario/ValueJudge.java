package org.hilrig.runner.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hilrig.device.profile.Tolerance;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * The value measurements of one scenario run, as {@link EngineRun} takes them: what a value is judged against
 * (near a quantity within a tolerance, or between bounds, resolved against the run's technique, profiles and
 * earlier values), and the values taken so far in order. Confined to the scenario's thread.
 */
final class ValueJudge {
    /** What a value is judged against, and that as a reviewer reads it. */
    record Bounds(Double nominal, Double min, Double max, String text) {
    }

    /**
     * A judged measurement: a time ({@code time}, for the timing measurements) or a value (recorded here),
     * with its verdict, what it was and its limit, for the step's message.
     */
    record Judged(Measurement time, Verdict verdict, String what, String limit) {
    }

    private final ProfileLimits limits;
    private final Scenario scenario;
    private final List<ValueResult> values = new ArrayList<>();
    private Technique technique;
    /** In a sweep, the station (from 1) the steps now run at; 0 outside a sweep. */
    private int station;

    ValueJudge(ProfileLimits limits, Scenario scenario) {
        this.limits = limits;
        this.scenario = scenario;
        this.technique = scenario.technique();
    }

    /** The technique the steps now run at: a sweep's station {@code station} (from 1), or 0 outside a sweep. */
    void technique(Technique t, int station) {
        this.technique = t;
        this.station = station;
    }

    /**
     * A measurement's name as it is recorded: in a sweep with its station, {@code mas[2]} (each technique's values
     * are their own series: a statistic over the repeats or across a lot never mixes two techniques), else as written.
     */
    String named(String name) {
        return station == 0 ? name : name + "[" + station + "]";
    }

    /** The values taken so far, in order. */
    List<ValueResult> values() {
        return Collections.unmodifiableList(values);
    }

    void add(ValueResult v) {
        values.add(v);
    }

    /** The last value taken under {@code name}, or null. */
    Double last(String name) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i).name().equals(named(name))) {
                return values.get(i).value();
            }
        }
        return null;
    }

    /** A quantity's value in this run. */
    double value(Quantity q) {
        return q.value(limits, scenario.board(), technique, this::last);
    }

    /**
     * The bounds of a value in {@code unit}: near {@code near} within {@code tol}, else {@code lo} to {@code hi}
     * (either may be null).
     *
     * @throws IllegalArgumentException when a quantity cannot be resolved, or the tolerance is in another unit
     */
    Bounds bounds(Quantity near, Step.Tol tol, Quantity lo, Quantity hi, String unit, String what) {
        if (near != null) {
            double nominal = value(near);
            Tolerance t = tol.written() != null ? tol.written() : limits.tolerance(tol.profilePath(), scenario.board());
            if (!unit.isEmpty() && !t.fits(unit)) {
                throw new IllegalArgumentException(tol + " (" + t + ") is in " + t.unit() + ", " + what + " in " + unit);
            }
            return new Bounds(nominal, nominal - t.around(nominal), nominal + t.around(nominal),
                    near + " (" + AnalogWindow.round(nominal) + ") +- " + tol + (tol.written() != null ? "" : " (" + t + ")"));
        }
        Double min = lo == null ? null : value(lo);
        Double max = hi == null ? null : value(hi);
        String text = (min == null ? "" : "min " + AnalogWindow.round(min)) + (min != null && max != null ? ", " : "")
                + (max == null ? "" : "max " + AnalogWindow.round(max));
        return new Bounds(null, min, max, text.isEmpty() ? "no limit" : text);
    }

    /**
     * Takes and judges the statistic of a {@code measure} step over its window: a time against its
     * {@code within} (uncertain by the acquisition's sample period), a value against its bounds (an integral
     * uncertain by its peak over one sample period), the value recorded here.
     *
     * @throws AnalogWindow.NoValue when the statistic has no value on these samples
     */
    Judged judge(Step.Measure m, AnalogWindow w, long start, long periodNanos, List<String> signals) {
        double level = m.above() == null ? 0 : value(m.above());
        double value = w.value(m.stat(), level);
        String what = m.name() + " (" + m.stat().word() + " of " + m.signal() + ")";
        if (m.stat().isTime()) {
            long nanos = Math.round(value);
            Window within = m.within() == null ? new Window(null, null)
                    : m.within().resolve(limits, scenario.board(), technique);
            Measurement t = Measurement.judge(named(m.name()), nanos, periodNanos, within.minNanos(), within.maxNanos());
            return new Judged(t, t.verdict(), what + " took " + Durations.format(nanos),
                    "limit " + (m.within() == null ? "none" : m.within() + " (" + within + ")"));
        }
        String unit = m.unit();
        Bounds b = bounds(m.near(), m.tol(), m.min(), m.max(), unit, m.name());
        double uncertainty = m.stat() == AnalogStat.INTEGRAL ? Math.abs(w.value(AnalogStat.PEAK, 0)) * periodNanos * 1e-9 : 0;
        Verdict v = ValueResult.verdict(value, uncertainty, b.min(), b.max());
        values.add(new ValueResult(named(m.name()), value, unit, b.nominal(), b.min(), b.max(), uncertainty, v, start,
                start + w.length(), signals, periodNanos > 0 ? (int) Math.min(Integer.MAX_VALUE, w.length() / periodNanos)
                : w.samplesInside()));
        return new Judged(null, v, what + " was " + AnalogWindow.round(value) + " " + unit, b.text());
    }

    /**
     * Judges the fields of a frame the board sent as values ({@code mas: {near: value.mas, tol: 2 %}}), each
     * recorded as the value {@code SUBJECT.field} ({@code LXP.mas}) at the frame's time; in the checks' order.
     *
     * @throws StepRun.NotMet when the frame lacks a field or it is not a number
     */
    List<Judged> fields(Frame f, String subject, java.util.Map<String, FieldCheck> checks, long atNanos) {
        List<Judged> out = new ArrayList<>();
        checks.forEach((field, check) -> out.add(field(f, subject, field, check, atNanos)));
        return out;
    }

    private Judged field(Frame f, String subject, String field, FieldCheck check, long atNanos) {
        KeyValues kv;
        try {
            kv = f.values();
        } catch (IllegalArgumentException e) {
            throw new StepRun.NotMet(f.text() + " has no readable fields: " + e.getMessage());
        }
        if (!kv.has(field)) {
            throw new StepRun.NotMet(f.text() + " has no field " + field);
        }
        double value;
        try {
            value = Double.parseDouble(kv.text(field));
        } catch (NumberFormatException e) {
            throw new StepRun.NotMet(f.text() + ": field " + field + "=" + kv.text(field) + " is not a number");
        }
        String unit = FieldCheck.unitOf(field);
        String name = named(subject + "." + field);
        Bounds b = bounds(check.near(), check.tol(), check.min(), check.max(), unit, name);
        Verdict v = ValueResult.verdict(value, 0, b.min(), b.max());
        values.add(new ValueResult(name, value, unit, b.nominal(), b.min(), b.max(), 0, v, atNanos, atNanos, List.of(), 1));
        return new Judged(null, v, name + " was " + kv.text(field) + (unit.isEmpty() ? "" : " " + unit), b.text());
    }

    /**
     * The first measurement of a repeated scenario whose values vary by more than the repeat's CV bound, as a
     * message; null when there is no bound or every one holds. Values and times of the same name are one series.
     */
    void reproducibility(Scenario.Repeat repeat, List<ScenarioOutcome.Taken> times) {
        if (repeat.cvMax() == null) {
            return;
        }
        java.util.Map<String, org.apache.commons.math3.stat.descriptive.DescriptiveStatistics> series =
                new java.util.LinkedHashMap<>();
        for (ScenarioOutcome.Taken t : times) {
            series.computeIfAbsent(t.measurement().name(), k -> new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics())
                    .addValue(t.measurement().valueNanos());
        }
        for (ValueResult v : values) {
            series.computeIfAbsent(v.name(), k -> new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics())
                    .addValue(v.value());
        }
        for (java.util.Map.Entry<String, org.apache.commons.math3.stat.descriptive.DescriptiveStatistics> e : series.entrySet()) {
            var d = e.getValue();
            if (d.getN() >= 2 && d.getMean() != 0) {
                double cv = d.getStandardDeviation() / Math.abs(d.getMean());
                if (cv > repeat.cvMax()) {
                    throw new StepRun.NotMet(String.format(java.util.Locale.ROOT, "%s varied by a CV of %.4f over %d repeats, more than"
                            + " cv_max %s (reproducibility)", e.getKey(), cv, d.getN(),
                            java.math.BigDecimal.valueOf(repeat.cvMax()).stripTrailingZeros().toPlainString()));
                }
            }
        }
    }

    /**
     * With a sweep's linearity bound: the value {@code of} per set mAs at each technique (the mean over its
     * repeats), each adjacent pair recorded as the value {@code linearity N-M} (|X1 - X2| / (X1 + X2)) against the
     * bound; the first pair beyond it fails the scenario (21 CFR 1020.31(c)).
     *
     * @param starts where each technique's values begin in {@link #values()}
     * @throws StepRun.NotMet when a technique has no such value, or a pair is beyond the bound
     */
    void linearity(Scenario.Sweep sweep, List<Integer> starts) {
        if (sweep == null || sweep.of() == null) {
            return;
        }
        double[] x = new double[starts.size()];
        for (int s = 0; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : values.size();
            double sum = 0;
            int n = 0;
            for (ValueResult v : values.subList(starts.get(s), end)) {
                if (v.name().equals(sweep.of() + "[" + (s + 1) + "]")) {
                    sum += v.value();
                    n++;
                }
            }
            if (n == 0) {
                throw new StepRun.NotMet("technique " + (s + 1) + " of the sweep took no value " + sweep.of());
            }
            Technique t = sweep.techniques().get(s);
            x[s] = sum / n / (t.milliamps() * t.milliseconds() / 1000.0);
        }
        String beyond = null;
        for (int s = 0; s + 1 < x.length; s++) {
            double share = Math.abs(x[s] - x[s + 1]) / (x[s] + x[s + 1]);
            Verdict v = ValueResult.verdict(share, 0, null, sweep.max());
            values.add(new ValueResult("linearity " + (s + 1) + "-" + (s + 2), share, "", null, null, sweep.max(), 0, v,
                    0, 0, List.of(), 2));
            if (v == Verdict.FAIL && beyond == null) {
                beyond = String.format(java.util.Locale.ROOT, "linearity of %s per mAs between techniques %d and %d: %.4f"
                        + " and %.4f differ by %.4f of their sum, more than %s", sweep.of(), s + 1, s + 2, x[s], x[s + 1],
                        share, java.math.BigDecimal.valueOf(sweep.max()).stripTrailingZeros().toPlainString());
            }
        }
        if (beyond != null) {
            throw new StepRun.NotMet(beyond);
        }
    }
}
