package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.runner.cli.CommandResult.hil;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.results.MeasurementResult;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredLot;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path tmp;
    String url;

    @BeforeEach
    void threeRuns() {
        url = ResultStore.sqliteUrl(tmp.resolve("rig/results.db"));
        long[] values = {412_000, 1_200_000, 420_000};
        try (ResultStore s = ResultStore.open(url)) {
            for (int i = 0; i < values.length; i++) {
                Verdict v = values[i] <= 1_000_000 ? Verdict.PASS : Verdict.FAIL;
                ScenarioResult door = new ScenarioResult("INT-DOOR-003", "door", null, v, List.of("REQ-ILK-001"),
                        List.of(), List.of(new MeasurementResult("door_to_hv_off", values[i], null, 1_000_000L, 0, v)),
                        null, null, v == Verdict.PASS ? null : "too slow", 0);
                ScenarioResult arc = new ScenarioResult("ARC-001", "arc", null, Verdict.PASS, List.of("REQ-ARC-001"),
                        List.of(), List.of(), null, null, null, 0);
                s.recordRun(new RunResult("run" + i, "sim", 1, List.of(), "2026-11-2" + (i + 1) + "T10:00:00Z",
                        "2026-11-2" + (i + 1) + "T10:01:00Z", "dev", List.of(door, arc)), "rig", "h", "5e".repeat(32));
            }
        }
    }

    @Test
    void latestResultsShowEachScenariosNewestRun() {
        CommandResult r = hil("history", "--db", url);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out().lines().skip(1)).satisfiesExactly(
                l -> assertThat(l).startsWith("ARC-001 ").contains(" pass ").contains(" run2 "),
                l -> assertThat(l).startsWith("INT-DOOR-003 ").contains(" pass ").contains(" run2 ")
                        .endsWith("door_to_hv_off=420 us"));
    }

    @Test
    void aRequirementFilterAndLastNShowOlderResultsToo() {
        CommandResult r = hil("history", "--db", url, "--requirement", "REQ-ILK-001", "--last", "2");

        assertThat(r.out().lines().skip(1)).satisfiesExactly(
                l -> assertThat(l).contains(" run2 "),
                l -> assertThat(l).contains(" fail ").contains(" run1 ").endsWith("door_to_hv_off=1.2 ms fail; too slow"));
    }

    @Test
    void aMeasurementsTrendShowsMinMedianMaxAndItsValuesOldestFirst() {
        CommandResult r = hil("history", "--db", url, "--measurement", "door_to_hv_off");

        assertThat(r.out().lines().skip(1)).singleElement().asString().matches(
                "INT-DOOR-003 +door_to_hv_off +3 +412 us +420 us +1\\.2 ms  412 us, 1\\.2 ms \\(fail\\), 420 us");
    }

    @Test
    void theDefaultDatabaseIsTheRigHomesAndAMissingOneIsBadUsage() {
        CommandResult found = hil("history", "--rig-home", tmp.resolve("rig").toString(), "--scenario", "ARC-001");
        CommandResult missing = hil("history", "--rig-home", tmp.resolve("empty").toString());
        CommandResult badLast = hil("history", "--db", url, "--last", "0");

        assertThat(found.out().lines().skip(1)).singleElement().asString().startsWith("ARC-001 ");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("hil history: " + tmp.resolve("empty/results.db")
                + ": no results database yet");
        assertThat(badLast.exitCode()).isEqualTo(2);
        assertThat(badLast.err()).isEqualTo("hil history: --last: is 0, must be 1 or more\n");
    }

    @Test
    void runsThatDidNotEndAreListedAfterTheTableMarkedAndNotCounted() {
        try (ResultStore s = ResultStore.open(url)) {
            for (int i = 10; i < 22; i++) {
                ScenarioResult door = new ScenarioResult("INT-DOOR-003", "door", null, Verdict.PASS,
                        List.of("REQ-ILK-001"), List.of(), List.of(), null, null, null, 0);
                RunResult run = new RunResult("killed" + i, "sim", 1, List.of(), "2026-12-" + i + "T10:00:00Z", null,
                        "dev", List.of());
                s.startRun(run, "rig", "h");
                s.addScenario(run.runId(), door);
            }
        }

        CommandResult r = hil("history", "--db", url, "--scenario", "INT-DOOR-003");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1)).as("the latest result that counts").contains(" pass ").contains(" run2 ");
        assertThat(lines.subList(2, 5)).containsExactly("", "incomplete runs, not counted above:",
                "STARTED              RUN                                          RESULTS LACKS");
        assertThat(lines.get(5)).startsWith("2026-12-21T10:00:00Z killed21 ").endsWith(" 1       its end: still "
                + "running, or killed before its scenarios were done");
        assertThat(lines.subList(5, lines.size() - 1)).hasSize(10);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("... and 2 older incomplete runs");
        assertThat(hil("history", "--db", url, "--scenario", "ARC-001").out()).doesNotContain("incomplete");
    }

    @Test
    void theRunListingShowsEachRunsUnitSeedNewestFirst() {
        try (ResultStore s = ResultStore.open(url)) {
            s.recordRun(new RunResult("unit7", "sim", 1, List.of(), "2026-11-25T10:00:00Z", "2026-11-25T10:01:00Z", "dev",
                    List.of(), 7L), "rig", "h", "5e".repeat(32));
        }

        CommandResult r = hil("history", "--db", url, "--runs", "--last", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "STARTED              RUN                                          UNIT       STATE    RESULTS",
                "2026-11-25T10:00:00Z unit7                                        7          sealed   0",
                "2026-11-23T10:00:00Z run2                                         -          sealed   2");
    }

    @Test
    void aLotWithoutAnEndShowsItsFinishedUnitsAndNoStatistics() {
        try (ResultStore s = ResultStore.open(url)) {
            s.lots().started(StoredLot.starting("lot-k", 1, 50, 42, List.of("KV_FB_SCALE"), 10.0, "sim", "rig-a", "dev",
                    "2026-11-24T10:00:00Z"));
            s.lots().unitRan("lot-k", 1, "GEN-U1", "run1", true);
        }

        CommandResult all = hil("history", "--db", url, "--lot");
        CommandResult one = hil("history", "--db", url, "--lot", "lot-k");

        assertThat(all.out().lines().skip(1)).singleElement().asString().startsWith("2026-11-24T10:00:00Z lot-k ")
                .contains(" 1-50 ").contains(" 1/50 ").contains(" 0/1 ").contains(" KV_FB_SCALE (10.00 %) ")
                .endsWith(" incomplete, lacks " + LotHistory.NOT_ENDED);
        assertThat(one.out().lines().toList()).containsExactly(
                "lot lot-k: unit seeds 1-50, run seed 42, defects: KV_FB_SCALE (10.00 %); rig sim (rig-a), tool dev",
                "started 2026-11-24T10:00:00Z, incomplete, lacks " + LotHistory.NOT_ENDED,
                "yield: 0 of 1 units passed every scenario (0.0 %); 1 carried KV_FB_SCALE, 1 of them failed; 0 units "
                        + "without it failed",
                "",
                "UNIT       SERIAL       DEFECTIVE PASSED    NOT  RUN                                              RUN STATE",
                "1          GEN-U1       yes            1      1  run1                                             sealed");
    }

    @Test
    void noLotsOrNoRepeatsSaySo() {
        assertThat(hil("history", "--db", url, "--lot").out()).isEqualTo("no lots\n");
        assertThat(hil("history", "--db", url, "--repeats", "--scenario", "INT-DOOR-003").out())
                .isEqualTo("no statistics over repeats for scenario INT-DOOR-003\n");
    }

    @Test
    void twoViewsAFilterAViewDoesNotTakeOrALotTheDatabaseDoesNotHaveAreBadUsage() {
        assertThat(hil("history", "--db", url, "--runs", "--lot")).extracting(CommandResult::exitCode,
                CommandResult::err).containsExactly(2, "hil history: --runs, --repeats, --lot and --unit: give one of them\n");
        assertThat(hil("history", "--db", url, "--runs", "--scenario", "A").err()).isEqualTo("hil history: --runs "
                + "lists every run: --scenario, --requirement and --measurement do not go with it\n");
        assertThat(hil("history", "--db", url, "--lot", "--requirement", "R").exitCode()).isEqualTo(2);
        assertThat(hil("history", "--db", url, "--lot", "--scenario", "A").err()).startsWith("hil history: --lot "
                + "without an ID lists the lots");
        CommandResult missing = hil("history", "--db", url, "--lot", "nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("hil history: --lot nope: no such lot in " + url
                + " ('hil history --lot' lists them)\n");
        assertThat(missing.out()).isEmpty();
    }
}
