package org.hilrig.runner.cli;

import java.util.Locale;
import org.hilrig.runner.run.JunitXml;
import org.hilrig.runner.store.StoredStatistics;

/**
 * The columns {@code hil history} shows a measurement's statistics in (over a scenario's repeats, or across a
 * lot's units): {@code N MEAN SD CV MIN MAX LIMITS CPK OUTSIDE}, values in the measurement's unit with four
 * significant digits, {@code -} where a statistic does not exist (a CV for a mean of 0, a Cpk without limits or
 * spread, no limits).
 */
final class StatisticsTable {
    private StatisticsTable() {
    }

    /** The header of the statistics columns. */
    static final String HEADER = String.format(Locale.ROOT, "%4s %12s %12s %9s %12s %12s %-28s %8s %s", "N", "MEAN",
            "SD", "CV", "MIN", "MAX", "LIMITS", "CPK", "OUTSIDE");

    /** One measurement's statistics in the columns of {@link #HEADER}. */
    static String columns(StoredStatistics s) {
        return String.format(Locale.ROOT, "%4d %12s %12s %9s %12s %12s %-28s %8s %d", s.n(), value(s.mean(), s.unit()),
                value(s.sd(), s.unit()), s.cv() == null ? "-" : String.format(Locale.ROOT, "%.3g", s.cv()),
                value(s.min(), s.unit()), value(s.max(), s.unit()), limits(s),
                s.cpk() == null ? "-" : String.format(Locale.ROOT, "%.3g", s.cpk()), s.outside());
    }

    private static String value(double v, String unit) {
        return JunitXml.valueText(v, unit);
    }

    private static String limits(StoredStatistics s) {
        String limits = JunitXml.limits(s.lower(), s.upper(), s.unit());
        return limits.isEmpty() ? "-" : limits;
    }
}
