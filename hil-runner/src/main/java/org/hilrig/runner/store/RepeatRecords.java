package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.ScenarioResult;

/**
 * The statistics over a scenario's repeats ({@code repeat: {times: N}}) in the results database
 * ({@code repeat_statistics}): every measurement the scenario took more than once, as
 * {@link LotStatistics#ofRepeats} computes them for results.json. Written with the scenario's result, in its
 * transaction ({@link ResultStore#addScenario}); read here. Like {@link ResultStore}, on its one connection and
 * thread.
 */
public final class RepeatRecords {
    private final StoreConnection db;

    RepeatRecords(StoreConnection db) {
        this.db = db;
    }

    /**
     * One run's statistics at one point of its history.
     *
     * @param unitSeed the unit the run ran as, or null for the nominal unit
     */
    public record RunStatistics(String runId, String startedUtc, Long unitSeed, StoredStatistics statistics) {
    }

    /** Inserts the statistics over the repeats of {@code s}, inside the caller's transaction; none when it did not repeat. */
    static void insert(Connection c, String runId, ScenarioResult s) throws SQLException {
        List<LotStatistics.Row> rows = LotStatistics.ofRepeats(s);
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO repeat_statistics (run_id, seq, "
                + StoredStatistics.COLUMNS + ") VALUES (?, ?" + ", ?".repeat(StoredStatistics.COUNT) + ")")) {
            int seq = 0;
            for (LotStatistics.Row r : rows) {
                p.setString(1, runId);
                p.setInt(2, seq++);
                StoredStatistics.of(r).bind(p, 3);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** The statistics over repeats of one scenario result of one run, in the order first taken. */
    public List<StoredStatistics> of(String runId, String scenarioId) {
        return db.sql("read the statistics over repeats of " + scenarioId + " in run " + runId, () -> {
            List<StoredStatistics> out = new ArrayList<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT " + StoredStatistics.COLUMNS
                    + " FROM repeat_statistics WHERE run_id = ? AND scenario_id = ? ORDER BY seq")) {
                p.setString(1, runId);
                p.setString(2, scenarioId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(StoredStatistics.read(rs, 1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The statistics over repeats in the last {@code perScenario} runs that ended (sealed) of each scenario that
     * has them, newest run first, scenarios in id order, each run's measurements in the order taken; optionally only
     * scenario {@code scenarioId}, scenarios tracing {@code requirementId} and measurement {@code name} (each null
     * for any). Runs that did not end count nowhere, as in {@link ResultStore#latestResults}.
     */
    public List<RunStatistics> latest(String scenarioId, String requirementId, String name, int perScenario) {
        if (perScenario < 1) {
            throw new IllegalArgumentException("perScenario is " + perScenario + ", at least 1 is needed");
        }
        return db.sql("read the latest statistics over repeats", () -> {
            List<RunStatistics> out = new ArrayList<>();
            Map<String, List<String>> runsTaken = new LinkedHashMap<>();
            try (PreparedStatement p = db.connection().prepareStatement("SELECT x.run_id, r.started_utc, r.unit_seed, "
                    + prefixed("x.") + " FROM repeat_statistics x JOIN runs r ON r.run_id = x.run_id WHERE "
                    + RunState.COUNTED_SQL + " AND (? IS NULL OR x.scenario_id = ?) AND (? IS NULL OR x.name = ?) "
                    + "AND (? IS NULL OR EXISTS (SELECT 1 FROM scenario_requirements q WHERE q.run_id = x.run_id "
                    + "AND q.scenario_id = x.scenario_id AND q.requirement_id = ?)) "
                    + "ORDER BY x.scenario_id, r.started_utc DESC, x.run_id DESC, x.seq")) {
                p.setString(1, scenarioId);
                p.setString(2, scenarioId);
                p.setString(3, name);
                p.setString(4, name);
                p.setString(5, requirementId);
                p.setString(6, requirementId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        StoredStatistics st = StoredStatistics.read(rs, 4);
                        String runId = rs.getString(1);
                        List<String> taken = runsTaken.computeIfAbsent(st.scenarioId(), k -> new ArrayList<>());
                        if (!taken.contains(runId)) {
                            if (taken.size() == perScenario) {
                                continue;
                            }
                            taken.add(runId);
                        }
                        long unit = rs.getLong(3);
                        out.add(new RunStatistics(runId, rs.getString(2), rs.wasNull() ? null : unit, st));
                    }
                }
            }
            return out;
        });
    }

    /** {@link StoredStatistics#COLUMNS}, each with a table alias. */
    private static String prefixed(String alias) {
        return alias + StoredStatistics.COLUMNS.replace(", ", ", " + alias);
    }
}
