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
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.hilrig.runner.quality.FailurePareto;
import org.hilrig.runner.quality.YieldFigures;
import org.hilrig.runner.store.AttemptPurpose;
import org.hilrig.runner.store.QualityRecords;
import org.hilrig.timing.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hil yield}: first-pass yield, final yield and retest rate of the station's attempts of one purpose (production
 * unless {@code --purpose} says otherwise), in total and by {@code --by}, then the Pareto of failures
 * ({@link YieldFigures}, {@link FailurePareto}). Exit 0 with a report, and 0 with one line when there is nothing to
 * report (no tested attempt of that purpose: nothing failed and the input was good); 2 for a bad option value or a
 * default database that does not exist yet.
 */
@Command(name = "yield", description = {"Shows first-pass yield, final yield and retest rate of the station's attempts"
        + " (production unless --purpose says otherwise), in total and by --by, and the Pareto of failures.",
        "A unit counts once it has a tested attempt (PASS, FAIL or INCONCLUSIVE); ABORTED and ERROR attempts tested"
                + " nothing and are counted apart, in no yield. Nothing to report is one line and exit 0."})
final class YieldCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--by", paramLabel = "WHAT", description = "Also by product, revision, station, socket, operator"
            + " or day (UTC day of a unit's first tested attempt).")
    String by;

    @Option(names = "--purpose", paramLabel = "P", defaultValue = "production", description = "Which attempts: "
            + "production (default), golden, engineering or ci.")
    String purposeWord;

    @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AttemptPurpose purpose = QualityDatabase.purpose(purposeWord);
        YieldFigures.Dimension dimension = by == null ? null : YieldFigures.Dimension.of(by).orElseThrow(
                () -> new BadInputException("--by", 0, 0, "is '" + by + "' (allowed: " + YieldFigures.Dimension.words()
                        + ")"));
        String url = database.url();
        PrintWriter out = spec.commandLine().getOut();
        try (QualityRecords records = QualityRecords.open(url)) {
            List<QualityRecords.Attempt> attempts = records.attempts(purpose);
            YieldFigures figures = YieldFigures.of(attempts, dimension);
            FailurePareto pareto = FailurePareto.of(records.scenarioFailures(purpose),
                    records.measurementFailures(purpose));
            Map<AttemptPurpose, Integer> ended = records.endedByPurpose();
            if (json) {
                out.println(JSON.writeValueAsString(json(records.where(), purpose, dimension, figures, pareto, ended)));
            } else if (figures.total().units() == 0) {
                out.println("no tested " + purpose.word() + " attempts in " + records.where() + " ("
                        + figures.total().aborted() + " aborted, " + figures.total().errors() + " erred; other purposes: "
                        + QualityDatabase.others(ended, purpose) + ")");
            } else {
                print(out, records.where(), purpose, dimension, figures, pareto);
            }
        }
        out.flush();
        return Hil.OK;
    }

    private static final String ROW = "%-28s %6s %7s %9s %-18s %8s %8s %7s %8s %6s%n";

    private static void print(PrintWriter out, String where, AttemptPurpose purpose, YieldFigures.Dimension by,
            YieldFigures figures, FailurePareto pareto) {
        YieldFigures.Group t = figures.total();
        out.printf(Locale.ROOT, "yield of %s attempts in %s: %d units, %d tested attempts (%d aborted and %d erred, in"
                + " no figure)%n%n", purpose.word(), where, t.units(), t.tested(), t.aborted(), t.errors());
        out.println("FPY: first-pass yield (units whose first tested attempt passed, of UNITS, with its 95 % Wilson"
                + " interval); FINAL: final yield; RETEST: retest rate; attempts TESTED, ABORTED, ERROR");
        out.printf(Locale.ROOT, ROW, by == null ? "" : by.word().toUpperCase(Locale.ROOT), "UNITS", "PASSED", "FPY",
                "FPY 95 % CI", "FINAL", "RETEST", "TESTED", "ABORTED", "ERROR");
        for (YieldFigures.Group g : figures.groups()) {
            row(out, g);
        }
        row(out, t);
        bars(out, "scenarios", "SCENARIO", pareto.scenarios());
        bars(out, "measurements", "MEASUREMENT", pareto.measurements());
    }

    private static void row(PrintWriter out, YieldFigures.Group g) {
        ConfidenceInterval ci = g.firstPassInterval();
        out.printf(Locale.ROOT, ROW, g.key(), g.units(), g.firstPass(), QualityDatabase.percent(g.firstPassYield()),
                ci == null ? "-" : String.format(Locale.ROOT, "[%.1f, %.1f] %%", 100 * ci.getLowerBound(),
                        100 * ci.getUpperBound()), QualityDatabase.percent(g.finalYield()),
                QualityDatabase.percent(g.retestRate()), g.tested(), g.aborted(), g.errors());
    }

    private static void bars(PrintWriter out, String what, String header, List<FailurePareto.Bar> bars) {
        out.println();
        int all = bars.stream().mapToInt(FailurePareto.Bar::count).sum();
        if (bars.isEmpty()) {
            out.println("failures by " + what.replaceAll("s$", "") + ": none");
            return;
        }
        out.println("failures by " + what.replaceAll("s$", "") + " (Pareto): " + all + " in all");
        String fmt = "%-44s %6s %9s %8s %11s%n";
        out.printf(Locale.ROOT, fmt, header, "COUNT", "ATTEMPTS", "SHARE", "CUMULATIVE");
        for (FailurePareto.Bar b : bars) {
            out.printf(Locale.ROOT, fmt, b.name(), b.count(), b.attempts(), QualityDatabase.percent(b.share()),
                    QualityDatabase.percent(b.cumulative()));
        }
    }

    private static ObjectNode json(String where, AttemptPurpose purpose, YieldFigures.Dimension by, YieldFigures figures,
            FailurePareto pareto, Map<AttemptPurpose, Integer> ended) {
        ObjectNode root = JSON.createObjectNode();
        root.put("database", where);
        root.put("purpose", purpose.word());
        if (by == null) {
            root.putNull("by");
        } else {
            root.put("by", by.word());
        }
        root.set("total", group(figures.total()));
        ArrayNode groups = root.putArray("groups");
        figures.groups().forEach(g -> groups.add(group(g)));
        ObjectNode p = root.putObject("pareto");
        p.set("scenarios", bars(pareto.scenarios()));
        p.set("measurements", bars(pareto.measurements()));
        ObjectNode e = root.putObject("ended_attempts_by_purpose");
        ended.forEach((k, v) -> e.put(k.word(), v));
        return root;
    }

    private static ObjectNode group(YieldFigures.Group g) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", g.key());
        n.put("units", g.units());
        n.put("first_pass", g.firstPass());
        n.put("final_pass", g.finalPass());
        n.put("retested", g.retested());
        n.put("tested_attempts", g.tested());
        n.put("aborted_attempts", g.aborted());
        n.put("error_attempts", g.errors());
        share(n, "first_pass_yield", g.firstPassYield());
        share(n, "final_yield", g.finalYield());
        share(n, "retest_rate", g.retestRate());
        ConfidenceInterval ci = g.firstPassInterval();
        if (ci == null) {
            n.putNull("first_pass_yield_ci95");
        } else {
            n.putArray("first_pass_yield_ci95").add(ci.getLowerBound()).add(ci.getUpperBound());
        }
        return n;
    }

    private static void share(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static ArrayNode bars(List<FailurePareto.Bar> bars) {
        ArrayNode a = JSON.createArrayNode();
        for (FailurePareto.Bar b : bars) {
            a.addObject().put("name", b.name()).put("count", b.count()).put("attempts", b.attempts())
                    .put("share", b.share()).put("cumulative", b.cumulative());
        }
        return a;
    }
}
