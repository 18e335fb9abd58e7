package org.hilrig.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hilrig.runner.quality.Capability;
import org.hilrig.runner.quality.CapabilityReport;
import org.hilrig.runner.quality.IndividualsChart;
import org.hilrig.runner.store.AttemptPurpose;
import org.hilrig.runner.store.QualityRecords;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hil cpk}: per measurement of the station's attempts of one purpose, n, mean, SD, Cp and Cpk with their 95 %
 * intervals, the measurement-system warning, and the individuals chart's limits with the Western Electric rules that
 * fired and at which units ({@link CapabilityReport}). A report, not a check: exit 0 whatever the figures; 0 with one
 * line when there is nothing to report; 2 for a bad option value, a {@code --measurement} the attempts never took, or
 * a default database that does not exist yet.
 */
@Command(name = "cpk", description = {"Shows the process capability of each measurement across the units of the"
        + " station's attempts (production unless --purpose says otherwise): n, mean, SD, Cp, Cpk and their 95 %%"
        + " intervals, a measurement-system warning, and an individuals/moving-range chart with the Western Electric"
        + " rules flagged.",
        "One value a unit: its first tested attempt's, the mean of its repeats. Nothing to report is one line and exit 0."})
final class CpkCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Flagged points listed per rule; the rest are counted. */
    private static final int LISTED = 8;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--measurement", paramLabel = "NAME", description = "Only this measurement (its name, as in"
            + " results.json; in every scenario that takes it).")
    String measurement;

    @Option(names = "--purpose", paramLabel = "P", defaultValue = "production", description = "Which attempts: "
            + "production (default), golden, engineering or ci.")
    String purposeWord;

    @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AttemptPurpose purpose = QualityDatabase.purpose(purposeWord);
        String url = database.url();
        PrintWriter out = spec.commandLine().getOut();
        try (QualityRecords records = QualityRecords.open(url)) {
            List<QualityRecords.Attempt> attempts = records.attempts(purpose);
            CapabilityReport report = CapabilityReport.of(attempts, records.values(purpose, measurement));
            Map<AttemptPurpose, Integer> ended = records.endedByPurpose();
            if (report.rows().isEmpty() && measurement != null && !CapabilityReport.of(attempts,
                    records.values(purpose, null)).rows().isEmpty()) {
                throw new BadInputException("--measurement", 0, 0, "'" + measurement + "': no such measurement in the "
                        + purpose.word() + " attempts of " + records.where() + " ('hil cpk' lists them)");
            }
            if (json) {
                out.println(JSON.writeValueAsString(json(records.where(), purpose, report, ended)));
            } else if (report.rows().isEmpty()) {
                out.println("no measured values in tested " + purpose.word() + " attempts in " + records.where()
                        + " (other purposes: " + QualityDatabase.others(ended, purpose) + ")");
            } else {
                print(out, records.where(), purpose, report);
            }
        }
        out.flush();
        return Hil.OK;
    }

    private static final String ROW = "%-40s %-4s %5s %11s %11s %-26s %6s %6s %-15s %7s %4s%n";

    private static void print(PrintWriter out, String where, AttemptPurpose purpose, CapabilityReport report) {
        out.printf(Locale.ROOT, "process capability of %s attempts in %s: one value a unit (its first tested attempt),"
                + " 95 %% intervals (Cp chi-square, Cpk Bissell), U/TOL = 2U/(USL-LSL) (one limit: U/|limit-mean|),"
                + " a measurement-system warning (!) above %.0f %%%n%n", purpose.word(), where,
                100 * Capability.MEASUREMENT_SYSTEM_LIMIT);
        out.printf(Locale.ROOT, ROW, "MEASUREMENT", "UNIT", "N", "MEAN", "SD", "LIMITS", "CP", "CPK", "CPK 95 % CI",
                "U/TOL", "OUT");
        for (CapabilityReport.Row r : report.rows()) {
            Capability c = r.capability();
            double[] ci = c.cpkInterval();
            Double share = c.uncertaintyShare();
            out.printf(Locale.ROOT, ROW, r.measurement(), r.unit(), c.n(), g(c.mean()), g(c.sd()), limits(r), opt(c.cp()),
                    opt(c.cpk()), ci == null ? "-" : String.format(Locale.ROOT, "[%.3g, %.3g]", ci[0], ci[1]),
                    share == null ? "-" : QualityDatabase.percent(share) + (c.measurementSystemWarning() ? "!" : ""),
                    c.outside());
        }
        List<CapabilityReport.Row> warned = report.rows().stream().filter(r -> r.capability().measurementSystemWarning())
                .toList();
        if (!warned.isEmpty()) {
            out.println();
            out.println("measurement-system warning: the uncertainty takes more than "
                    + Math.round(100 * Capability.MEASUREMENT_SYSTEM_LIMIT) + " % of the tolerance of "
                    + String.join(", ", warned.stream().map(CapabilityReport.Row::measurement).toList())
                    + ": their Cpk is not believable");
        }
        out.println();
        out.println("control charts (individuals and moving range; Western Electric rules 1-4):");
        String fmt = "%-40s %11s %11s %11s %11s %11s  %s%n";
        out.printf(Locale.ROOT, fmt, "MEASUREMENT", "CENTRE", "LCL", "UCL", "MR MEAN", "MR UCL", "RULES FIRED AT");
        for (CapabilityReport.Row r : report.rows()) {
            IndividualsChart chart = r.chart();
            if (chart == null) {
                out.printf(Locale.ROOT, fmt, r.measurement(), "-", "-", "-", "-", "-", "one unit: no chart");
                continue;
            }
            out.printf(Locale.ROOT, fmt, r.measurement(), g(chart.center()), g(chart.lowerLimit()), g(chart.upperLimit()),
                    g(chart.movingRangeMean()), g(chart.movingRangeUpperLimit()), rules(chart, r.serials()));
        }
    }

    private static String rules(IndividualsChart chart, List<String> serials) {
        if (chart.flagged().isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        chart.flagged().forEach((rule, points) -> {
            b.append(b.length() == 0 ? "" : "; ").append("rule ").append(rule).append(": ");
            List<String> named = points.stream().limit(LISTED).map(i -> (i + 1) + " " + serials.get(i)).toList();
            b.append(String.join(", ", named)).append(points.size() > LISTED ? ", ... " + (points.size() - LISTED)
                    + " more" : "");
        });
        return b.toString();
    }

    private static String limits(CapabilityReport.Row r) {
        Capability c = r.capability();
        if (r.limitsDiffered()) {
            return "differed (none used)";
        }
        if (c.lower() == null && c.upper() == null) {
            return "-";
        }
        if (c.lower() == null) {
            return "<= " + g(c.upper());
        }
        if (c.upper() == null) {
            return ">= " + g(c.lower());
        }
        return "[" + g(c.lower()) + ", " + g(c.upper()) + "]";
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    private static String opt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static ObjectNode json(String where, AttemptPurpose purpose, CapabilityReport report,
            Map<AttemptPurpose, Integer> ended) {
        ObjectNode root = JSON.createObjectNode();
        root.put("database", where);
        root.put("purpose", purpose.word());
        root.put("confidence", 0.95);
        root.put("measurement_system_limit", Capability.MEASUREMENT_SYSTEM_LIMIT);
        ArrayNode rows = root.putArray("measurements");
        for (CapabilityReport.Row r : report.rows()) {
            Capability c = r.capability();
            ObjectNode n = rows.addObject();
            n.put("scenario", r.scenario());
            n.put("name", r.name());
            n.put("unit", r.unit());
            n.put("n", c.n());
            n.put("mean", c.mean());
            n.put("sd", c.sd());
            n.put("min", c.min());
            n.put("max", c.max());
            put(n, "lower", c.lower());
            put(n, "upper", c.upper());
            n.put("limits_differed", r.limitsDiffered());
            put(n, "cp", c.cp());
            interval(n, "cp_ci95", c.cpInterval());
            put(n, "cpk", c.cpk());
            interval(n, "cpk_ci95", c.cpkInterval());
            n.put("uncertainty", c.uncertainty());
            put(n, "uncertainty_share", c.uncertaintyShare());
            n.put("measurement_system_warning", c.measurementSystemWarning());
            n.put("outside", c.outside());
            IndividualsChart chart = r.chart();
            if (chart == null) {
                n.putNull("chart");
                continue;
            }
            ObjectNode ch = n.putObject("chart");
            ch.put("center", chart.center());
            ch.put("sigma", chart.sigma());
            ch.put("lcl", chart.lowerLimit());
            ch.put("ucl", chart.upperLimit());
            ch.put("mr_mean", chart.movingRangeMean());
            ch.put("mr_ucl", chart.movingRangeUpperLimit());
            ObjectNode rules = ch.putObject("western_electric");
            chart.flagged().forEach((rule, points) -> {
                ArrayNode a = rules.putArray(String.valueOf(rule));
                points.forEach(i -> a.addObject().put("index", i).put("serial", r.serials().get(i))
                        .put("value", r.values().get(i)));
            });
        }
        ObjectNode e = root.putObject("ended_attempts_by_purpose");
        ended.forEach((k, v) -> e.put(k.word(), v));
        return root;
    }

    private static void put(ObjectNode n, String key, Double v) {
        if (v == null) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static void interval(ObjectNode n, String key, double[] ci) {
        if (ci == null) {
            n.putNull(key);
        } else {
            n.putArray(key).add(ci[0]).add(ci[1]);
        }
    }
}
