package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.store.LotUnit;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.RunState;
import org.hilrig.runner.store.StoredLot;
import org.hilrig.runner.store.StoredStatistics;
import org.hilrig.runner.testsupport.ChildJvm;
import org.hilrig.runner.testsupport.InProcessHil;
import org.hilrig.runner.testsupport.PostgresExtension;
import org.hilrig.runner.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil run --units}: a production lot, its units' own runs, its statistics, and a stated share of bad units. */
class LotCommandTest {
    /** The library's report scenario: it compares LXP's kV with the rig's measurement (KV_FB_SCALE fails it). */
    private static final String EVT = Path.of("..", "test-scenarios", "scenarios", "exposure", "exp-evt-001.yaml").toString();

    private InProcessHil cli;

    @TempDir
    Path rigHome;

    /** The library's ten exposures in a row (repeat: 10): statistics over repeats in every unit. */
    private static final String REP = Path.of("..", "test-scenarios", "scenarios", "exposure", "exp-rep-001.yaml")
            .toString();

    /** {@code hil} in this test's rig home, without a database. */
    private int hil(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-db"));
        return hilWithDatabase(all.toArray(new String[0]));
    }

    /** {@code hil} in this test's rig home, its database chosen by the arguments (default: the rig home's). */
    private int hilWithDatabase(String... args) {
        return cli().run(args);
    }

    private InProcessHil cli() {
        if (cli == null) {
            cli = new InProcessHil(rigHome);
        }
        return cli;
    }

    private static JsonNode json(Path file) throws java.io.IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The row of lot.json's or results.json's statistics for one measurement (of one scenario, if given). */
    private static JsonNode row(JsonNode statistics, String scenario, String name) {
        for (JsonNode r : statistics) {
            if (r.get("name").asText().equals(name) && (scenario == null || r.get("scenario").asText().equals(scenario))) {
                return r;
            }
        }
        throw new AssertionError("no statistics of " + scenario + "/" + name + " in " + statistics);
    }

    /** The scenario's entry in a results.json. */
    private static JsonNode scenario(JsonNode results, String id) {
        for (JsonNode s : results.get("scenarios")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + id);
    }

    @Test
    void aLotWritesOneJunitXmlWithATestsuitePerUnitAndTheLotsStatistics(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");

        assertThat(hil("run", EVT, "--units", "3-5", "--out", lot.toString())).as(cli().err()).isZero();

        JsonNode lotJson = json(lot.resolve("lot.json"));
        String lotId = lotJson.get("lot_id").asText();
        assertThat(lotId).matches("lot-\\d{8}T\\d{6}Z-U3-5-[0-9a-f]{8}");
        JunitDocument junit = JunitDocument.read(lot.resolve("junit.xml"));
        assertThat(junit.root().getAttribute("name")).isEqualTo("hil lot " + lotId);
        assertThat(junit.root().getAttribute("tests")).isEqualTo("3");
        assertThat(junit.root().getAttribute("failures")).isEqualTo("0");
        List<org.w3c.dom.Element> suites = junit.suites();
        assertThat(suites).hasSize(4);
        for (int i = 0; i < 3; i++) {
            long unit = 3 + i;
            String runId = json(lot.resolve("U" + unit).resolve("results.json")).get("run_id").asText();
            assertThat(suites.get(i).getAttribute("name")).isEqualTo("hil run " + runId + " unit " + unit);
            assertThat(JunitDocument.properties(suites.get(i))).containsEntry("unit_seed", Long.toString(unit));
            assertThat(JunitDocument.testcases(suites.get(i))).singleElement().satisfies(t -> {
                assertThat(t.getAttribute("classname")).isEqualTo("hil.sim.U" + unit);
                assertThat(t.getAttribute("name")).isEqualTo("EXP-EVT-001");
            });
        }
        org.w3c.dom.Element lotSuite = suites.get(3);
        assertThat(lotSuite.getAttribute("name")).isEqualTo("hil lot " + lotId);
        assertThat(lotSuite.getAttribute("tests")).isEqualTo("0");
        assertThat(JunitDocument.testcases(lotSuite)).isEmpty();
        java.util.Map<String, String> props = JunitDocument.properties(lotSuite);
        assertThat(props).containsEntry("lot_id", lotId).containsEntry("units", "3-5").containsEntry("seed", "42")
                .containsEntry("units_passed", "3").containsEntry("defects", "");
        JsonNode kv = row(lotJson.get("statistics"), "EXP-EVT-001", "kv");
        assertThat(props.get("EXP-EVT-001.kv.n")).isEqualTo("3");
        assertThat(Double.parseDouble(props.get("EXP-EVT-001.kv.mean"))).isEqualTo(kv.get("mean").asDouble());
        assertThat(Double.parseDouble(props.get("EXP-EVT-001.kv.sd"))).isEqualTo(kv.get("sd").asDouble());
        assertThat(Double.parseDouble(props.get("EXP-EVT-001.kv.cv"))).isEqualTo(kv.get("cv").asDouble());
        assertThat(Double.parseDouble(props.get("EXP-EVT-001.kv.cpk"))).isEqualTo(kv.get("cpk").asDouble());
        assertThat(JunitDocument.systemOut(lotSuite)).startsWith("statistics across 3 units:\n")
                .contains("\nEXP-EVT-001 kv: n 3, mean ");
        assertThat(rigHome.resolve("results.db")).as("--no-db records the lot nowhere").doesNotExist();
    }

    /**
     * Runs a lot of two units (EXP-EVT-001 and the ten repeats of EXP-REP-001) into {@code url}'s database, or the rig
     * home's when null, and checks what the database holds against the lot's files and what {@code hil history}
     * shows of it.
     */
    private void aLotIsRecordedInTheDatabaseAndHistoryShowsIt(Path lot, String url) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", EVT, REP, "--units", "1-2", "--out", lot.toString()));
        if (url != null) {
            args.addAll(List.of("--db", url));
        }
        assertThat(hilWithDatabase(args.toArray(new String[0]))).as(cli().err()).isZero();
        String db = url != null ? url : ResultStore.sqliteUrl(rigHome.resolve("results.db"));
        JsonNode lotJson = json(lot.resolve("lot.json"));
        String lotId = lotJson.get("lot_id").asText();
        assertThat(cli().out()).contains("results database: " + db + " (lot " + lotId + "; hil history --lot "
                + lotId + ")");

        try (ResultStore store = ResultStore.open(db)) {
            StoredLot stored = store.lots().lot(lotId).orElseThrow();
            assertThat(stored).extracting(StoredLot::firstUnit, StoredLot::lastUnit, StoredLot::seed,
                    StoredLot::unitCount, StoredLot::passedUnits, StoredLot::ended).containsExactly(1L, 2L, 42L, 2, 2,
                    true);
            List<LotUnit> units = store.lots().units(lotId);
            assertThat(units).extracting(LotUnit::unitSeed, LotUnit::serial, LotUnit::passed, LotUnit::runState)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "GEN-U1", 2, RunState.SEALED),
                            org.assertj.core.groups.Tuple.tuple(2L, "GEN-U2", 2, RunState.SEALED));
            for (LotUnit u : units) {
                JsonNode results = json(lot.resolve("U" + u.unitSeed()).resolve("results.json"));
                assertThat(u.runId()).isEqualTo(results.get("run_id").asText());
                assertThat(store.run(u.runId()).orElseThrow().unitSeed()).isEqualTo(u.unitSeed());
                JsonNode repeats = scenario(results, "EXP-REP-001").get("statistics");
                List<StoredStatistics> storedRepeats = store.repeats().of(u.runId(), "EXP-REP-001");
                List<String> names = new ArrayList<>();
                repeats.forEach(r -> names.add(r.get("name").asText()));
                assertThat(names).contains("loading_time", "kv", "ma", "mas");
                assertThat(storedRepeats).extracting(StoredStatistics::name).isEqualTo(names);
                for (StoredStatistics st : storedRepeats) {
                    JsonNode r = row(repeats, null, st.name());
                    assertThat(st.n()).isEqualTo(10).isEqualTo(r.get("n").asInt());
                    assertThat(st.mean()).isEqualTo(r.get("mean").asDouble());
                    assertThat(st.sd()).isEqualTo(r.get("sd").asDouble());
                    assertThat(st.cpk()).isEqualTo(r.get("cpk").isNull() ? null : r.get("cpk").asDouble());
                }
            }
            List<StoredStatistics> statistics = store.lots().statistics(lotId);
            assertThat(statistics).hasSize(lotJson.get("statistics").size());
            for (int i = 0; i < statistics.size(); i++) {
                JsonNode r = lotJson.get("statistics").get(i);
                assertThat(statistics.get(i)).extracting(StoredStatistics::scenarioId, StoredStatistics::name,
                        StoredStatistics::n, StoredStatistics::mean, StoredStatistics::outside).containsExactly(
                        r.get("scenario").asText(), r.get("name").asText(), r.get("n").asInt(),
                        r.get("mean").asDouble(), r.get("outside").asInt());
            }
        }

        String where = url != null ? "--db=" + url : "--rig-home=" + rigHome;
        CommandResult lots = CommandResult.hil("history", where, "--lot");
        assertThat(lots.exitCode()).as(lots.err()).isZero();
        assertThat(lots.out().lines()).hasSize(2);
        assertThat(lots.out().lines().skip(1)).singleElement().asString().contains(" " + lotId + " ")
                .contains(" 1-2 ").contains(" 2/2 ").contains(" none ").contains(" ended ");
        CommandResult one = CommandResult.hil("history", where, "--lot", lotId);
        assertThat(one.out()).contains("lot " + lotId + ": unit seeds 1-2, run seed 42, defects: none",
                "yield: 2 of 2 units passed every scenario (100.0 %)");
        assertThat(one.out().lines().filter(l -> l.startsWith("1 ") || l.startsWith("2 ")))
                .allSatisfy(l -> assertThat(l).contains(" GEN-U").contains(" no ").endsWith(" sealed")).hasSize(2);
        assertThat(one.out().lines().filter(l -> l.startsWith("EXP-REP-001 ")))
                .extracting(l -> l.split(" +")[1]).startsWith("loading_time", "kv", "ma", "mas");
        CommandResult kvOnly = CommandResult.hil("history", where, "--lot", lotId, "--scenario", "EXP-EVT-001",
                "--measurement", "kv");
        assertThat(kvOnly.out().lines().filter(l -> l.startsWith("EXP-"))).singleElement().asString()
                .startsWith("EXP-EVT-001 ").contains(" kv ");
        CommandResult runs = CommandResult.hil("history", where, "--runs");
        // both units may start in the same second (times are to the second): either comes first
        assertThat(runs.out().lines().skip(1)).extracting(l -> l.split(" +")[2]).containsExactlyInAnyOrder("1", "2");
        CommandResult repeats = CommandResult.hil("history", where, "--repeats", "--measurement", "kv", "--last", "2");
        assertThat(repeats.out().lines().skip(1)).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("EXP-REP-001 ")
                .contains(" kv ").contains(" 10 ")).extracting(l -> l.split(" +")[2]).containsExactlyInAnyOrder("1", "2");
        assertThat(CommandResult.hil("history", where, "--repeats", "--measurement", "kv").out().lines().skip(1))
                .as("the latest run that ended, one a scenario").hasSize(1);
    }

    @Test
    void aLotKilledMidwayKeepsTheUnitsItFinishedAndHistoryShowsItIncomplete(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");
        String url = ResultStore.sqliteUrl(rigHome.resolve("results.db"));

        try (ChildJvm child = ChildJvm.start(Hil.class, dir.resolve("child.log"),
                List.of("-Dhil.home=" + org.hilrig.runner.run.Library.home()), "run",
                Path.of(EVT).toAbsolutePath().toString(), "--units", "1-3", "--out", lot.toString(), "--rig-home",
                rigHome.toString())) {
            // unit 2's folder appears once unit 1 is sealed and recorded in the lot
            child.awaitFile(lot.resolve("U2").resolve("INCOMPLETE")).kill();
        }

        assertThat(lot.resolve("lot.json")).as("the lot did not end").doesNotExist();
        try (ResultStore store = ResultStore.open(url)) {
            StoredLot killed = store.lots().recent(10).get(0);
            assertThat(killed.ended()).isFalse();
            List<LotUnit> units = store.lots().units(killed.lotId());
            assertThat(units).as("unit 1, and unit 2 only if it finished in the moment before the kill")
                    .hasSizeBetween(1, 2).first().satisfies(u -> {
                        assertThat(u.unitSeed()).isEqualTo(1);
                        assertThat(u.runState()).isEqualTo(RunState.SEALED);
                        assertThat(u.runId()).isEqualTo(json(lot.resolve("U1").resolve("results.json")).get("run_id")
                                .asText());
                    });
            assertThat(store.lots().statistics(killed.lotId())).isEmpty();
            CommandResult history = CommandResult.hil("history", "--db", url, "--lot", killed.lotId());
            assertThat(history.out()).contains("incomplete, lacks " + LotHistory.NOT_ENDED)
                    .doesNotContain("MEASUREMENT");
            assertThat(history.out().lines().filter(l -> l.startsWith("1 "))).singleElement().asString()
                    .endsWith(" sealed");
        }
    }

    @Test
    void aLotGoesToTheRigHomesDatabaseByDefaultWithItsUnitsRunsAndStatistics(@TempDir Path dir) throws Exception {
        aLotIsRecordedInTheDatabaseAndHistoryShowsIt(dir.resolve("lot"), null);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(PostgresExtension.class)
    void aLotGoesToAPostgresDatabaseGivenWithDb(@TempDir Path dir, PostgresServer server) throws Exception {
        aLotIsRecordedInTheDatabaseAndHistoryShowsIt(dir.resolve("lot"), server.newDatabase());
    }

    @Test
    void aLotRunsEveryUnitIntoItsOwnFolderAndWritesTheStatisticsAcrossTheUnits(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");

        assertThat(hil("run", EVT, "--units", "3-5", "--out", lot.toString())).as(cli().err()).isZero();

        JsonNode json = new ObjectMapper().readTree(lot.resolve("lot.json").toFile());
        assertThat(json.get("units")).hasSize(3);
        assertThat(json.get("units").get(0).get("serial").asText()).isEqualTo("GEN-U3");
        for (String u : List.of("U3", "U4", "U5")) {
            JsonNode results = new ObjectMapper().readTree(lot.resolve(u).resolve("results.json").toFile());
            assertThat(results.get("unit_seed").asLong()).isEqualTo(Long.parseLong(u.substring(1)));
        }
        JsonNode kv = null;
        for (JsonNode row : json.get("statistics")) {
            if (row.get("name").asText().equals("kv")) {
                kv = row;
            }
        }
        assertThat(kv).isNotNull();
        assertThat(kv.get("n").asInt()).isEqualTo(3);
        assertThat(kv.get("sd").asDouble()).as("units differ").isPositive();
        assertThat(kv.get("cpk").asDouble()).isPositive();
        assertThat(cli().out()).contains("a lot of 3 units (unit seeds 3-5)", "unit 4", "lot: 3 of 3 units passed");
        assertThat(Files.readString(lot.resolve("lot.html"))).contains("3 of 3 units passed every scenario", "data:image/png;base64,");
    }

    @Test
    void theUnitsCarryingADefectAreTheOnesThatFail(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");

        int code = hil("run", EVT, "--units", "1-8", "--defect", "KV_FB_SCALE", "--defective-share", "40",
                "--out", lot.toString());

        assertThat(code).as(cli().err()).isEqualTo(1);
        JsonNode units = new ObjectMapper().readTree(lot.resolve("lot.json").toFile()).get("units");
        int defective = 0;
        for (JsonNode u : units) {
            boolean carries = u.get("defective").asBoolean();
            defective += carries ? 1 : 0;
            assertThat(u.get("status").asText()).as("unit " + u.get("unit_seed")).isEqualTo(carries ? "fail" : "pass");
            assertThat(LotRun.carries(u.get("unit_seed").asLong(), 40.0)).isEqualTo(carries);
        }
        assertThat(defective).as("some units carry it, some do not").isBetween(1, 7);
        assertThat(cli().out()).contains(defective + " carried KV_FB_SCALE, " + defective + " of them failed; 0 units"
                + " without it failed");
    }

    @Test
    void aRangeThatDoesNotReadOrOptionsThatDoNotGoWithALotAreBadInput(@TempDir Path dir) {
        assertThat(hil("run", EVT, "--units", "5-1")).isEqualTo(2);
        assertThat(cli().err()).contains("--units 5-1: the range ends before it starts");
        assertThat(hil("run", EVT, "--units", "one")).isEqualTo(2);
        assertThat(cli().err()).contains("--units 'one': not a range of unit seeds (write 1-50, or 7)");
        assertThat(hil("run", EVT, "--units", "1-3", "--unit-seed", "2")).isEqualTo(2);
        assertThat(cli().err()).contains("--units and --unit-seed/--serial-number");
        assertThat(hil("run", EVT, "--defective-share", "10")).isEqualTo(2);
        assertThat(cli().err()).contains("--defective-share: a share of a lot's units; give --units too");
        assertThat(hil("run", EVT, "--units", "1-3", "--defective-share", "10")).isEqualTo(2);
        assertThat(cli().err()).contains("give --defect NAME too");
        assertThat(hil("run", EVT, "--units", "1-3", "--defect", "KV_FB_SCALE", "--defective-share", "120")).isEqualTo(2);
        assertThat(cli().err()).contains("--defective-share 120.0: a share is 0 to 100");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aUnitIsNamedByTheSerialsOfTheBoardsItsScenariosTest(@TempDir Path dir) throws Exception {
        String tub = Path.of("..", "test-scenarios", "scenarios", "system", "sys-tub-001.yaml").toString();

        assertThat(hil("run", tub, "--units", "4-4", "--out", dir.resolve("tub").toString())).as(cli().err()).isZero();
        assertThat(hil("run", tub, EVT, "--units", "4-4", "--out", dir.resolve("both").toString())).as(cli().err()).isZero();

        assertThat(json(dir.resolve("tub/lot.json")).get("units").get(0).get("serial").asText()).isEqualTo("TUB-U4");
        assertThat(json(dir.resolve("both/lot.json")).get("units").get(0).get("serial").asText()).isEqualTo("GEN-U4/TUB-U4");
    }
}
