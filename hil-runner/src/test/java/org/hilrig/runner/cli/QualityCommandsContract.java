package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hilrig.runner.cli.StationRecords.exactly;
import static org.hilrig.runner.cli.StationRecords.scenario;
import static org.hilrig.runner.cli.StationRecords.time;
import static org.hilrig.runner.cli.StationRecords.value;
import static org.hilrig.runner.store.AttemptPurpose.CI;
import static org.hilrig.runner.store.AttemptPurpose.ENGINEERING;
import static org.hilrig.runner.store.AttemptPurpose.GOLDEN;
import static org.hilrig.runner.store.AttemptPurpose.PRODUCTION;
import static org.hilrig.runner.store.AttemptRecord.Verdict.ABORTED;
import static org.hilrig.runner.store.AttemptRecord.Verdict.ERROR;
import static org.hilrig.runner.store.AttemptRecord.Verdict.FAIL;
import static org.hilrig.runner.store.AttemptRecord.Verdict.INCONCLUSIVE;
import static org.hilrig.runner.store.AttemptRecord.Verdict.PASS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.store.ResultStore;
import org.junit.jupiter.api.Test;

/**
 * {@code hil yield} and {@code hil cpk} through the command line ({@link Hil#run}), over records written as a station
 * writes them, the same on every database the store supports.
 */
abstract class QualityCommandsContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    abstract String newDatabaseUrl() throws Exception;

    static JsonNode json(CommandResult r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    static JsonNode measurement(JsonNode cpk, String scenario, String name) {
        for (JsonNode m : cpk.get("measurements")) {
            if (m.get("scenario").asText().equals(scenario) && m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no " + scenario + "." + name + " in " + cpk);
    }

    @Test
    void anEmptyStoreIsOneLineAndExitZeroAndItsJsonHasNoUnits() throws Exception {
        String url = newDatabaseUrl();
        ResultStore.open(url).close();
        CommandResult yield = CommandResult.hil("yield", "--db", url);
        assertThat(yield.exitCode()).as(yield.err()).isZero();
        assertThat(yield.out().lines()).singleElement().asString().startsWith("no tested production attempts in ")
                .endsWith("(0 aborted, 0 erred; other purposes: golden 0, engineering 0, ci 0)");
        CommandResult cpk = CommandResult.hil("cpk", "--db", url);
        assertThat(cpk.exitCode()).as(cpk.err()).isZero();
        assertThat(cpk.out().lines()).singleElement().asString().startsWith("no measured values in tested production"
                + " attempts in ");
        JsonNode y = json(CommandResult.hil("yield", "--db", url, "--json", "--by", "station"));
        assertThat(y.get("total").get("units").asInt()).isZero();
        assertThat(y.get("total").get("first_pass_yield").isNull()).isTrue();
        assertThat(y.get("groups")).isEmpty();
        assertThat(json(CommandResult.hil("cpk", "--db", url, "--json")).get("measurements")).isEmpty();
    }

    @Test
    void badOptionValuesAreOneLineNamingWhatIsAllowedAndExitTwo() throws Exception {
        String url = newDatabaseUrl();
        try (StationRecords db = new StationRecords(url)) {
            db.attempt("GEN-U1", "ST-1", "A", "olga", PRODUCTION, PASS, 0, List.of(scenario("EXP-EVT-001", List.of(),
                    List.of(value("kv", 80, "kV", 78.0, 82.0, 0.1)))));
        }
        CommandResult by = CommandResult.hil("yield", "--db", url, "--by", "colour");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err().lines()).singleElement().asString().isEqualTo("hil yield: --by: is 'colour' (allowed:"
                + " product, revision, station, socket, operator, day)");
        CommandResult purpose = CommandResult.hil("cpk", "--db", url, "--purpose", "gold");
        assertThat(purpose.exitCode()).isEqualTo(2);
        assertThat(purpose.err().lines()).singleElement().asString().isEqualTo("hil cpk: --purpose: is 'gold' (allowed:"
                + " production, golden, engineering, ci)");
        CommandResult name = CommandResult.hil("cpk", "--db", url, "--measurement", "kw");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err().lines()).singleElement().asString().startsWith("hil cpk: --measurement: 'kw': no such"
                + " measurement in the production attempts of ");
        CommandResult dbUrl = CommandResult.hil("yield", "--db", "jdbc:mysql://x/y");
        assertThat(dbUrl.exitCode()).isEqualTo(2);
        assertThat(dbUrl.err().lines()).hasSize(1);
        CommandResult unknown = CommandResult.hil("yield", "--db", url, "--colour");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
    }

    /**
     * Golden units, engineering and CI runs are their own purposes, aborted and erred attempts tested nothing: none of
     * them moves a production figure. Production: U1 passes; U2 fails at ST-1 and passes its retest at ST-2; U3
     * fails; U4 is aborted, then passes; U5 only erred; U6 is inconclusive, then passes.
     */
    @Test
    void goldenEngineeringCiAbortedAndErredAttemptsStayOutOfTheProductionFigures() throws Exception {
        String url = newDatabaseUrl();
        ScenarioResult good = scenario("COM-SER-002", List.of(time("reply", 1_000_000, 5_000_000L, 100_000)), List.of());
        ScenarioResult slow = scenario("COM-SER-002", List.of(time("reply", 9_000_000, 5_000_000L, 100_000)), List.of());
        ScenarioResult kvOff = scenario("EXP-EVT-001", List.of(), List.of(value("kv", 84, "kV", 78.0, 82.0, 0.1)));
        try (StationRecords db = new StationRecords(url)) {
            db.attempt("GEN-U1", "ST-1", "A", "olga", PRODUCTION, PASS, 0, List.of(good));
            db.attempt("GEN-U2", "ST-1", "A", "olga", PRODUCTION, FAIL, 1, List.of(slow));
            db.attempt("GEN-U2", "ST-2", "A", "piet", PRODUCTION, PASS, 10, List.of(good));
            db.attempt("GEN-U3", "ST-1", "B", "olga", PRODUCTION, FAIL, 2, List.of(slow, kvOff));
            db.attempt("GEN-U4", "ST-1", "A", "olga", PRODUCTION, ABORTED, 3, List.of());
            db.attempt("GEN-U4", "ST-1", "A", "olga", PRODUCTION, PASS, 4, List.of(good));
            db.attempt("GEN-U5", "ST-1", "B", "olga", PRODUCTION, ERROR, 5, List.of());
            db.attempt("GEN-U6", "ST-1", "B", "olga", PRODUCTION, INCONCLUSIVE, 6, List.of(good));
            db.attempt("GEN-U6", "ST-1", "B", "olga", PRODUCTION, PASS, 7, List.of(good));
            for (int i = 0; i < 3; i++) {
                db.attempt("GOLD-BAD-1", "ST-1", "A", "erik", GOLDEN, FAIL, 20 + i, List.of(slow, kvOff));
            }
            db.attempt("GEN-U90", "ST-1", "A", "erik", ENGINEERING, FAIL, 30, List.of(kvOff));
            db.attempt("GEN-U91", "ST-2", "A", "ci", CI, PASS, 31, List.of(good));
        }
        JsonNode y = json(CommandResult.hil("yield", "--db", url, "--by", "station", "--json"));
        JsonNode t = y.get("total");
        assertThat(List.of(t.get("units").asInt(), t.get("first_pass").asInt(), t.get("final_pass").asInt(),
                t.get("retested").asInt(), t.get("tested_attempts").asInt(), t.get("aborted_attempts").asInt(),
                t.get("error_attempts").asInt())).containsExactly(5, 2, 4, 2, 7, 1, 1);
        assertThat(t.get("first_pass_yield").asDouble()).isEqualTo(0.4);
        assertThat(t.get("final_yield").asDouble()).isEqualTo(0.8);
        assertThat(t.get("retest_rate").asDouble()).isEqualTo(0.4);
        assertThat(y.get("groups")).extracting(g -> g.get("key").asText() + " " + g.get("units").asInt() + " "
                + g.get("first_pass").asInt() + " " + g.get("final_pass").asInt() + " " + g.get("retested").asInt())
                .as("a station's figures are of the units' attempts at that station").containsExactly("ST-1 5 2 3 1",
                        "ST-2 1 1 1 0");
        assertThat(y.get("ended_attempts_by_purpose").get("golden").asInt()).isEqualTo(3);
        assertThat(y.get("pareto").get("scenarios")).extracting(b -> b.get("name").asText() + " " + b.get("count").asInt()
                + " " + Math.round(1000 * b.get("cumulative").asDouble())).containsExactly("COM-SER-002 2 667",
                        "EXP-EVT-001 1 1000");
        assertThat(y.get("pareto").get("measurements")).extracting(b -> b.get("name").asText()).containsExactly(
                "COM-SER-002.reply", "EXP-EVT-001.kv");

        CommandResult text = CommandResult.hil("yield", "--db", url, "--by", "station");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("yield of production attempts in ", ": 5 units, 7 tested attempts (1 aborted and"
                + " 1 erred, in no figure)");
        assertThat(text.out().lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow().split(" +"))
                .startsWith("all", "5", "2", "40.0", "%");
        assertThat(text.out()).containsPattern("(?m)^COM-SER-002 +2 +2 +66\\.7 % +66\\.7 %$");

        JsonNode golden = json(CommandResult.hil("yield", "--db", url, "--purpose", "golden", "--json")).get("total");
        assertThat(List.of(golden.get("units").asInt(), golden.get("first_pass").asInt(), golden.get("tested_attempts")
                .asInt())).containsExactly(1, 0, 3);
        JsonNode kv = measurement(json(CommandResult.hil("cpk", "--db", url, "--json")), "EXP-EVT-001", "kv");
        assertThat(kv.get("n").asInt()).as("production only: U3's value, not the golden or engineering units'")
                .isEqualTo(1);
        JsonNode reply = measurement(json(CommandResult.hil("cpk", "--db", url, "--json")), "COM-SER-002", "reply");
        assertThat(reply.get("n").asInt()).as("one value a unit, from its first tested attempt").isEqualTo(5);
        assertThat(reply.get("unit").asText()).isEqualTo("ms");
        assertThat(reply.get("mean").asDouble()).isCloseTo((1 + 9 + 9 + 1 + 1) / 5.0, within(1e-12));
    }

    /**
     * NIST/SEMATECH e-Handbook of Statistical Methods, 6.1.6 (https://www.itl.nist.gov/div898/handbook/pmc/section1/
     * pmc16.htm): USL 20, LSL 8, mean 16, s 2 give Cp 1.0 and Cpk min(0.667, 1.333) = 0.667. Montgomery, Introduction
     * to Statistical Quality Control, the exercise "USL = 100 and LSL = 90, a random sample of 30 parts results in
     * x̄ = 97 and s = 1.6 ... find a 95 % confidence interval on Cpk" (published at
     * http://www.solutioninn.com/suppose-that-a-quality-characteristic-has-a-normal-distribution-with): Cpk =
     * 3 / 4.8 = 0.625 and Bissell's interval 0.625 ± 1.96·sqrt(1/270 + 0.625²/58) = 0.625 ± 0.2002 = [0.4248, 0.8252]; Cp = 10 / 9.6 =
     * 1.0417 and its interval 1.0417·sqrt(χ²(0.025; 29) / 29) to 1.0417·sqrt(χ²(0.975; 29) / 29) with the tables'
     * χ² 16.047 and 45.722: [0.7749, 1.3080].
     */
    @Test
    void theWorkedExamplesOfNistAndMontgomeryComeOutOfHilCpk() throws Exception {
        String url = newDatabaseUrl();
        List<Double> nist = exactly(50, 16, 2, 616);
        List<Double> montgomery = exactly(30, 97, 1.6, 830);
        try (StationRecords db = new StationRecords(url)) {
            for (int i = 0; i < 50; i++) {
                List<ScenarioResult> s = new ArrayList<>();
                s.add(scenario("NIST-616", List.of(), List.of(value("x", nist.get(i), "mm", 8.0, 20.0, 2.0))));
                if (i < 30) {
                    s.add(scenario("MONT-830", List.of(), List.of(value("x", montgomery.get(i), "V", 90.0, 100.0, 1.0))));
                }
                db.attempt("GEN-U" + (i + 1), i % 2 == 0 ? "ST-1" : "ST-2", "A", "olga", PRODUCTION, PASS, i, s);
            }
        }
        JsonNode cpk = json(CommandResult.hil("cpk", "--db", url, "--json"));
        JsonNode n = measurement(cpk, "NIST-616", "x");
        assertThat(n.get("n").asInt()).isEqualTo(50);
        assertThat(n.get("mean").asDouble()).isCloseTo(16, within(1e-9));
        assertThat(n.get("sd").asDouble()).isCloseTo(2, within(1e-9));
        assertThat(n.get("cp").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(n.get("cpk").asDouble()).isCloseTo(0.6667, within(5e-5));
        assertThat(n.get("uncertainty_share").asDouble()).as("2U/(USL-LSL) = 4/12").isCloseTo(1 / 3.0, within(1e-9));
        assertThat(n.get("measurement_system_warning").asBoolean()).isTrue();
        JsonNode m = measurement(cpk, "MONT-830", "x");
        assertThat(m.get("n").asInt()).isEqualTo(30);
        assertThat(m.get("cpk").asDouble()).isCloseTo(0.625, within(1e-9));
        assertThat(m.get("cpk_ci95").get(0).asDouble()).isCloseTo(0.42475, within(1e-4));
        assertThat(m.get("cpk_ci95").get(1).asDouble()).isCloseTo(0.82525, within(1e-4));
        assertThat(m.get("cp").asDouble()).isCloseTo(1.0417, within(5e-5));
        assertThat(m.get("cp_ci95").get(0).asDouble()).isCloseTo(0.7749, within(2e-4));
        assertThat(m.get("cp_ci95").get(1).asDouble()).isCloseTo(1.3080, within(2e-4));
        assertThat(m.get("uncertainty_share").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(m.get("measurement_system_warning").asBoolean()).isFalse();

        CommandResult text = CommandResult.hil("cpk", "--db", url);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("(?m)^MONT-830\\.x +V +30 +97\\.000 +1\\.6000 +\\[90\\.000, 100\\.00\\]"
                + " +1\\.04 +0\\.625 +\\[0\\.425, 0\\.825\\] +20\\.0 % +\\d+$");
        assertThat(text.out()).containsPattern("(?m)^NIST-616\\.x +mm +50 +16\\.000 +2\\.0000 .* 0\\.667 .* 33\\.3 %! +\\d+$")
                .contains("measurement-system warning: the uncertainty takes more than 30 % of the tolerance of NIST-616.x:"
                        + " their Cpk is not believable");
        CommandResult one = CommandResult.hil("cpk", "--db", url, "--measurement", "x", "--json");
        assertThat(json(one).get("measurements")).hasSize(2);
    }

    /**
     * NIST/SEMATECH e-Handbook, 6.3.2.2 (https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm), the
     * flow rate of ten batches: MR̄ = 1.8778, x̄ = 50.81, limits 50.81 ± 3·1.8778/1.128 = [45.82, 55.80], the moving
     * range's upper limit 3.267·1.8778 = 6.135; no point outside.
     */
    @Test
    void theNistIndividualsChartExampleComesOutOfHilCpk() throws Exception {
        String url = newDatabaseUrl();
        double[] flow = {49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1};
        try (StationRecords db = new StationRecords(url)) {
            for (int i = 0; i < flow.length; i++) {
                db.attempt("GEN-U" + (i + 1), "ST-1", "A", "olga", PRODUCTION, PASS, i, List.of(scenario("FLOW-001",
                        List.of(), List.of(value("flow", flow[i], "l/min", null, null, 0.1)))));
            }
        }
        JsonNode chart = measurement(json(CommandResult.hil("cpk", "--db", url, "--json")), "FLOW-001", "flow")
                .get("chart");
        assertThat(chart.get("mr_mean").asDouble()).isCloseTo(1.8778, within(5e-5));
        assertThat(chart.get("center").asDouble()).isCloseTo(50.81, within(1e-9));
        assertThat(chart.get("ucl").asDouble()).isCloseTo(55.80, within(5e-3));
        assertThat(chart.get("lcl").asDouble()).isCloseTo(45.82, within(5e-3));
        assertThat(chart.get("mr_ucl").asDouble()).isCloseTo(6.135, within(5e-3));
        assertThat(chart.get("western_electric").has("1")).isFalse();
    }

    /** The library's report scenario: LXP's kV against the rig's mean of KV_FB; KV_FB_SCALE fails it. */
    private static final String EVT = java.nio.file.Path.of("..", "test-scenarios", "scenarios", "exposure",
            "exp-evt-001.yaml").toString();

    /**
     * A simulated lot of 200 units ({@code hil run --units 1-200}, unit seeds 1 to 200) of which a stated 10 % carry
     * KV_FB_SCALE, tested at two stations (odd seeds at ST-1, even at ST-2), every failed unit retested once at the
     * other station: the yields {@code hil yield} gives are those the injected share makes, unit for unit, and the Cpk
     * {@code hil cpk} gives of the rig's kV is the one computed here from the units' own results.json, and agrees with the
     * spread the profile's unit-seed distributions make.
     */
    @Test
    void aLotOf200UnitsAtTwoStationsWithATenthDefectiveGivesTheYieldTheShareMakesAndItsCpk(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String url = newDatabaseUrl();
        java.nio.file.Path lot = dir.resolve("lot");
        org.hilrig.runner.testsupport.InProcessHil cli = new org.hilrig.runner.testsupport.InProcessHil(dir.resolve("home"));
        int code = cli.run("run", EVT, "--units", "1-200", "--defect", "KV_FB_SCALE", "--defective-share", "10", "--out",
                lot.toString(), "--db", url);
        assertThat(code).as(cli.err()).isEqualTo(1);
        String lotId = JSON.readTree(lot.resolve("lot.json").toFile()).get("lot_id").asText();
        List<org.hilrig.runner.store.LotUnit> units;
        try (ResultStore store = ResultStore.open(url)) {
            units = store.lots().units(lotId);
        }
        assertThat(units).hasSize(200);
        int defective = 0;
        int[] atStation = new int[2];
        int[] defectiveAtStation = new int[2];
        try (StationRecords db = new StationRecords(url)) {
            int minute = 0;
            for (org.hilrig.runner.store.LotUnit u : units) {
                int st = (int) (u.unitSeed() % 2 == 1 ? 0 : 1);
                String station = "ST-" + (st + 1);
                String other = "ST-" + (2 - st);
                atStation[st]++;
                // the verdict is what the rig recorded for the unit's run, not the defect it was given
                org.hilrig.runner.store.AttemptRecord.Verdict v = u.good() ? PASS : FAIL;
                String started = java.time.Instant.parse("2026-12-04T06:00:00Z").plusSeconds(60L * minute++).toString();
                db.attempt(u.serial(), station, u.unitSeed() % 4 < 2 ? "A" : "B", "olga", PRODUCTION, v, started,
                        "lot-" + u.unitSeed() + "-1", u.runId());
                if (u.defective()) {
                    defective++;
                    defectiveAtStation[st]++;
                }
                if (v == FAIL) {
                    String later = java.time.Instant.parse("2026-12-05T06:00:00Z").plusSeconds(60L * minute).toString();
                    db.attempt(u.serial(), other, "A", "piet", PRODUCTION, FAIL, later, "lot-" + u.unitSeed() + "-2",
                            u.runId());
                }
            }
        }
        // the share injected: each unit's own draw, 10 % of 200 expected, within three standard deviations of 20
        assertThat(defective).isBetween(20 - 13, 20 + 13);
        assertThat(units.stream().filter(u -> !u.good()).map(org.hilrig.runner.store.LotUnit::unitSeed).toList())
                .as("exactly the units that carried the defect failed").isEqualTo(units.stream()
                        .filter(org.hilrig.runner.store.LotUnit::defective).map(org.hilrig.runner.store.LotUnit::unitSeed)
                        .toList());
        JsonNode y = json(CommandResult.hil("yield", "--db", url, "--by", "station", "--json"));
        JsonNode t = y.get("total");
        assertThat(t.get("units").asInt()).isEqualTo(200);
        assertThat(t.get("first_pass").asInt()).isEqualTo(200 - defective);
        assertThat(t.get("first_pass_yield").asDouble()).isEqualTo((200 - defective) / 200.0);
        assertThat(t.get("final_yield").asDouble()).as("a defective unit fails its retest too").isEqualTo(
                (200 - defective) / 200.0);
        assertThat(t.get("retest_rate").asDouble()).isEqualTo(defective / 200.0);
        JsonNode st1 = y.get("groups").get(0);
        assertThat(st1.get("key").asText()).isEqualTo("ST-1");
        // a station's figures are of the units' attempts there: ST-1 saw its own units first and ST-2's failed units
        // in their retests (which failed again)
        assertThat(st1.get("units").asInt()).isEqualTo(atStation[0] + defectiveAtStation[1]);
        assertThat(st1.get("first_pass_yield").asDouble()).isEqualTo((atStation[0] - defectiveAtStation[0])
                / (double) (atStation[0] + defectiveAtStation[1]));
        assertThat(y.get("pareto").get("scenarios")).extracting(b -> b.get("name").asText() + " " + b.get("count").asInt())
                .containsExactly("EXP-EVT-001 " + 2 * defective);

        // Cpk of the rig's kV across the 200 units, computed here from each unit's results.json
        List<Double> kv = new ArrayList<>();
        Double lower = null;
        Double upper = null;
        for (org.hilrig.runner.store.LotUnit u : units) {
            JsonNode results = JSON.readTree(lot.resolve("U" + u.unitSeed()).resolve("results.json").toFile());
            for (JsonNode v : results.get("scenarios").get(0).get("values")) {
                if (v.get("name").asText().equals("kv")) {
                    kv.add(v.get("value").asDouble());
                    lower = v.get("min").asDouble();
                    upper = v.get("max").asDouble();
                }
            }
        }
        double mean = kv.stream().mapToDouble(Double::doubleValue).sum() / kv.size();
        double ss = 0;
        for (double v : kv) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (kv.size() - 1));
        double expectedCpk = Math.min(upper - mean, mean - lower) / (3 * sd);
        double half = 1.959963984540054 * Math.sqrt(1.0 / (9 * 200) + expectedCpk * expectedCpk / (2 * 199));
        JsonNode row = measurement(json(CommandResult.hil("cpk", "--db", url, "--measurement", "kv", "--json")),
                "EXP-EVT-001", "kv");
        assertThat(row.get("n").asInt()).isEqualTo(200);
        assertThat(row.get("mean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(row.get("sd").asDouble()).isCloseTo(sd, within(1e-9));
        assertThat(row.get("cpk").asDouble()).isCloseTo(expectedCpk, within(1e-9));
        assertThat(row.get("cpk_ci95").get(0).asDouble()).isCloseTo(expectedCpk - half, within(1e-9));
        // and from the unit-seed distributions (fixtures/boards/gen-reference.yaml, units: each spread is 3 standard
        // deviations): the inverter regulates the divider's reading, so a unit's kV at 110 kV is off by its gain
        // (1 %: σ 110·0.01/3 kV) and its offset (0.3 kV: σ 0.1 kV), and each exposure by hv.shot_noise_fraction
        // (0.002 rms: 0.22 kV); the SD of 200 units lies within 3.3 standard errors (1/sqrt(2·199): 5 %) of theirs,
        // and the Cpk they make against the limits lies inside hil cpk's 95 % interval
        double sigma = Math.sqrt(Math.pow(110 * 0.01 / 3, 2) + Math.pow(0.3 / 3, 2) + Math.pow(110 * 0.002, 2));
        assertThat(sd / sigma).isBetween(1 - 3.3 / Math.sqrt(2 * 199), 1 + 3.3 / Math.sqrt(2 * 199));
        double fromDistributions = Math.min(upper - 110, 110 - lower) / (3 * sigma);
        assertThat(fromDistributions).isBetween(row.get("cpk_ci95").get(0).asDouble(), row.get("cpk_ci95").get(1)
                .asDouble());
        System.out.printf(java.util.Locale.ROOT, "200-unit lot (%s): %d defective (%.1f %%); first-pass yield expected"
                + " %.4f, measured %.4f; ST-1 %d units %d defective, ST-2 %d units %d defective; kV mean %.4f sd %.4f"
                + " limits [%s, %s]; Cpk expected %.4f, measured %.4f, 95 %% CI [%.4f, %.4f]; from the unit-seed distributions σ %.4f,"
                + " Cpk %.4f%n", url.startsWith(
                        "jdbc:sqlite") ? "SQLite" : "PostgreSQL", defective, defective / 2.0, (200 - defective) / 200.0,
                t.get("first_pass_yield").asDouble(), atStation[0], defectiveAtStation[0], atStation[1],
                defectiveAtStation[1], mean, sd, lower, upper, expectedCpk, row.get("cpk").asDouble(),
                row.get("cpk_ci95").get(0).asDouble(), row.get("cpk_ci95").get(1).asDouble(), sigma, fromDistributions);
    }
}
