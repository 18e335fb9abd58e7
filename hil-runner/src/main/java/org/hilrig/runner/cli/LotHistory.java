package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.hilrig.runner.store.LotUnit;
import org.hilrig.runner.store.StoredLot;
import org.hilrig.runner.store.StoredStatistics;

/**
 * {@code hil history --lot [ID]}: the production lots in the results database, newest first, or one lot with its
 * units and its statistics across them. A lot that has no end (killed, or still running) says so; its finished
 * units are listed, and it has no statistics.
 */
final class LotHistory {
    /** What a lot without an end lacks, for people. */
    static final String NOT_ENDED = "its end: still running, or killed before its units were done (no statistics)";

    private LotHistory() {
    }

    /** The lots, one a line. */
    static void printLots(PrintWriter out, List<StoredLot> lots) {
        if (lots.isEmpty()) {
            out.println("no lots");
            return;
        }
        String fmt = "%-20s %-48s %-13s %-9s %-10s %-28s %s%n";
        out.printf(Locale.ROOT, fmt, "STARTED", "LOT", "UNITS", "RAN", "PASSED", "DEFECTS", "STATE");
        for (StoredLot l : lots) {
            out.printf(Locale.ROOT, fmt, l.startedUtc(), l.lotId(), l.firstUnit() + "-" + l.lastUnit(),
                    l.unitCount() + "/" + l.size(), l.passedUnits() + "/" + l.unitCount(), defects(l),
                    l.ended() ? "ended " + l.endedUtc() : "incomplete, lacks " + NOT_ENDED);
        }
    }

    /**
     * One lot: what it was, its yield, its units, then its statistics (only those given).
     *
     * @param filters what the statistics were chosen by, for the line that says there are none ({@code " for
     *     scenario X"}), or empty
     */
    static void printLot(PrintWriter out, StoredLot l, List<LotUnit> units, List<StoredStatistics> statistics,
            String filters) {
        out.printf(Locale.ROOT, "lot %s: unit seeds %d-%d, run seed %d, defects: %s; rig %s (%s), tool %s%n", l.lotId(),
                l.firstUnit(), l.lastUnit(), l.seed(), defects(l), l.rig(), l.rigId(), l.toolVersion());
        out.println("started " + l.startedUtc() + ", " + (l.ended() ? "ended " + l.endedUtc()
                : "incomplete, lacks " + NOT_ENDED));
        long caught = units.stream().filter(u -> u.defective() && !u.good()).count();
        long falseFails = units.stream().filter(u -> !u.defective() && !u.good()).count();
        out.printf(Locale.ROOT, "yield: %d of %d units passed every scenario%s%s%n", l.passedUnits(), l.unitCount(),
                l.unitCount() == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * l.passedUnits() / l.unitCount()),
                l.defects().isEmpty() ? "" : "; " + l.defectiveUnits() + " carried " + String.join(", ", l.defects())
                        + ", " + caught + " of them failed; " + falseFails + " units without it failed");
        out.println();
        String fmt = "%-10s %-12s %-9s %6s %6s  %-48s %s%n";
        out.printf(Locale.ROOT, fmt, "UNIT", "SERIAL", "DEFECTIVE", "PASSED", "NOT", "RUN", "RUN STATE");
        for (LotUnit u : units) {
            out.printf(Locale.ROOT, fmt, u.unitSeed(), u.serial() == null ? "-" : u.serial(), u.defective() ? "yes" : "no",
                    u.passed(), u.notPassed(), u.runId(), u.runState().word());
        }
        if (!l.ended()) {
            return;
        }
        out.println();
        if (statistics.isEmpty()) {
            out.println("no statistics" + filters);
            return;
        }
        String statFmt = "%-24s %-20s %s%n";
        out.printf(Locale.ROOT, statFmt, "SCENARIO", "MEASUREMENT", StatisticsTable.HEADER);
        for (StoredStatistics s : statistics) {
            out.printf(Locale.ROOT, statFmt, s.scenarioId(), s.name(), StatisticsTable.columns(s));
        }
    }

    private static String defects(StoredLot l) {
        if (l.defects().isEmpty()) {
            return "none";
        }
        return String.join(",", l.defects()) + (l.defectiveShare() == null ? " (every unit)"
                : String.format(Locale.ROOT, " (%.4g %%)", l.defectiveShare()));
    }
}
