package org.hilrig.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's unit records (migration 006), the same on every database the store supports. */
abstract class UnitRecordsContract {
    @TempDir
    Path tmp;

    abstract String newDatabaseUrl() throws Exception;

    private static AttemptRecord starting(String id, String serial, String started) {
        return new AttemptRecord(id, serial, "A", "ST-1", "olga", "GEN-3000", "B", "emulate-gen-tcp.yaml", "ab".repeat(32),
                Map.of(), started, null, null, null, null, null, null, null);
    }

    private static AttemptRecord ended(AttemptRecord s, AttemptRecord.Verdict v, String why, String runId) {
        return new AttemptRecord(s.attemptId(), s.serial(), s.socket(), s.station(), s.operator(), s.partNumber(),
                s.revision(), "emulate-gen-tcp", s.profileSha256(), ver(s.serial()),
                s.startedUtc(), s.startedUtc().replace("00Z", "30Z"), v, v == AttemptRecord.Verdict.ABORTED ? "aborted by olga"
                        : null, why, runId, runId == null ? null : "/evidence/" + s.attemptId(),
                runId == null ? null : "5e".repeat(32));
    }

    private static Map<String, String> ver(String serial) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("board", "GEN");
        m.put("fw", "1.0.0");
        m.put("sn", serial);
        return m;
    }

    /** A run in the runs table, as the attempt's evidence records it. */
    private static void run(String url, String runId, String startedUtc) {
        try (ResultStore store = ResultStore.open(url)) {
            store.startRun(new org.hilrig.runner.results.RunResult(runId, "emulate-gen-tcp", 42, List.of(), startedUtc, null,
                    "1.2.3", List.of()), "rig-1", "host-1");
        }
    }

    @Test
    void aRetestKeepsEveryAttemptBeforeItAndTheUnitsStatusFollowsFromThem() throws Exception {
        String url = newDatabaseUrl();
        run(url, "run-1", "2026-12-04T01:00:00Z");
        run(url, "run-2", "2026-12-04T01:10:00Z");
        try (UnitRecords db = UnitRecords.open(url)) {
            AttemptRecord first = starting("att-1", "GEN-U9", "2026-12-04T01:00:00Z");
            db.started(first);
            assertThat(db.attempts("GEN-U9")).singleElement().satisfies(a -> assertThat(a.verdict()).isNull());
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), 3)).isEqualTo(UnitStatus.UNTESTED);
            db.ended(ended(first, AttemptRecord.Verdict.FAIL, "COM-SER-002 fail", "run-1"));
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), 3)).isEqualTo(UnitStatus.FAILED);
            AttemptRecord second = starting("att-2", "GEN-U9", "2026-12-04T01:10:00Z");
            db.started(second);
            db.ended(ended(second, AttemptRecord.Verdict.PASS, "all 3 passed", "run-2"));
            List<AttemptRecord> both = db.attempts("GEN-U9");
            assertThat(both).extracting(AttemptRecord::attemptId, AttemptRecord::verdict, AttemptRecord::why,
                    AttemptRecord::runId).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("att-1", AttemptRecord.Verdict.FAIL, "COM-SER-002 fail", "run-1"),
                            org.assertj.core.groups.Tuple.tuple("att-2", AttemptRecord.Verdict.PASS, "all 3 passed", "run-2"));
            assertThat(both.get(0).board()).containsExactly(Map.entry("board", "GEN"), Map.entry("fw", "1.0.0"),
                    Map.entry("sn", "GEN-U9"));
            assertThat(both.get(0).fixture()).isEqualTo("emulate-gen-tcp");
            assertThat(both.get(0).manifestSha256()).isEqualTo("5e".repeat(32));
            assertThat(UnitStatus.of(both, 3)).isEqualTo(UnitStatus.PASSED_AFTER_RETEST);
            assertThatThrownBy(() -> db.ended(ended(first, AttemptRecord.Verdict.PASS, "rewritten", "run-2")))
                    .as("an attempt that ended is never rewritten").isInstanceOf(RigFailureException.class)
                    .hasMessageContaining("attempt att-1 is not running");
            assertThat(db.attempts("GEN-U9").get(0).verdict()).isEqualTo(AttemptRecord.Verdict.FAIL);
        }
    }

    @Test
    void attemptsStillRunningWhenTheStationStoppedAreMarkedAbortedAndNothingCompletedChanges() throws Exception {
        String url = newDatabaseUrl();
        run(url, "run-1", "2026-12-04T01:00:00Z");
        try (UnitRecords db = UnitRecords.open(url)) {
            AttemptRecord done = starting("att-1", "GEN-U7", "2026-12-04T01:00:00Z");
            db.started(done);
            db.ended(ended(done, AttemptRecord.Verdict.PASS, "all 3 passed", "run-1"));
            db.started(starting("att-2", "GEN-U8", "2026-12-04T01:01:00Z"));
            db.started(starting("att-3", "GEN-U12", "2026-12-04T01:02:00Z"));
        }
        try (UnitRecords db = UnitRecords.open(url)) {
            assertThat(db.abortRunning("ST-1")).isEqualTo(2);
            assertThat(db.abortRunning("ST-1")).isZero();
            assertThat(db.attemptsAt("ST-1")).extracting(AttemptRecord::attemptId, AttemptRecord::verdict).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("att-1", AttemptRecord.Verdict.PASS),
                    org.assertj.core.groups.Tuple.tuple("att-2", AttemptRecord.Verdict.ABORTED),
                    org.assertj.core.groups.Tuple.tuple("att-3", AttemptRecord.Verdict.ABORTED));
            assertThat(db.attempts("GEN-U8").get(0).abortReason()).startsWith("the station stopped while it ran");
            assertThat(db.attempts("GEN-U7").get(0).why()).isEqualTo("all 3 passed");
            assertThat(UnitStatus.of(db.attempts("GEN-U8"), 3)).as("an aborted attempt tested nothing")
                    .isEqualTo(UnitStatus.UNTESTED);
        }
    }

    @Test
    void aUnitThatFailedEveryAttemptItMayHaveIsScrappedAndOneThatPassedAtOnceIsPassedFirstTime() throws Exception {
        String url = newDatabaseUrl();
        try (UnitRecords db = UnitRecords.open(url)) {
            for (int i = 1; i <= 2; i++) {
                AttemptRecord a = starting("att-" + i, "GEN-U1", "2026-12-04T01:0" + i + ":00Z");
                db.started(a);
                db.ended(ended(a, AttemptRecord.Verdict.FAIL, "fail " + i, null));
            }
            AttemptRecord aborted = starting("att-3", "GEN-U1", "2026-12-04T01:03:00Z");
            db.started(aborted);
            db.ended(ended(aborted, AttemptRecord.Verdict.ABORTED, "aborted by olga", null));
            assertThat(UnitStatus.of(db.attempts("GEN-U1"), 3)).isEqualTo(UnitStatus.FAILED);
            assertThat(UnitStatus.of(db.attempts("GEN-U1"), 2)).isEqualTo(UnitStatus.SCRAPPED);
            AttemptRecord good = starting("att-4", "GEN-U2", "2026-12-04T01:04:00Z");
            db.started(good);
            db.ended(ended(good, AttemptRecord.Verdict.PASS, "all passed", null));
            assertThat(UnitStatus.of(db.attempts("GEN-U2"), 3)).isEqualTo(UnitStatus.PASSED_FIRST_TIME);
        }
    }
}
