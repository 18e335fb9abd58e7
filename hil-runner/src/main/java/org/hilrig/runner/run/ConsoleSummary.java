package org.hilrig.runner.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.timing.Durations;
import org.hilrig.timing.verdict.Verdict;

/**
 * What {@code hil run} prints: a header, one line per scenario as it finishes (verdict, id, title, key
 * measurements against their limits, or why it did not pass), then the totals and where the outputs went.
 */
final class ConsoleSummary {
    private static final int MEASUREMENTS_SHOWN = 2;
    private final PrintWriter out;

    ConsoleSummary(PrintWriter out) {
        this.out = out;
    }

    /** The run's first line; {@code unitSeed} null for the nominal unit (or a real board). */
    void header(int count, String rig, long seed, List<String> defects, Long unitSeed) {
        out.printf(Locale.ROOT, "hil run: %d scenario%s on %s, seed %d, defects: %s%s%n", count, count == 1 ? "" : "s",
                rig, seed, defects.isEmpty() ? "none" : String.join(", ", defects),
                unitSeed == null ? "" : ", unit seed " + unitSeed);
        out.flush();
    }

    void scenario(ScenarioResult s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  %-12s %-16s %s", s.status().word().toUpperCase(Locale.ROOT), s.id(), s.title()));
        List<MeasurementResult> key = keyMeasurements(s.measurements());
        for (int i = 0; i < key.size(); i++) {
            MeasurementResult m = key.get(i);
            b.append(i == 0 ? " | " : "; ").append(m.name()).append(' ').append(Durations.format(m.valueNs()));
            String lim = JunitXml.limits(m);
            if (!lim.isEmpty()) {
                b.append(" (").append(lim).append(')');
            }
            if (m.status() != Verdict.PASS) {
                b.append(' ').append(m.status().word().toUpperCase(Locale.ROOT));
            }
        }
        if (key.size() < s.measurements().size()) {
            b.append(" ...");
        }
        out.println(b);
        if (s.status() != Verdict.PASS && s.message() != null) {
            out.println("               " + s.file() + ": " + s.message());
        }
        out.flush();
    }

    /**
     * The measurements worth a line: those that did not pass, then the last ones taken (a scenario's own
     * measurement usually comes after the set-up's), at most {@link #MEASUREMENTS_SHOWN}, in taken order.
     */
    static List<MeasurementResult> keyMeasurements(List<MeasurementResult> all) {
        java.util.Set<Integer> picked = new java.util.TreeSet<>();
        for (int i = 0; i < all.size() && picked.size() < MEASUREMENTS_SHOWN; i++) {
            if (all.get(i).status() != Verdict.PASS) {
                picked.add(i);
            }
        }
        for (int i = all.size() - 1; i >= 0 && picked.size() < MEASUREMENTS_SHOWN; i--) {
            picked.add(i);
        }
        return picked.stream().map(all::get).toList();
    }

    /**
     * The totals, where the outputs went, then {@code where}: the lines the end-of-run steps gave (report,
     * evidence), so the last lines say where to look.
     */
    void totals(RunResult run, Path outDir, long wallNanos, List<String> where) {
        int[] count = new int[Verdict.values().length];
        long simulated = 0;
        for (ScenarioResult s : run.scenarios()) {
            count[s.status().ordinal()]++;
            simulated += s.simulatedNanos();
        }
        out.printf(Locale.ROOT, "%d passed, %d failed, %d inconclusive, %d errors; %s simulated in %s wall%n",
                count[Verdict.PASS.ordinal()], count[Verdict.FAIL.ordinal()], count[Verdict.INCONCLUSIVE.ordinal()],
                count[Verdict.ERROR.ordinal()], Durations.format(simulated), Durations.format(wallNanos));
        out.println("outputs: " + outDir.resolve("results.json") + ", " + outDir.resolve("junit.xml") + ", "
                + outDir.resolve("traces") + "/ (" + run.scenarios().size() + " VCD)");
        for (String line : where) {
            out.println(line);
        }
        out.flush();
    }
}
