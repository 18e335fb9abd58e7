package org.hilrig.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.runner.testsupport.ChildJvm;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's behaviour, the same on every database it supports. */
abstract class ResultStoreContract {
    @TempDir
    Path tmp;

    /** The URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    /** The hash of a sealed manifest, as {@code hil run} records it at the end of a run. */
    static final String MANIFEST = "5e".repeat(32);

    /** A run that ended five minutes after {@code startedUtc} (recorded as sealed only with a manifest hash). */
    static RunResult run(String id, String startedUtc, ScenarioResult... scenarios) {
        return new RunResult(id, "sim", 42, List.of("SLOW_INTERLOCK"), startedUtc,
                java.time.Instant.parse(startedUtc).plusSeconds(300).toString(), "1.2.3", List.of(scenarios));
    }

    static ScenarioResult scenario(String id, Verdict status, List<String> requirements, MeasurementResult... ms) {
        return new ScenarioResult(id, "title of " + id, "lib/" + id + ".yaml", status, requirements, List.of("t"),
                List.of(ms), "traces/" + id + ".vcd", "0123", status == Verdict.PASS ? null : "it " + status.word(),
                9_000_000);
    }

    static MeasurementResult latency(String name, long valueNs) {
        return new MeasurementResult(name, valueNs, null, 1_000_000L, 1_000L,
                valueNs <= 999_000 ? Verdict.PASS : Verdict.FAIL);
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestVersionOnce() throws Exception {
        String url = newDatabaseUrl();
        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.latest()).isGreaterThanOrEqualTo(2);
        }
        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.latest());
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, description FROM schema_version ORDER BY version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("runs, scenario results, their requirements and measurements");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.getString(2)).startsWith("run state: a run has ended only once its evidence folder is sealed");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.getString(2)).startsWith("measured values in their units");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getString(2)).isEqualTo("statistics over repeats per run and scenario; production lots, their "
                    + "units and their statistics; a run's unit seed");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
            assertThat(rs.getString(2)).startsWith("production station (issue 14): units and every attempt at them");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(7);
            assertThat(rs.getString(2)).startsWith("production station (issue 14): profile revisions, retest policies");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(8);
            assertThat(rs.getString(2)).startsWith("quality (issue 15): an attempt's purpose");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aMigrationThatFailsHalfwayLeavesTheSchemaAtThePreviousVersion() throws Exception {
        String url = newDatabaseUrl();
        List<SchemaMigrations.Migration> broken = new java.util.ArrayList<>(SchemaMigrations.all());
        int next = broken.size() + 1;
        broken.add(SchemaMigrations.parse(next, "-- broken\nCREATE TABLE half_done (x INTEGER);\n"
                + "ALTER TABLE runs ADD COLUMN operator TEXT;\nINSERT INTO no_such_table VALUES (1);\n"));
        try (ResultStore s = ResultStore.open(url);
                Connection c = DriverManager.getConnection(url, Dialect.of(url).properties())) {
            assertThatThrownBy(() -> SchemaMigrations.migrate(c, Dialect.of(url), broken, next))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(SchemaMigrations.currentVersion(c)).isEqualTo(next - 1);
            assertThat(tableExists(c, "half_done")).isFalse();
            assertThat(s.schemaVersion()).isEqualTo(next - 1);
        }
    }

    @Test
    void rigsOpeningAnEmptyDatabaseAtTheSameTimeMigrateItOnce() throws Exception {
        String url = newDatabaseUrl();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    try (ResultStore s = ResultStore.open(url)) {
                        return s.schemaVersion();
                    }
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> f : opened) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(SchemaMigrations.latest());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrations.latest());
        }
    }

    private static boolean tableExists(Connection c, String name) throws Exception {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    @Test
    void aVersionOneDatabaseIsMigratedToTheLatestKeepingItsResults() throws Exception {
        String url = newDatabaseUrl();
        try (ResultStore s = ResultStore.open(url, 1)) {
            assertThat(s.schemaVersion()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO runs (run_id, rig, seed, defects, tool_version, started_utc, ended_utc) "
                    + "VALUES ('old', 'sim', 1, '', '0.9', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')");
            st.execute("INSERT INTO scenario_results (run_id, scenario_id, title, file, status, message, trace_sha256, "
                    + "simulated_ns) VALUES ('old', 'S1', 't', 'f', 'pass', NULL, 'aa', 10)");
            st.execute("INSERT INTO measurements (run_id, scenario_id, seq, name, value_ns, uncertainty_ns, min_ns, "
                    + "max_ns, status) VALUES ('old', 'S1', 0, 'latency', 500, 0, NULL, 1000, 'pass')");
        }

        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.latest());
            assertThat(s.run("old")).get().extracting(StoredRun::scenarioCount, StoredRun::endedUtc, StoredRun::rigId)
                    .containsExactly(1, "2026-01-01T00:01:00Z", null);
            assertThat(s.run("old").orElseThrow().state()).isEqualTo(RunState.ENDED);
            s.recordRun(run("new", "2026-02-01T00:00:00Z", scenario("S1", Verdict.PASS, List.of(),
                    latency("latency", 700))), "rig-a", "h", MANIFEST);
            assertThat(s.trends("latency", "S1", null, 10)).singleElement()
                    .satisfies(t -> assertThat(t.points()).extracting(MeasurementTrend.Point::valueNs)
                            .containsExactly(500L, 700L));
        }
    }

    @Test
    void aRunIsReadBackWithItsScenariosRequirementsAndMeasurements() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            ScenarioResult door = scenario("INT-DOOR-003", Verdict.FAIL, List.of("REQ-ILK-001", "REQ-ILK-002"),
                    latency("door_to_hv_off", 1_200_000), new MeasurementResult("window", 50, 20L, 100L, 0, Verdict.PASS));
            s.recordRun(run("r1", "2026-11-27T20:00:00Z", door), "rig-a", "pi-7", MANIFEST);

            assertThat(s.latestResults(null, null, 1)).containsExactly(new StoredResult("r1", "sim",
                    "2026-11-27T20:00:00Z", "INT-DOOR-003", "title of INT-DOOR-003", Verdict.FAIL, "it fail",
                    List.of("REQ-ILK-001", "REQ-ILK-002"), door.measurements()));
            assertThat(s.run("r1")).contains(new StoredRun("r1", "sim", "rig-a", "pi-7", 42, List.of("SLOW_INTERLOCK"),
                    "1.2.3", "2026-11-27T20:00:00Z", "2026-11-27T20:05:00Z", RunState.SEALED, MANIFEST, 1));
        }
    }

    @Test
    void measuredValuesAreReadBackInTheirUnitsWithTheirBoundsAndWindow() throws Exception {
        ScenarioResult plain = scenario("EXP-ACC-001", Verdict.PASS, List.of("REQ-ACC-001"));
        List<ValueResult> values = List.of(
                new ValueResult("kv", 79.9994, "kV", 80.0, 76.6, 83.4, 0, Verdict.PASS, 1_208_890_221L, 1_307_890_221L,
                        List.of(), 9901),
                new ValueResult("kv_ripple", 1.735, "kV", null, null, 4.0, 0, Verdict.PASS, 1L, 2L, List.of(), 3),
                new ValueResult("mas", 25.237, "mAs", 25.0, 23.55, 26.45, 0.0025, Verdict.PASS, 5L, 6L, List.of(), 2));
        ScenarioResult acc = new ScenarioResult(plain.id(), plain.title(), plain.file(), plain.status(),
                plain.requirements(), plain.tags(), plain.measurements(), plain.trace(), plain.traceSha256(),
                plain.message(), plain.simulatedNanos(), List.of(), values);
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(run("r1", "2026-11-27T20:00:00Z", acc), "rig-a", "pi-7", MANIFEST);

            assertThat(s.results("r1")).singleElement().extracting(StoredResult::values).isEqualTo(values);
        }
    }

    @Test
    void latestResultsAreTheNewestRunsOfEachScenarioFilteredByScenarioOrRequirement() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(run("r1", "2026-11-27T20:00:00Z", scenario("A", Verdict.FAIL, List.of("REQ-1")),
                    scenario("B", Verdict.PASS, List.of("REQ-2"))), "rig", "h", MANIFEST);
            s.recordRun(run("r2", "2026-11-27T21:00:00Z", scenario("A", Verdict.PASS, List.of("REQ-1"))), "rig", "h",
                    MANIFEST);

            assertThat(s.latestResults(null, null, 1)).extracting(r -> r.scenarioId() + "@" + r.runId() + "=" + r.status())
                    .containsExactly("A@r2=PASS", "B@r1=PASS");
            assertThat(s.latestResults("A", null, 5)).extracting(StoredResult::runId).containsExactly("r2", "r1");
            assertThat(s.latestResults(null, "REQ-2", 5)).extracting(StoredResult::scenarioId).containsExactly("B");
            assertThat(s.latestResults("nope", null, 5)).isEmpty();
        }
    }

    @Test
    void aMeasurementsTrendHasItsLastValuesOldestFirstWithMinMedianAndMax() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            long[] values = {400_000, 900_000, 410_000, 430_000, 420_000};
            for (int i = 0; i < values.length; i++) {
                s.recordRun(run("r" + i, "2026-11-27T2" + i + ":00:00Z", scenario("A", Verdict.PASS, List.of("REQ-1"),
                        latency("door_to_hv_off", values[i]), latency("other", 1))), "rig", "h", MANIFEST);
            }

            MeasurementTrend last4 = s.trends("door_to_hv_off", null, null, 4).get(0);
            assertThat(last4.points()).extracting(MeasurementTrend.Point::valueNs)
                    .containsExactly(900_000L, 410_000L, 430_000L, 420_000L);
            assertThat(last4.minNs()).isEqualTo(410_000);
            assertThat(last4.medianNs()).isEqualTo(425_000);
            assertThat(last4.maxNs()).isEqualTo(900_000);
            assertThat(last4.last().runId()).isEqualTo("r4");
            assertThat(s.trends("door_to_hv_off", null, "REQ-1", 3).get(0).medianNs()).isEqualTo(420_000);
            assertThat(s.trends("door_to_hv_off", "B", null, 3)).isEmpty();
        }
    }

    @Test
    void aScenarioThatCannotBeRecordedLeavesNothingHalfWritten() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.startRun(run("r1", "2026-11-27T20:00:00Z"), "rig", "h");
            s.addScenario("r1", scenario("A", Verdict.PASS, List.of("REQ-1"), latency("m", 5)));

            assertThatThrownBy(() -> s.addScenario("r1", scenario("A", Verdict.FAIL, List.of("REQ-9"),
                    latency("m", 6), latency("n", 7)))).isInstanceOf(RigFailureException.class)
                    .hasMessageStartingWith("cannot record scenario A of run r1 in jdbc:");

            assertThat(s.results("r1")).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(Verdict.PASS);
                assertThat(r.requirements()).containsExactly("REQ-1");
                assertThat(r.measurements()).extracting(MeasurementResult::valueNs).containsExactly(5L);
            });
        }
    }

    @Test
    void aRunKilledMidwayKeepsEveryScenarioItCompletedButHasNoEndAndCountsNowhere() throws Exception {
        String url = newDatabaseUrl();
        try (ResultStore s = ResultStore.open(url)) {
            s.recordRun(run("before", "2026-11-27T19:00:00Z", StoreWriterProcess.scenario("S1", 500)), "rig", "h",
                    MANIFEST);
        }
        Path signal = tmp.resolve("committed");
        try (ChildJvm child = ChildJvm.start(StoreWriterProcess.class, tmp.resolve("child.log"), url, "killed", "3",
                signal.toString())) {
            child.awaitFile(signal).kill();
        }

        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.run("killed")).get().extracting(StoredRun::scenarioCount, StoredRun::endedUtc, StoredRun::state)
                    .containsExactly(3, null, RunState.RUNNING);
            assertThat(s.results("killed")).extracting(StoredResult::scenarioId).containsExactly("S1", "S2", "S3");
            assertThat(s.latestResults(null, null, 1)).as("a killed run's results never count")
                    .extracting(r -> r.scenarioId() + "@" + r.runId()).containsExactly("S1@before");
            assertThat(s.trends("latency", "S1", null, 5).get(0).points()).extracting(MeasurementTrend.Point::runId)
                    .containsExactly("before");
            assertThat(s.incompleteRuns(null, null, null)).extracting(StoredRun::runId).containsExactly("killed");
            assertThat(s.incompleteRuns("S3", null, null)).extracting(StoredRun::runId).containsExactly("killed");
            assertThat(s.incompleteRuns("S4", null, null)).isEmpty();
        }
    }

    @Test
    void aRunEndsOnlyWhenSealedAndCountsOnlyThen() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(run("old", "2026-11-27T19:00:00Z", scenario("A", Verdict.FAIL, List.of("REQ-1"),
                    latency("m", 2_000_000))), "rig", "h", MANIFEST);
            RunResult r = run("new", "2026-11-27T20:00:00Z", scenario("A", Verdict.PASS, List.of("REQ-1"),
                    latency("m", 5)));
            s.startRun(r, "rig", "h");
            s.addScenario("new", r.scenarios().get(0));
            assertThat(s.run("new").orElseThrow().state()).isEqualTo(RunState.RUNNING);

            s.resultsRecorded("new");

            assertThat(s.run("new")).get().extracting(StoredRun::state, StoredRun::endedUtc, StoredRun::manifestSha256)
                    .containsExactly(RunState.SEALING, null, null);
            assertThat(s.latestResults("A", null, 1)).extracting(StoredResult::runId).containsExactly("old");
            assertThat(s.trends("m", null, null, 5).get(0).points()).hasSize(1);
            assertThat(s.incompleteRuns(null, "REQ-1", null)).extracting(StoredRun::runId).containsExactly("new");
            assertThat(s.incompleteRuns(null, null, "m")).extracting(StoredRun::runId).containsExactly("new");
            assertThat(s.incompleteRuns(null, null, "other")).isEmpty();

            s.sealed("new", r.endedUtc(), "ab".repeat(32));

            assertThat(s.run("new")).get().extracting(StoredRun::state, StoredRun::endedUtc, StoredRun::manifestSha256)
                    .containsExactly(RunState.SEALED, r.endedUtc(), "ab".repeat(32));
            assertThat(s.latestResults("A", null, 1)).extracting(r2 -> r2.runId() + "=" + r2.status())
                    .containsExactly("new=PASS");
            assertThat(s.trends("m", null, null, 5).get(0).points()).hasSize(2);
            assertThat(s.incompleteRuns(null, null, null)).isEmpty();
        }
    }

    @Test
    void aRunCannotBeSealedBeforeItsResultsAreInNorTwice() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.startRun(run("r1", "2026-11-27T20:00:00Z"), "rig", "h");

            assertThatThrownBy(() -> s.sealed("r1", "2026-11-27T20:05:00Z", MANIFEST))
                    .isInstanceOf(RigFailureException.class)
                    .hasMessageStartingWith("run r1 cannot become sealed in jdbc:").hasMessageEndingWith(
                            ": it is running, not sealing");
            s.resultsRecorded("r1");
            s.sealed("r1", "2026-11-27T20:05:00Z", MANIFEST);
            assertThatThrownBy(() -> s.resultsRecorded("r1")).isInstanceOf(RigFailureException.class)
                    .hasMessageEndingWith(": it is sealed, not running");
            assertThatThrownBy(() -> s.resultsRecorded("nope")).isInstanceOf(RigFailureException.class)
                    .hasMessageEndingWith(": it was never started");
        }
    }

    @Test
    void aVersionTwoDatabaseMigratesItsEndedRunsAsEndedAndItsUnendedOnesAsRunning() throws Exception {
        String url = newDatabaseUrl();
        try (ResultStore s = ResultStore.open(url, 2)) {
            assertThat(s.schemaVersion()).isEqualTo(2);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO runs (run_id, rig, seed, defects, tool_version, started_utc, ended_utc, rig_id, "
                    + "host) VALUES ('done', 'sim', 1, '', '0.9', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', "
                    + "'rig', 'h')");
            st.execute("INSERT INTO runs (run_id, rig, seed, defects, tool_version, started_utc, ended_utc, rig_id, "
                    + "host) VALUES ('killed', 'sim', 1, '', '0.9', '2026-01-02T00:00:00Z', NULL, 'rig', 'h')");
            for (String run : List.of("done", "killed")) {
                st.execute("INSERT INTO scenario_results (run_id, scenario_id, title, file, status, message, "
                        + "trace_sha256, simulated_ns, seq) VALUES ('" + run + "', 'S1', 't', 'f', 'pass', NULL, 'aa', "
                        + "10, 0)");
            }
        }

        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.latest()).isGreaterThanOrEqualTo(3);
            assertThat(s.run("done")).get().extracting(StoredRun::state, StoredRun::endedUtc)
                    .containsExactly(RunState.ENDED, "2026-01-01T00:01:00Z");
            assertThat(s.run("killed")).get().extracting(StoredRun::state, StoredRun::endedUtc)
                    .containsExactly(RunState.RUNNING, null);
            assertThat(s.latestResults("S1", null, 5)).extracting(StoredResult::runId).containsExactly("done");
            assertThat(s.incompleteRuns(null, null, null)).extracting(StoredRun::runId).containsExactly("killed");
        }
    }
}
