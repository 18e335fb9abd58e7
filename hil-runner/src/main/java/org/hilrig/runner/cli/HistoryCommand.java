package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.store.MeasurementTrend;
import org.hilrig.runner.store.RepeatRecords;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredLot;
import org.hilrig.runner.store.StoredResult;
import org.hilrig.runner.store.StoredRun;
import org.hilrig.runner.store.StoredStatistics;
import org.hilrig.runner.store.UnitRecords;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hil history}: the latest results from the results database, or, with {@code --measurement}, a
 * measurement's trend across runs (its last N values oldest first, min, median, max). Only runs that ended
 * (their evidence folder sealed) count; runs that did not (running, killed, killed while sealing) follow under
 * {@code incomplete runs, not counted above:}, each with what it lacks. Instead of the latest results:
 * {@code --runs} lists the last runs with their unit seed and state; {@code --repeats} the statistics over repeats
 * of the latest runs (filtered like the results, and by {@code --measurement}); {@code --lot} the production lots,
 * {@code --lot ID} one lot with its units and statistics ({@link LotHistory}); {@code --unit SERIAL} a production
 * unit's attempts and rework steps ({@link UnitHistory}, {@code --json} for a machine). Exit 0, or 2 for bad usage
 * (including a default SQLite database that does not exist yet, two of those views at once, a filter a view does
 * not take, and a lot id or unit serial the database does not have).
 */
@Command(name = "history", description = {"Shows the latest scenario results from the results database, or a "
        + "measurement's trend across runs (--measurement), the runs (--runs), the statistics over repeats "
        + "(--repeats), the production lots (--lot [ID]), or a production unit's attempts (--unit SERIAL).",
        "Only runs that ended with a sealed evidence folder count; runs that did not (still running, killed) are "
                + "listed after them as incomplete, with what they lack."})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--scenario", paramLabel = "ID", description = "Only this scenario.")
    String scenario;

    @Option(names = "--requirement", paramLabel = "ID", description = "Only scenarios traced to this requirement.")
    String requirement;

    @Option(names = "--measurement", paramLabel = "NAME", description = "Show this measurement's trend (with "
            + "--repeats or --lot ID: only this measurement's statistics).")
    String measurement;

    @Option(names = "--last", paramLabel = "N", description = "Results per scenario (default 1), values in a "
            + "trend (default 10), runs per scenario with --repeats (default 1), runs or lots listed (default 10).")
    Integer last;

    @Option(names = "--runs", description = "List the last runs, newest first: start, id, unit seed (- for the "
            + "nominal unit), state, results.")
    boolean runs;

    @Option(names = "--repeats", description = "Show the statistics over repeats (n, mean, SD, CV, min, max, Cpk) "
            + "of each repeating scenario's latest runs that ended.")
    boolean repeats;

    @Option(names = "--lot", paramLabel = "ID", arity = "0..1", fallbackValue = "", description = "List the "
            + "production lots (hil run --units), newest first; with ID, that lot: its units and its statistics "
            + "across them (--scenario, --measurement choose which).")
    String lot;

    @Option(names = "--unit", paramLabel = "SERIAL", description = "A production unit's attempts at the stations "
            + "(time, station, socket, operator, profile revision, verdict, manifest hash, abort reason), its rework "
            + "steps and its status.")
    String unit;

    @Option(names = "--json", description = "With --unit: print the unit as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (last != null && last < 1) {
            throw new BadInputException("--last", 0, 0, "is " + last + ", must be 1 or more");
        }
        String url = database.url();
        checkViews();
        PrintWriter out = spec.commandLine().getOut();
        if (unit != null) {
            try (UnitRecords units = UnitRecords.open(url)) {
                UnitHistory.print(out, units, unit, RunCommand.redact(url), json);
            }
            out.flush();
            return Hil.OK;
        }
        try (ResultStore store = ResultStore.open(url)) {
            if (lot != null) {
                printLot(out, store, url);
                out.flush();
                return Hil.OK;
            }
            if (runs) {
                printRuns(out, store.runs(last == null ? 10 : last));
                out.flush();
                return Hil.OK;
            }
            if (repeats) {
                printRepeats(out, store.repeats().latest(scenario, requirement, measurement, last == null ? 1 : last));
            } else if (measurement != null) {
                printTrends(out, store.trends(measurement, scenario, requirement, last == null ? 10 : last));
            } else {
                printLatest(out, store.latestResults(scenario, requirement, last == null ? 1 : last));
            }
            printIncomplete(out, store.incompleteRuns(scenario, requirement, measurement));
        }
        out.flush();
        return Hil.OK;
    }

    /**
     * Refuses two views at once, and a filter the chosen view does not take.
     *
     * @throws BadInputException naming the options
     */
    private void checkViews() {
        int views = (runs ? 1 : 0) + (repeats ? 1 : 0) + (lot != null ? 1 : 0) + (unit != null ? 1 : 0);
        if (views > 1) {
            throw new BadInputException("", 0, 0, "--runs, --repeats, --lot and --unit: give one of them");
        }
        if (json && unit == null) {
            throw new BadInputException("", 0, 0, "--json goes with --unit SERIAL (the other views print text)");
        }
        if (unit != null && (scenario != null || requirement != null || measurement != null || last != null)) {
            throw new BadInputException("", 0, 0, "--unit shows every attempt at the unit: --scenario, --requirement,"
                    + " --measurement and --last do not go with it");
        }
        if (runs && (scenario != null || requirement != null || measurement != null)) {
            throw new BadInputException("", 0, 0, "--runs lists every run: --scenario, --requirement and"
                    + " --measurement do not go with it");
        }
        if (lot != null && requirement != null) {
            throw new BadInputException("", 0, 0, "--lot and --requirement: a lot's statistics are by scenario and"
                    + " measurement (give --scenario or --measurement)");
        }
        if (lot != null && lot.isEmpty() && (scenario != null || measurement != null)) {
            throw new BadInputException("", 0, 0, "--lot without an ID lists the lots: --scenario and --measurement"
                    + " choose statistics of one lot (give --lot ID)");
        }
    }

    private void printLot(PrintWriter out, ResultStore store, String url) {
        if (lot.isEmpty()) {
            LotHistory.printLots(out, store.lots().recent(last == null ? 10 : last));
            return;
        }
        StoredLot found = store.lots().lot(lot).orElseThrow(() -> new BadInputException("", 0, 0, "--lot " + lot
                + ": no such lot in " + RunCommand.redact(url)
                + " ('hil history --lot' lists them)"));
        List<StoredStatistics> statistics = store.lots().statistics(lot).stream()
                .filter(s -> scenario == null || s.scenarioId().equals(scenario))
                .filter(s -> measurement == null || s.name().equals(measurement)).toList();
        LotHistory.printLot(out, found, store.lots().units(lot), statistics, filters()
                + (measurement == null ? "" : " for measurement " + measurement));
    }

    private static void printRuns(PrintWriter out, List<StoredRun> runs) {
        if (runs.isEmpty()) {
            out.println("no runs");
            return;
        }
        String fmt = "%-20s %-44s %-10s %-8s %s%n";
        out.printf(fmt, "STARTED", "RUN", "UNIT", "STATE", "RESULTS");
        for (StoredRun r : runs) {
            out.printf(fmt, r.startedUtc(), r.runId(), r.unitSeed() == null ? "-" : r.unitSeed().toString(),
                    r.state().word(), r.scenarioCount());
        }
    }

    private void printRepeats(PrintWriter out, List<RepeatRecords.RunStatistics> rows) {
        if (rows.isEmpty()) {
            out.println("no statistics over repeats" + filters() + (measurement == null ? ""
                    : " for measurement " + measurement));
            return;
        }
        String fmt = "%-24s %-44s %-10s %-20s %s%n";
        out.printf(fmt, "SCENARIO", "RUN", "UNIT", "MEASUREMENT", StatisticsTable.HEADER);
        for (RepeatRecords.RunStatistics r : rows) {
            out.printf(fmt, r.statistics().scenarioId(), r.runId(), r.unitSeed() == null ? "-" : r.unitSeed().toString(),
                    r.statistics().name(), StatisticsTable.columns(r.statistics()));
        }
    }

    private void printLatest(PrintWriter out, List<StoredResult> results) {
        if (results.isEmpty()) {
            out.println("no results" + filters());
            return;
        }
        String fmt = "%-24s %-12s %-20s %-24s %s%n";
        out.printf(fmt, "SCENARIO", "STATUS", "STARTED", "RUN", "MEASUREMENTS");
        for (StoredResult r : results) {
            String ms = r.measurements().stream().map(HistoryCommand::describe).collect(Collectors.joining(", "));
            out.printf(fmt, r.scenarioId(), r.status().word(), r.startedUtc(), r.runId(),
                    ms + (r.message() == null ? "" : (ms.isEmpty() ? "" : "; ") + r.message()));
        }
    }

    private void printTrends(PrintWriter out, List<MeasurementTrend> trends) {
        if (trends.isEmpty()) {
            out.println("no values of " + measurement + filters());
            return;
        }
        String fmt = "%-24s %-20s %3s %10s %10s %10s  %s%n";
        out.printf(fmt, "SCENARIO", "MEASUREMENT", "N", "MIN", "MEDIAN", "MAX", "VALUES (oldest first)");
        for (MeasurementTrend t : trends) {
            String values = t.points().stream().map(p -> Durations.format(p.valueNs())
                    + (p.status().word().equals("pass") ? "" : " (" + p.status().word() + ")"))
                    .collect(Collectors.joining(", "));
            out.printf(fmt, t.scenarioId(), t.name(), t.points().size(), Durations.format(t.minNs()),
                    Durations.format(t.medianNs()), Durations.format(t.maxNs()), values);
        }
    }

    /** The newest runs that did not end, at most this many, are listed one a line; the rest are counted. */
    private static final int INCOMPLETE_LISTED = 10;

    /** The runs that did not end, marked, with what each lacks; nothing when there are none. */
    private static void printIncomplete(PrintWriter out, List<StoredRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        out.println();
        out.println("incomplete runs, not counted above:");
        String fmt = "%-20s %-44s %-7s %s%n";
        out.printf(fmt, "STARTED", "RUN", "RESULTS", "LACKS");
        for (StoredRun r : runs.subList(0, Math.min(INCOMPLETE_LISTED, runs.size()))) {
            out.printf(fmt, r.startedUtc(), r.runId(), r.scenarioCount(), r.state().lacks());
        }
        if (runs.size() > INCOMPLETE_LISTED) {
            out.println("... and " + (runs.size() - INCOMPLETE_LISTED) + " older incomplete runs");
        }
    }

    private static String describe(MeasurementResult m) {
        return m.name() + "=" + Durations.format(m.valueNs()) + (m.status().word().equals("pass") ? ""
                : " " + m.status().word());
    }

    private String filters() {
        return (scenario == null ? "" : " for scenario " + scenario)
                + (requirement == null ? "" : " for requirement " + requirement);
    }
}
