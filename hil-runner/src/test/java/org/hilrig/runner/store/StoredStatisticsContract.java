package org.hilrig.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.lot.LotStatistics;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 5, the same on every database the store supports: a run's unit seed, the statistics over a scenario's
 * repeats, production lots with their units and statistics, and a database of schema 4 migrated to it.
 */
abstract class StoredStatisticsContract {
    @TempDir
    Path tmp;

    /** The URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    private static final String MANIFEST = ResultStoreContract.MANIFEST;

    /**
     * A scenario that repeated once per kV value: each repeat's loading time (50 ms + 10 us per repeat, window
     * 49-51 ms) and kV (limits 76.6-83.4 kV).
     */
    static ScenarioResult repeated(String id, double... kv) {
        List<MeasurementResult> times = new ArrayList<>();
        List<ValueResult> values = new ArrayList<>();
        for (int i = 0; i < kv.length; i++) {
            times.add(new MeasurementResult("loading_time", 50_000_000L + i * 10_000L, 49_000_000L, 51_000_000L, 1_000,
                    Verdict.PASS));
            Verdict v = ValueResult.verdict(kv[i], 0, 76.6, 83.4);
            values.add(new ValueResult("kv", kv[i], "kV", 80.0, 76.6, 83.4, 0, v, i * 1_000_000L, i * 1_000_000L + 500,
                    List.of(), 50));
        }
        boolean passed = values.stream().allMatch(v -> v.status() == Verdict.PASS);
        return new ScenarioResult(id, "repeats of " + id, "lib/" + id + ".yaml", passed ? Verdict.PASS : Verdict.FAIL,
                List.of("REQ-ACC-005"), List.of(), times, "traces/" + id + ".vcd", "ab", passed ? null : "kv outside",
                1_000_000, List.of(), values);
    }

    static RunResult ended(String id, String startedUtc, Long unitSeed, ScenarioResult... scenarios) {
        return new RunResult(id, "sim", 42, List.of(), startedUtc,
                java.time.Instant.parse(startedUtc).plusSeconds(60).toString(), "dev", List.of(scenarios), unitSeed);
    }

    @Test
    void aRunsUnitSeedIsRecordedAndListedAndTheNominalUnitHasNone() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(ended("u7", "2026-12-01T10:00:00Z", 7L, repeated("A", 80)), "rig", "h", MANIFEST);
            s.recordRun(ended("nominal", "2026-12-01T11:00:00Z", null, repeated("A", 80)), "rig", "h", MANIFEST);
            s.startRun(new RunResult("running", "sim", 42, List.of(), "2026-12-01T12:00:00Z", null, "dev", List.of(),
                    0L), "rig", "h");

            assertThat(s.run("u7").orElseThrow().unitSeed()).isEqualTo(7L);
            assertThat(s.run("nominal").orElseThrow().unitSeed()).isNull();
            assertThat(s.runs(10)).extracting(r -> r.runId() + ":" + r.unitSeed() + ":" + r.state().word())
                    .containsExactly("running:0:running", "nominal:null:sealed", "u7:7:sealed");
            assertThat(s.runs(1)).extracting(StoredRun::runId).containsExactly("running");
        }
    }

    @Test
    void theStatisticsOverAScenariosRepeatsAreStoredWithItAsLotStatisticsComputesThem() throws Exception {
        ScenarioResult rep = repeated("EXP-REP-001", 79.9, 80.1, 80.3);
        List<StoredStatistics> computed = LotStatistics.ofRepeats(rep).stream().map(StoredStatistics::of).toList();
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(ended("r1", "2026-12-01T10:00:00Z", null, rep, repeated("ONCE", 80.0)), "rig", "h", MANIFEST);

            List<StoredStatistics> stored = s.repeats().of("r1", "EXP-REP-001");

            assertThat(stored).isEqualTo(computed).extracting(StoredStatistics::name)
                    .containsExactly("loading_time", "kv");
            StoredStatistics kv = stored.get(1);
            assertThat(kv.unit()).isEqualTo("kV");
            assertThat(kv.n()).isEqualTo(3);
            assertThat(kv.mean()).isCloseTo(80.1, within(1e-9));
            assertThat(kv.sd()).isCloseTo(0.2, within(1e-9));
            assertThat(kv.cv()).isCloseTo(0.2 / 80.1, within(1e-12));
            assertThat(kv.min()).isEqualTo(79.9);
            assertThat(kv.max()).isEqualTo(80.3);
            assertThat(kv.lower()).isEqualTo(76.6);
            assertThat(kv.upper()).isEqualTo(83.4);
            // Cpk = min(83.4 - 80.1, 80.1 - 76.6) / (3 x 0.2) = 3.3 / 0.6
            assertThat(kv.cpk()).isCloseTo(5.5, within(1e-9));
            assertThat(kv.outside()).isZero();
            assertThat(stored.get(0).unit()).isEqualTo("ms");
            assertThat(stored.get(0).lower()).isEqualTo(49.0);
            assertThat(s.repeats().of("r1", "ONCE")).as("a scenario that ran once has no statistics over repeats")
                    .isEmpty();
        }
    }

    @Test
    void theLatestStatisticsOverRepeatsCountOnlyRunsThatEndedNewestFirst() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.recordRun(ended("r1", "2026-12-01T10:00:00Z", null, repeated("EXP-REP-001", 80.0, 80.2)), "rig", "h",
                    MANIFEST);
            s.recordRun(ended("r2", "2026-12-01T11:00:00Z", 3L, repeated("EXP-REP-001", 81.0, 81.4),
                    repeated("B", 79, 79)), "rig", "h", MANIFEST);
            RunResult killed = ended("r3", "2026-12-01T12:00:00Z", null, repeated("EXP-REP-001", 90, 91));
            s.startRun(killed, "rig", "h");
            s.addScenario("r3", killed.scenarios().get(0));

            assertThat(s.repeats().latest(null, null, "kv", 1)).extracting(r -> r.statistics().scenarioId() + "@"
                    + r.runId() + ":" + r.unitSeed()).containsExactly("B@r2:3", "EXP-REP-001@r2:3");
            assertThat(s.repeats().latest("EXP-REP-001", null, "kv", 1).get(0).statistics().mean())
                    .isCloseTo(81.2, within(1e-9));
            assertThat(s.repeats().latest("EXP-REP-001", null, null, 5)).extracting(r -> r.runId() + ":"
                    + r.statistics().name()).containsExactly("r2:loading_time", "r2:kv", "r1:loading_time", "r1:kv");
            assertThat(s.repeats().latest("nope", null, null, 5)).isEmpty();
            assertThat(s.repeats().latest(null, "REQ-ACC-005", "kv", 1)).hasSize(2);
            assertThat(s.repeats().latest(null, "REQ-OTHER", null, 1)).isEmpty();
            assertThat(s.repeats().of("r3", "EXP-REP-001")).as("recorded, though it counts nowhere yet").hasSize(2);
        }
    }

    /** Runs units 3 to 5 of lot {@code lotId} (unit 4 carries the defect and fails), recorded as they go. */
    private static Map<Long, List<ScenarioResult>> runUnits(ResultStore s, String lotId) {
        Map<Long, List<ScenarioResult>> byUnit = new LinkedHashMap<>();
        for (long u = 3; u <= 5; u++) {
            ScenarioResult r = repeated("EXP-EVT-001", u == 4 ? 88.0 : 79.5 + u * 0.1);
            s.recordRun(ended(lotId + "-U" + u, "2026-12-01T10:0" + u + ":00Z", u, r), "rig", "h", MANIFEST);
            s.lots().unitRan(lotId, u, "GEN-U" + u, lotId + "-U" + u, u == 4);
            byUnit.put(u, List.of(r));
        }
        return byUnit;
    }

    @Test
    void aLotIsRecordedAsItGoesAndEndsWithItsStatisticsAcrossTheUnits() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.lots().started(StoredLot.starting("lot-1", 3, 5, 42, List.of("KV_FB_SCALE"), 40.0, "sim", "rig-a",
                    "dev", "2026-12-01T10:00:00Z"));
            Map<Long, List<ScenarioResult>> byUnit = runUnits(s, "lot-1");

            assertThat(s.lots().lot("lot-1")).contains(new StoredLot("lot-1", 3, 5, 42, List.of("KV_FB_SCALE"), 40.0,
                    "sim", "rig-a", "dev", "2026-12-01T10:00:00Z", null, 3, 2, 1));
            assertThat(s.lots().statistics("lot-1")).as("none before it ended").isEmpty();
            assertThat(s.lots().units("lot-1")).containsExactly(
                    new LotUnit(3, "GEN-U3", "lot-1-U3", false, 1, 0, RunState.SEALED),
                    new LotUnit(4, "GEN-U4", "lot-1-U4", true, 0, 1, RunState.SEALED),
                    new LotUnit(5, "GEN-U5", "lot-1-U5", false, 1, 0, RunState.SEALED));

            LotStatistics stats = LotStatistics.of(byUnit);
            s.lots().ended("lot-1", "2026-12-01T10:06:00Z", stats);

            assertThat(s.lots().lot("lot-1").orElseThrow()).extracting(StoredLot::endedUtc, StoredLot::ended)
                    .containsExactly("2026-12-01T10:06:00Z", true);
            List<StoredStatistics> stored = s.lots().statistics("lot-1");
            assertThat(stored).isEqualTo(stats.rows().stream().map(StoredStatistics::of).toList());
            assertThat(stored).extracting(StoredStatistics::name).containsExactly("loading_time", "kv");
            assertThat(stored.get(1)).extracting(StoredStatistics::n, StoredStatistics::min, StoredStatistics::max,
                    StoredStatistics::outside).containsExactly(3, 79.8, 88.0, 1);
            assertThat(stored.get(1).mean()).isCloseTo((79.8 + 88.0 + 80.0) / 3, within(1e-9));
        }
    }

    @Test
    void aLotEndsOnceTakesNoUnitAfterItsEndAndNoUnitTwice() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.lots().started(StoredLot.starting("lot-1", 3, 5, 42, List.of(), null, "sim", "rig-a", "dev",
                    "2026-12-01T10:00:00Z"));
            Map<Long, List<ScenarioResult>> byUnit = runUnits(s, "lot-1");

            assertThatThrownBy(() -> s.lots().unitRan("lot-1", 3, "GEN-U3", "lot-1-U3", false))
                    .isInstanceOf(RigFailureException.class)
                    .hasMessageStartingWith("cannot record unit 3 (run lot-1-U3) of lot lot-1 in jdbc:");
            s.lots().ended("lot-1", "2026-12-01T10:06:00Z", LotStatistics.of(byUnit));
            assertThatThrownBy(() -> s.lots().ended("lot-1", "2026-12-01T10:07:00Z", LotStatistics.of(byUnit)))
                    .isInstanceOf(RigFailureException.class).hasMessageStartingWith("lot lot-1 cannot end in jdbc:")
                    .hasMessageEndingWith(": it ended at 2026-12-01T10:06:00Z");
            assertThatThrownBy(() -> s.lots().unitRan("lot-1", 6, "GEN-U6", "lot-1-U5", false))
                    .isInstanceOf(RigFailureException.class).hasMessageEndingWith(": it ended at 2026-12-01T10:06:00Z");
            assertThatThrownBy(() -> s.lots().unitRan("nope", 6, "GEN-U6", "lot-1-U5", false))
                    .isInstanceOf(RigFailureException.class).hasMessageEndingWith(": it was never started");

            assertThat(s.lots().units("lot-1")).hasSize(3);
            assertThat(s.lots().statistics("lot-1")).as("the failed second end added nothing").hasSize(2);
            assertThat(s.lots().lot("lot-1").orElseThrow()).extracting(StoredLot::defects, StoredLot::defectiveShare)
                    .containsExactly(List.of(), null);
        }
    }

    @Test
    void aLotKilledMidwayKeepsTheUnitsItFinishedHasNoEndAndIsListedFirstWhenNewest() throws Exception {
        try (ResultStore s = ResultStore.open(newDatabaseUrl())) {
            s.lots().started(StoredLot.starting("lot-old", 3, 5, 42, List.of(), null, "sim", "rig-a", "dev",
                    "2026-12-01T10:00:00Z"));
            s.lots().ended("lot-old", "2026-12-01T10:06:00Z", LotStatistics.of(runUnits(s, "lot-old")));
            s.lots().started(StoredLot.starting("lot-new", 1, 50, 42, List.of("A", "B"), 10.0, "sim", "rig-a", "dev",
                    "2026-12-02T10:00:00Z"));
            s.recordRun(ended("new-U1", "2026-12-02T10:00:00Z", 1L, repeated("EXP-EVT-001", 80)), "rig", "h", MANIFEST);
            s.lots().unitRan("lot-new", 1, "GEN-U1", "new-U1", false);

            assertThat(s.lots().recent(10)).extracting(l -> l.lotId() + ":" + l.unitCount() + "/" + l.size() + ":"
                    + l.ended()).containsExactly("lot-new:1/50:false", "lot-old:3/3:true");
            assertThat(s.lots().recent(1)).extracting(StoredLot::lotId).containsExactly("lot-new");
            assertThat(s.lots().lot("lot-new").orElseThrow().defects()).containsExactly("A", "B");
            assertThat(s.lots().lot("nope")).isEmpty();
        }
    }

    @Test
    void aSchemaFourDatabaseIsMigratedKeepingItsRunsWithoutAUnitSeedAndThenTakesStatisticsAndLots() throws Exception {
        String url = newDatabaseUrl();
        try (ResultStore s = ResultStore.open(url, 4)) {
            assertThat(s.schemaVersion()).isEqualTo(4);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO runs (run_id, rig, seed, defects, tool_version, started_utc, ended_utc, rig_id, "
                    + "host, state, manifest_sha256) VALUES ('old', 'sim', 1, '', '0.9', '2026-11-01T00:00:00Z', "
                    + "'2026-11-01T00:01:00Z', 'rig', 'h', 'sealed', '" + MANIFEST + "')");
            st.execute("INSERT INTO scenario_results (run_id, scenario_id, title, file, status, message, trace_sha256, "
                    + "simulated_ns, seq) VALUES ('old', 'EXP-REP-001', 't', 'f', 'pass', NULL, 'aa', 10, 0)");
            st.execute("INSERT INTO value_measurements (run_id, scenario_id, seq, name, value, unit, nominal, "
                    + "min_value, max_value, uncertainty, status, samples, window_start_ns, window_end_ns) VALUES "
                    + "('old', 'EXP-REP-001', 0, 'kv', 80.5, 'kV', 80, 76.6, 83.4, 0, 'pass', 9, 1, 2)");
        }

        try (ResultStore s = ResultStore.open(url)) {
            assertThat(s.schemaVersion()).isEqualTo(5);
            assertThat(s.run("old").orElseThrow()).extracting(StoredRun::state, StoredRun::unitSeed)
                    .containsExactly(RunState.SEALED, null);
            assertThat(s.results("old")).singleElement().satisfies(r -> assertThat(r.values())
                    .extracting(ValueResult::value).containsExactly(80.5));
            assertThat(s.repeats().of("old", "EXP-REP-001")).isEmpty();

            s.lots().started(StoredLot.starting("lot-1", 3, 5, 42, List.of(), null, "sim", "rig-a", "dev",
                    "2026-12-01T10:00:00Z"));
            s.lots().ended("lot-1", "2026-12-01T10:06:00Z", LotStatistics.of(runUnits(s, "lot-1")));

            assertThat(s.runs(10)).extracting(StoredRun::unitSeed).containsExactly(5L, 4L, 3L, null);
            assertThat(s.repeats().latest("EXP-EVT-001", null, "kv", 5)).isEmpty();
            assertThat(s.lots().lot("lot-1").orElseThrow().passedUnits()).isEqualTo(2);
            assertThat(s.lots().statistics("lot-1")).hasSize(2);
        }
    }
}
