package org.hilrig.runner.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.verdict.Verdict;

/**
 * The results database: every run (with its unit seed), every scenario result with its requirements, measurements
 * and statistics over repeats ({@link #repeats}), and production lots ({@link #lots}). SQLite (one
 * file, the default: {@code results.db} in the rig home) or PostgreSQL (many rigs, one server), chosen by the
 * JDBC URL. Opening migrates the schema to the latest version.
 *
 * <p>A run is written as it goes ({@link RunState}): {@link #startRun}, then {@link #addScenario} as each
 * scenario completes (each its own committed transaction, so a run killed midway keeps every completed
 * scenario), then {@link #resultsRecorded} once every result is in, and {@link #sealed} only after its evidence
 * folder was sealed: a run has ended, and its results count in {@link #latestResults} and {@link #trends}, only
 * then. A run killed at any moment before is {@link #incompleteRuns incomplete}, saying what it lacks. On
 * SQLite a scenario's commit is safe from a killed process at once but reaches the disk (safe from a power cut)
 * with the next forced commit: the run's {@code resultsRecorded}, or the next run's start; one sync per run
 * instead of one per scenario keeps a whole library run fast.
 *
 * <p>One connection ({@link StoreConnection}, shared with {@link RepeatRecords} and {@link LotRecords}), confined
 * to one thread; close it. Database errors are {@link RigFailureException}s naming what was being done.
 *
 * <p>Over 500 lines: every statement of both SQL dialects sits next to the row mapping that reads it back,
 * and one run's writes share one connection and its transaction helper; split by table, one run's
 * transaction would be spread over several classes holding the same connection.
 */
public final class ResultStore implements AutoCloseable {
    private final Connection connection;
    private final String url;
    private final StoreConnection db;
    private final RepeatRecords repeats;
    private final LotRecords lots;

    private ResultStore(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
        this.db = new StoreConnection(connection, url, Dialect.of(url));
        this.repeats = new RepeatRecords(db);
        this.lots = new LotRecords(db);
    }

    /** The statistics over repeats recorded with each scenario result ({@code repeat_statistics}). */
    public RepeatRecords repeats() {
        return repeats;
    }

    /** The production lots ({@code hil run --units}), on this store's connection. */
    public LotRecords lots() {
        return lots;
    }

    /** The URL of an SQLite database file. */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * Connects and migrates the schema to the latest version.
     *
     * @throws org.hilrig.timing.BadInputException when the URL is neither SQLite nor PostgreSQL, or names a
     *     database that is gone when the connection closes (SQLite in memory, {@code jdbc:sqlite:} alone or
     *     {@code jdbc:sqlite::memory:}, {@code jdbc:sqlite:file::memory:}, {@code ?mode=memory}): results
     *     recorded there would be lost without a word, so it is refused (record none with {@code --no-db})
     * @throws RigFailureException when the database cannot be reached or migrated
     */
    public static ResultStore open(String url) {
        return open(url, SchemaMigrations.latest());
    }

    /** Opens and migrates only up to {@code version} (tests of the migrations). */
    static ResultStore open(String url, int version) {
        Dialect dialect = Dialect.of(url);
        Connection c = connect(url, dialect);
        try {
            dialect.requireKept(c, url);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new RigFailureException("cannot open the results database " + redact(url) + ": " + e.getMessage(), e);
        }
        try {
            SchemaMigrations.migrate(c, dialect, version);
            return new ResultStore(c, url);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof RigFailureException r) {
                throw r;
            }
            throw new RigFailureException("cannot migrate the results database " + redact(url) + ": "
                    + e.getMessage(), e);
        }
    }

    static Connection connect(String url, Dialect dialect) {
        try {
            if (dialect == Dialect.SQLITE) {
                createParentFolder(url.substring("jdbc:sqlite:".length()));
            }
            Connection c = DriverManager.getConnection(url, dialect.properties());
            dialect.configure(c);
            return c;
        } catch (SQLException e) {
            throw new RigFailureException("cannot open the results database " + redact(url) + ": " + e.getMessage(),
                    e);
        }
    }

    /** Makes the folder of an SQLite database file (the rig home on a rig's first run). */
    private static void createParentFolder(String file) {
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new RigFailureException("cannot create the folder " + parent + " for the results database: "
                    + e.getMessage(), e);
        }
    }

    /** The URL without a password parameter, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return db.sql("read the schema version", () -> SchemaMigrations.currentVersion(connection));
    }

    /** Records a run's start (its scenarios, if any, are ignored: add them with {@link #addScenario}). */
    public void startRun(RunResult run, String rigId, String host) {
        db.syncEachCommit(true);
        db.transaction("record the start of run " + run.runId(), () -> {
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO runs (run_id, rig, seed, defects, "
                    + "tool_version, started_utc, ended_utc, rig_id, host, state, unit_seed) VALUES (?, ?, ?, ?, ?, ?, NULL, "
                    + "?, ?, '" + RunState.RUNNING.word() + "', ?)")) {
                p.setString(1, run.runId());
                p.setString(2, run.rig());
                p.setLong(3, run.seed());
                p.setString(4, String.join(",", run.defects()));
                p.setString(5, run.toolVersion());
                p.setString(6, run.startedUtc());
                p.setString(7, rigId);
                p.setString(8, host);
                NullableColumns.setLong(p, 9, run.unitSeed());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Commits one completed scenario result of a started run, with its requirements and measurements. */
    public void addScenario(String runId, ScenarioResult s) {
        db.syncEachCommit(false);
        db.transaction("record scenario " + s.id() + " of run " + runId, () -> {
            int seq;
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT COUNT(*) FROM scenario_results WHERE run_id = ?")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO scenario_results (run_id, scenario_id, "
                    + "title, file, status, message, trace_sha256, simulated_ns, seq, completed_utc) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, runId);
                p.setString(2, s.id());
                p.setString(3, s.title());
                p.setString(4, s.file());
                p.setString(5, s.status().word());
                p.setString(6, s.message());
                p.setString(7, s.traceSha256());
                p.setLong(8, s.simulatedNanos());
                p.setInt(9, seq);
                p.setString(10, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO scenario_requirements (run_id, scenario_id, requirement_id) VALUES (?, ?, ?)")) {
                for (String r : new java.util.LinkedHashSet<>(s.requirements())) {
                    p.setString(1, runId);
                    p.setString(2, s.id());
                    p.setString(3, r);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO measurements (run_id, scenario_id, "
                    + "seq, name, value_ns, uncertainty_ns, min_ns, max_ns, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                for (MeasurementResult m : s.measurements()) {
                    p.setString(1, runId);
                    p.setString(2, s.id());
                    p.setInt(3, i++);
                    p.setString(4, m.name());
                    p.setLong(5, m.valueNs());
                    p.setLong(6, m.uncertaintyNs());
                    NullableColumns.setLong(p, 7, m.minNs());
                    NullableColumns.setLong(p, 8, m.maxNs());
                    p.setString(9, m.status().word());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO value_measurements (run_id, scenario_id, "
                    + "seq, name, value, unit, nominal, min_value, max_value, uncertainty, status, samples, "
                    + "window_start_ns, window_end_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                for (ValueResult v : s.values()) {
                    p.setString(1, runId);
                    p.setString(2, s.id());
                    p.setInt(3, i++);
                    p.setString(4, v.name());
                    p.setDouble(5, v.value());
                    p.setString(6, v.unit());
                    NullableColumns.setDouble(p, 7, v.nominal());
                    NullableColumns.setDouble(p, 8, v.min());
                    NullableColumns.setDouble(p, 9, v.max());
                    p.setDouble(10, v.uncertainty());
                    p.setString(11, v.status().word());
                    p.setInt(12, v.samples());
                    p.setLong(13, v.windowStartNanos());
                    p.setLong(14, v.windowEndNanos());
                    p.addBatch();
                }
                p.executeBatch();
            }
            RepeatRecords.insert(connection, runId, s);
            return null;
        });
    }

    /**
     * Records that every result of a started run is in and its evidence folder is about to be sealed
     * ({@link RunState#SEALING}); forced to disk with every scenario before it. The run does not count yet.
     *
     * @throws RigFailureException when the run was not started, or is past this already
     */
    public void resultsRecorded(String runId) {
        db.syncEachCommit(true);
        db.transaction("record that every result of run " + runId + " is in", () -> {
            advance(runId, RunState.RUNNING, RunState.SEALING, null, null);
            return null;
        });
    }

    /**
     * Records a run's end, once its evidence folder is sealed ({@link RunState#SEALED}): from now on its results
     * count. Call only after the seal, so the database never says a run ended that has no seal.
     *
     * @param endedUtc when its scenarios ended
     * @param manifestSha256 the SHA-256 of the sealed {@code manifest.json}
     * @throws RigFailureException when the run's results were not all recorded ({@link #resultsRecorded}) first
     */
    public void sealed(String runId, String endedUtc, String manifestSha256) {
        if (endedUtc == null || manifestSha256 == null) {
            throw new IllegalArgumentException("a sealed run needs its end time and manifest hash, found "
                    + endedUtc + " and " + manifestSha256);
        }
        db.syncEachCommit(true);
        db.transaction("record the end and seal of run " + runId, () -> {
            advance(runId, RunState.SEALING, RunState.SEALED, endedUtc, manifestSha256);
            return null;
        });
    }

    /** Moves a run from state {@code from} to {@code to}, or fails saying where it is instead. */
    private void advance(String runId, RunState from, RunState to, String endedUtc, String manifestSha256)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE runs SET state = ?, ended_utc = ?, "
                + "manifest_sha256 = ? WHERE run_id = ? AND state = ?")) {
            p.setString(1, to.word());
            p.setString(2, endedUtc);
            p.setString(3, manifestSha256);
            p.setString(4, runId);
            p.setString(5, from.word());
            if (p.executeUpdate() == 1) {
                return;
            }
        }
        Optional<StoredRun> now = readRun(runId);
        throw new RigFailureException("run " + runId + " cannot become " + to.word() + " in " + redact(url) + ": "
                + now.map(r -> "it is " + r.state().word() + ", not " + from.word()).orElse("it was never started"));
    }

    /**
     * Records a whole run at once: start, every scenario, and, when it has an end, that its results are in; it
     * is recorded as sealed (and counts) only with the hash of its sealed manifest.
     *
     * @param manifestSha256 its sealed manifest's SHA-256, or null when the run has no sealed evidence folder
     */
    public void recordRun(RunResult run, String rigId, String host, String manifestSha256) {
        if (manifestSha256 != null && run.endedUtc() == null) {
            throw new IllegalArgumentException("run " + run.runId() + " has a manifest but no end");
        }
        startRun(run, rigId, host);
        for (ScenarioResult s : run.scenarios()) {
            addScenario(run.runId(), s);
        }
        if (run.endedUtc() != null) {
            resultsRecorded(run.runId());
        }
        if (manifestSha256 != null) {
            sealed(run.runId(), run.endedUtc(), manifestSha256);
        }
    }

    /** A run by its id. */
    public Optional<StoredRun> run(String runId) {
        return db.sql("read run " + runId, () -> readRun(runId));
    }

    private static final String RUN_COLUMNS = "r.run_id, r.rig, r.rig_id, r.host, r.seed, r.defects, r.tool_version, "
            + "r.started_utc, r.ended_utc, r.state, r.manifest_sha256, "
            + "(SELECT COUNT(*) FROM scenario_results s WHERE s.run_id = r.run_id), r.unit_seed";

    private Optional<StoredRun> readRun(String runId) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r "
                + "WHERE r.run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(storedRun(rs)) : Optional.empty();
            }
        }
    }

    private static StoredRun storedRun(ResultSet rs) throws SQLException {
        String defects = rs.getString(6);
        return new StoredRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                defects.isEmpty() ? List.of() : Arrays.asList(defects.split(",")), rs.getString(7), rs.getString(8),
                rs.getString(9), RunState.of(rs.getString(10)), rs.getString(11), rs.getInt(12), NullableColumns.getLong(rs, 13));
    }

    /** The last {@code last} runs, newest first, whatever their state (each saying it). */
    public List<StoredRun> runs(int last) {
        if (last < 1) {
            throw new IllegalArgumentException("last is " + last + ", at least 1 is needed");
        }
        return db.sql("read the runs", () -> {
            List<StoredRun> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r "
                    + "ORDER BY r.started_utc DESC, r.run_id DESC")) {
                p.setMaxRows(last);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next() && out.size() < last) {
                        out.add(storedRun(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The runs that did not end ({@link RunState#counted()} false), newest first: running, killed, or killed
     * while sealing. Their results are in the database but count nowhere. With filters, only runs with a result
     * of {@code scenarioId}, of a scenario tracing {@code requirementId}, or with a value of measurement
     * {@code measurement} (each null for any).
     */
    public List<StoredRun> incompleteRuns(String scenarioId, String requirementId, String measurement) {
        return db.sql("read the incomplete runs", () -> {
            List<StoredRun> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r "
                    + "WHERE NOT " + RunState.COUNTED_SQL + " AND ((? IS NULL AND ? IS NULL) OR EXISTS (SELECT 1 FROM "
                    + "scenario_results s WHERE s.run_id = r.run_id AND (? IS NULL OR s.scenario_id = ?) "
                    + "AND (? IS NULL OR EXISTS (SELECT 1 FROM scenario_requirements q WHERE q.run_id = s.run_id "
                    + "AND q.scenario_id = s.scenario_id AND q.requirement_id = ?)))) "
                    + "AND (? IS NULL OR EXISTS (SELECT 1 FROM measurements m WHERE m.run_id = r.run_id "
                    + "AND m.name = ? AND (? IS NULL OR m.scenario_id = ?))) "
                    + "ORDER BY r.started_utc DESC, r.run_id DESC")) {
                p.setString(1, scenarioId);
                p.setString(2, requirementId);
                bindTwice(p, 3, scenarioId);
                bindTwice(p, 5, requirementId);
                bindTwice(p, 7, measurement);
                bindTwice(p, 9, scenarioId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(storedRun(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Every result of one run, in the order they completed, whether or not the run counts. */
    public List<StoredResult> results(String runId) {
        return db.sql("read the results of run " + runId, () -> {
            List<StoredResult> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT s.run_id, r.rig, r.started_utc, "
                    + "s.scenario_id, s.title, s.status, s.message FROM scenario_results s "
                    + "JOIN runs r ON r.run_id = s.run_id WHERE s.run_id = ? ORDER BY s.seq, s.scenario_id")) {
                p.setString(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), verdict(rs.getString(6)), rs.getString(7), List.of(), List.of()));
                    }
                }
            }
            return withDetails(out);
        });
    }

    /**
     * The most recent results of runs that ended (sealed), newest first: for each scenario (optionally only
     * {@code scenarioId}, or only those tracing {@code requirementId}), its last {@code perScenario} results,
     * scenarios in id order. Results of {@link #incompleteRuns} never count here.
     */
    public List<StoredResult> latestResults(String scenarioId, String requirementId, int perScenario) {
        if (perScenario < 1) {
            throw new IllegalArgumentException("perScenario is " + perScenario + ", at least 1 is needed");
        }
        return db.sql("read the latest results", () -> {
            List<StoredResult> out = new ArrayList<>();
            Map<String, Integer> taken = new LinkedHashMap<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT s.run_id, r.rig, r.started_utc, "
                    + "s.scenario_id, s.title, s.status, s.message FROM scenario_results s "
                    + "JOIN runs r ON r.run_id = s.run_id "
                    + "WHERE " + RunState.COUNTED_SQL + " AND (? IS NULL OR s.scenario_id = ?) AND (? IS NULL OR EXISTS (SELECT 1 FROM "
                    + "scenario_requirements q WHERE q.run_id = s.run_id AND q.scenario_id = s.scenario_id "
                    + "AND q.requirement_id = ?)) "
                    + "ORDER BY s.scenario_id, r.started_utc DESC, s.run_id DESC")) {
                bindTwice(p, 1, scenarioId);
                bindTwice(p, 3, requirementId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(4);
                        int n = taken.merge(id, 1, Integer::sum);
                        if (n <= perScenario) {
                            out.add(new StoredResult(rs.getString(1), rs.getString(2), rs.getString(3), id,
                                    rs.getString(5), verdict(rs.getString(6)), rs.getString(7), List.of(), List.of()));
                        }
                    }
                }
            }
            return withDetails(out);
        });
    }

    /** The results with their requirements and measurements read in. */
    private List<ValueResult> values(String runId, String scenarioId) throws SQLException {
        List<ValueResult> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT name, value, unit, nominal, min_value, max_value, "
                + "uncertainty, status, window_start_ns, window_end_ns, samples FROM value_measurements "
                + "WHERE run_id = ? AND scenario_id = ? ORDER BY seq")) {
            p.setString(1, runId);
            p.setString(2, scenarioId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new ValueResult(rs.getString(1), rs.getDouble(2), rs.getString(3), NullableColumns.getDouble(rs, 4),
                            NullableColumns.getDouble(rs, 5), NullableColumns.getDouble(rs, 6), rs.getDouble(7), verdict(rs.getString(8)),
                            rs.getLong(9), rs.getLong(10), List.of(), rs.getInt(11)));
                }
            }
        }
        return out;
    }

    private List<StoredResult> withDetails(List<StoredResult> results) throws SQLException {
        List<StoredResult> full = new ArrayList<>();
        for (StoredResult r : results) {
            full.add(new StoredResult(r.runId(), r.rig(), r.startedUtc(), r.scenarioId(), r.title(), r.status(),
                    r.message(), requirements(r.runId(), r.scenarioId()), measurements(r.runId(), r.scenarioId()),
                    values(r.runId(), r.scenarioId())));
        }
        return full;
    }

    /**
     * The trend of measurement {@code name}: for each scenario that measures it (optionally only
     * {@code scenarioId} or those tracing {@code requirementId}), its values in the last {@code lastN} runs that
     * ended (sealed) and have it, oldest first, with min, median and max. Scenarios in id order.
     */
    public List<MeasurementTrend> trends(String name, String scenarioId, String requirementId, int lastN) {
        if (lastN < 1) {
            throw new IllegalArgumentException("lastN is " + lastN + ", at least 1 is needed");
        }
        return db.sql("read the trend of " + name, () -> {
            Map<String, List<MeasurementTrend.Point>> newestFirst = new LinkedHashMap<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT m.scenario_id, m.run_id, r.started_utc, "
                    + "m.value_ns, m.uncertainty_ns, m.status FROM measurements m JOIN runs r ON r.run_id = m.run_id "
                    + "WHERE " + RunState.COUNTED_SQL + " AND m.name = ? AND (? IS NULL OR m.scenario_id = ?) AND (? IS NULL OR EXISTS (SELECT 1 FROM "
                    + "scenario_requirements q WHERE q.run_id = m.run_id AND q.scenario_id = m.scenario_id "
                    + "AND q.requirement_id = ?)) "
                    + "ORDER BY m.scenario_id, r.started_utc DESC, m.run_id DESC, m.seq")) {
                p.setString(1, name);
                bindTwice(p, 2, scenarioId);
                bindTwice(p, 4, requirementId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        List<MeasurementTrend.Point> pts = newestFirst.computeIfAbsent(rs.getString(1),
                                k -> new ArrayList<>());
                        String runId = rs.getString(2);
                        boolean sameRun = !pts.isEmpty() && pts.get(pts.size() - 1).runId().equals(runId);
                        if (pts.size() < lastN && !sameRun) {
                            pts.add(new MeasurementTrend.Point(runId, rs.getString(3), rs.getLong(4), rs.getLong(5),
                                    verdict(rs.getString(6))));
                        }
                    }
                }
            }
            List<MeasurementTrend> out = new ArrayList<>();
            newestFirst.forEach((scenario, pts) -> {
                List<MeasurementTrend.Point> oldestFirst = new ArrayList<>(pts);
                java.util.Collections.reverse(oldestFirst);
                out.add(MeasurementTrend.of(scenario, name, oldestFirst));
            });
            return out;
        });
    }

    private List<String> requirements(String runId, String scenarioId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT requirement_id FROM scenario_requirements "
                + "WHERE run_id = ? AND scenario_id = ? ORDER BY requirement_id")) {
            p.setString(1, runId);
            p.setString(2, scenarioId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private List<MeasurementResult> measurements(String runId, String scenarioId) throws SQLException {
        List<MeasurementResult> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT name, value_ns, min_ns, max_ns, uncertainty_ns, "
                + "status FROM measurements WHERE run_id = ? AND scenario_id = ? ORDER BY seq")) {
            p.setString(1, runId);
            p.setString(2, scenarioId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new MeasurementResult(rs.getString(1), rs.getLong(2), NullableColumns.getLong(rs, 3), NullableColumns.getLong(rs, 4),
                            rs.getLong(5), verdict(rs.getString(6))));
                }
            }
        }
        return out;
    }

    private static void bindTwice(PreparedStatement p, int index, String value) throws SQLException {
        p.setString(index, value);
        p.setString(index + 1, value);
    }

    private static Verdict verdict(String word) {
        return Verdict.valueOf(word.toUpperCase(Locale.ROOT));
    }

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
