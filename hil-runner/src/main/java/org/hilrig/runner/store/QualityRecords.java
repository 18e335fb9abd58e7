package org.hilrig.runner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code hil yield} and {@code hil cpk} read from the results database: the station's attempts that ended, with
 * their purpose (migration 008), and the scenario results and measurements of their runs. Read only; one connection
 * of its own, confined to one thread; close it. The figures themselves are the {@code quality} package's.
 *
 * <p>Only attempts that ended count here (a running attempt, verdict NULL, is left out); the reader hands out every
 * verdict, and the figures decide which count (an ABORTED or ERROR attempt tested nothing).
 */
public final class QualityRecords implements AutoCloseable {
    /** The verdicts whose attempts ran the suite to a verdict on the unit: their runs' results are the unit's. */
    private static final String TESTED = "('PASS', 'FAIL', 'INCONCLUSIVE')";

    private final Connection c;
    private final StoreConnection db;

    private QualityRecords(Connection c, String url) {
        this.c = c;
        this.db = new StoreConnection(c, url, Dialect.of(url));
    }

    /**
     * Connects to (and migrates) the results database.
     *
     * @throws org.hilrig.timing.BadInputException when the URL is neither SQLite nor PostgreSQL, or in memory
     * @throws org.hilrig.timing.RigFailureException when it cannot be reached or migrated
     */
    public static QualityRecords open(String url) {
        ResultStore.open(url).close();
        return new QualityRecords(ResultStore.connect(url, Dialect.of(url)), url);
    }

    /** The database's URL without its password, for messages. */
    public String where() {
        return db.where();
    }

    /**
     * One attempt that ended.
     *
     * @param startedUtc ISO-8601 UTC, when its scan was taken
     * @param runId its evidence folder's run, or null when nothing ran
     */
    public record Attempt(String attemptId, String serial, String station, String socket, String operator,
            String partNumber, String revision, String startedUtc, AttemptRecord.Verdict verdict, AttemptPurpose purpose,
            String runId) {
    }

    /** A scenario that did not pass in a tested attempt: status {@code fail} or {@code error}. */
    public record ScenarioFailure(String attemptId, String scenarioId, String status) {
    }

    /** A measurement outside its limits ({@code fail}) in a tested attempt. */
    public record MeasurementFailure(String attemptId, String scenarioId, String name) {
    }

    /**
     * One measured value of a tested attempt: a value in its unit, or a time in ms ({@code measurements}, whose
     * nanoseconds are divided by 10^6), with the limits and the uncertainty recorded with it (null: no such limit).
     */
    public record Value(String attemptId, String scenarioId, String name, String unit, double value, double uncertainty,
            Double lower, Double upper, String status) {
    }

    /** How many attempts ended, by purpose, in the database's order of purposes (every purpose, 0 included). */
    public Map<AttemptPurpose, Integer> endedByPurpose() {
        return db.sql("count the attempts by purpose", () -> {
            Map<AttemptPurpose, Integer> out = new LinkedHashMap<>();
            for (AttemptPurpose p : AttemptPurpose.values()) {
                out.put(p, 0);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT purpose, COUNT(*) FROM attempts WHERE verdict IS NOT"
                    + " NULL GROUP BY purpose"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(AttemptPurpose.of(r.getString(1)).orElseThrow(), r.getInt(2));
                }
            }
            return out;
        });
    }

    /** Every attempt of this purpose that ended, oldest first (by start, then id). */
    public List<Attempt> attempts(AttemptPurpose purpose) {
        return db.sql("read the " + purpose.word() + " attempts", () -> {
            List<Attempt> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT attempt_id, serial, station, socket, operator,"
                    + " part_number, revision, started_utc, verdict, purpose, run_id FROM attempts WHERE verdict IS NOT NULL"
                    + " AND purpose = ? ORDER BY started_utc, attempt_id")) {
                s.setString(1, purpose.word());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Attempt(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8), AttemptRecord.Verdict.valueOf(r.getString(9)),
                                AttemptPurpose.of(r.getString(10)).orElseThrow(), r.getString(11)));
                    }
                }
            }
            return out;
        });
    }

    /** The scenarios that failed or erred in the tested attempts of this purpose, by attempt and scenario order. */
    public List<ScenarioFailure> scenarioFailures(AttemptPurpose purpose) {
        return db.sql("read the failed scenarios of the " + purpose.word() + " attempts", () -> {
            List<ScenarioFailure> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.attempt_id, s.scenario_id, s.status FROM attempts a"
                    + " JOIN scenario_results s ON s.run_id = a.run_id WHERE a.purpose = ? AND a.verdict IN " + TESTED
                    + " AND s.status IN ('fail', 'error') ORDER BY a.started_utc, a.attempt_id, s.seq, s.scenario_id")) {
                s.setString(1, purpose.word());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new ScenarioFailure(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** The measurements (times and values) outside their limits in the tested attempts of this purpose. */
    public List<MeasurementFailure> measurementFailures(AttemptPurpose purpose) {
        return db.sql("read the failed measurements of the " + purpose.word() + " attempts", () -> {
            List<MeasurementFailure> out = new ArrayList<>();
            for (String table : List.of("measurements", "value_measurements")) {
                try (PreparedStatement s = c.prepareStatement("SELECT a.attempt_id, m.scenario_id, m.name FROM attempts a"
                        + " JOIN " + table + " m ON m.run_id = a.run_id WHERE a.purpose = ? AND a.verdict IN " + TESTED
                        + " AND m.status = 'fail' ORDER BY a.started_utc, a.attempt_id, m.scenario_id, m.seq")) {
                    s.setString(1, purpose.word());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(new MeasurementFailure(r.getString(1), r.getString(2), r.getString(3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * The measured values of the tested attempts of this purpose (only measurement {@code name}, or every one when
     * null): times first, then values, each by attempt and in the order taken.
     */
    public List<Value> values(AttemptPurpose purpose, String name) {
        return db.sql("read the measured values of the " + purpose.word() + " attempts", () -> {
            List<Value> out = new ArrayList<>();
            String where = " WHERE a.purpose = ? AND a.verdict IN " + TESTED + " AND (? IS NULL OR m.name = ?)"
                    + " ORDER BY a.started_utc, a.attempt_id, m.scenario_id, m.seq";
            try (PreparedStatement s = c.prepareStatement("SELECT a.attempt_id, m.scenario_id, m.name, m.value_ns,"
                    + " m.uncertainty_ns, m.min_ns, m.max_ns, m.status FROM attempts a JOIN measurements m ON m.run_id ="
                    + " a.run_id" + where)) {
                bind(s, purpose, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Value(r.getString(1), r.getString(2), r.getString(3), "ms", r.getLong(4) / 1e6,
                                r.getLong(5) / 1e6, ms(NullableColumns.getLong(r, 6)), ms(NullableColumns.getLong(r, 7)),
                                r.getString(8)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT a.attempt_id, m.scenario_id, m.name, m.unit, m.value,"
                    + " m.uncertainty, m.min_value, m.max_value, m.status FROM attempts a JOIN value_measurements m ON"
                    + " m.run_id = a.run_id" + where)) {
                bind(s, purpose, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Value(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getDouble(5),
                                r.getDouble(6), NullableColumns.getDouble(r, 7), NullableColumns.getDouble(r, 8),
                                r.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement s, AttemptPurpose purpose, String name) throws SQLException {
        s.setString(1, purpose.word());
        s.setString(2, name);
        s.setString(3, name);
    }

    private static Double ms(Long ns) {
        return ns == null ? null : ns / 1e6;
    }

    @Override
    public void close() {
        db.close();
    }
}
