package org.hilrig.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.runner.store.AttemptPurpose;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.UnitRecords;
import org.hilrig.timing.verdict.Verdict;

/**
 * Test data for {@code hil yield} and {@code hil cpk}, written through the store's own API as a station writes it: a
 * run with its scenario results (when the attempt ran one) and the attempt that names it, started and ended.
 */
final class StationRecords implements AutoCloseable {
    private final ResultStore store;
    private final UnitRecords units;
    private int attempts;

    StationRecords(String url) {
        this.store = ResultStore.open(url);
        this.units = UnitRecords.open(url);
    }

    /** A value measurement of a scenario result. */
    static ValueResult value(String name, double value, String unit, Double min, Double max, double uncertainty) {
        boolean outside = (min != null && value < min) || (max != null && value > max);
        return new ValueResult(name, value, unit, null, min, max, uncertainty, outside ? Verdict.FAIL : Verdict.PASS, 0,
                1_000_000, List.of("rig.KV_FB"), 100);
    }

    /** A time measurement, in ns. */
    static MeasurementResult time(String name, long valueNs, Long maxNs, long uncertaintyNs) {
        return new MeasurementResult(name, valueNs, null, maxNs, uncertaintyNs,
                maxNs != null && valueNs > maxNs ? Verdict.FAIL : Verdict.PASS);
    }

    /** A scenario result of these values (status fail when one is outside its limits, else pass). */
    static ScenarioResult scenario(String id, List<MeasurementResult> times, List<ValueResult> values) {
        boolean failed = times.stream().anyMatch(m -> m.status() == Verdict.FAIL)
                || values.stream().anyMatch(v -> v.status() == Verdict.FAIL);
        return new ScenarioResult(id, "title of " + id, "lib/" + id + ".yaml", failed ? Verdict.FAIL : Verdict.PASS,
                List.of("REQ-1"), List.of("t"), times, "traces/" + id + ".vcd", "00", failed ? id + " failed" : null,
                1_000_000, List.of(), values);
    }

    /**
     * An attempt at {@code serial} that ended with {@code verdict}, its run holding {@code scenarios} (none: nothing
     * ran, no run).
     *
     * @param minute minutes after 2026-12-04T06:00Z the scan was taken (attempts are ordered by it)
     * @return the attempt's id
     */
    String attempt(String serial, String station, String socket, String operator, AttemptPurpose purpose,
            AttemptRecord.Verdict verdict, int minute, List<ScenarioResult> scenarios) {
        String started = java.time.Instant.parse("2026-12-04T06:00:00Z").plusSeconds(60L * minute).toString();
        String id = station + "-" + socket + "-" + serial + "-" + (++attempts);
        String runId = null;
        if (!scenarios.isEmpty()) {
            runId = "run-" + id;
            store.recordRun(new RunResult(runId, "emulate-gen-tcp", 42, List.of(), started, started, "test", scenarios,
                    null), "rig-1", "host-1", "ab".repeat(32));
        }
        return attempt(serial, station, socket, operator, purpose, verdict, started, id, runId);
    }

    /** An attempt naming an existing run ({@code runId}, or null), started at {@code started}. */
    String attempt(String serial, String station, String socket, String operator, AttemptPurpose purpose,
            AttemptRecord.Verdict verdict, String started, String id, String runId) {
        AttemptRecord a = new AttemptRecord(id, serial, socket, station, operator, "GEN-3000", "B", "emulate-gen-tcp.yaml",
                "cd".repeat(32), null, Map.of(), started, null, null, null, null, null, null, null);
        units.started(a, purpose);
        units.ended(new AttemptRecord(id, serial, socket, station, operator, "GEN-3000", "B", "emulate-gen-tcp", "cd".repeat(32), null,
                Map.of("board", "GEN", "sn", serial), started, started, verdict,
                verdict == AttemptRecord.Verdict.ABORTED ? "aborted by olga" : null, verdict.name(), runId,
                runId == null ? null : "/evidence/" + id, runId == null ? null : "5e".repeat(32)));
        return id;
    }

    /** {@code n} values with exactly this mean and sample standard deviation (seeded, then standardised). */
    static List<Double> exactly(int n, double mean, double sd, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            sum += x[i];
        }
        double m = sum / n;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double s = Math.sqrt(ss / (n - 1));
        List<Double> out = new ArrayList<>();
        for (double v : x) {
            out.add(mean + sd * (v - m) / s);
        }
        return out;
    }

    @Override
    public void close() {
        units.close();
        store.close();
    }
}
