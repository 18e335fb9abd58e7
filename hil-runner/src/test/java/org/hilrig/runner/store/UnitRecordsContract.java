package org.hilrig.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's unit records (migrations 006 and 007): attempts, reworks, profile revisions, retest policies,
 * users and the audit trail, the same on every database the store supports.
 */
abstract class UnitRecordsContract {
    @TempDir
    Path tmp;

    abstract String newDatabaseUrl() throws Exception;

    private static AttemptRecord starting(String id, String serial, String started) {
        return new AttemptRecord(id, serial, "A", "ST-1", "olga", "GEN-3000", "B", "emulate-gen-tcp.yaml", "ab".repeat(32),
                null, Map.of(), started, null, null, null, null, null, null, null);
    }

    private static AttemptRecord ended(AttemptRecord s, AttemptRecord.Verdict v, String why, String runId) {
        return new AttemptRecord(s.attemptId(), s.serial(), s.socket(), s.station(), s.operator(), s.partNumber(),
                s.revision(), "emulate-gen-tcp", s.profileSha256(), s.profileRevision(), ver(s.serial()),
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

    @Test
    void aChangeOfLimitsIsANewRevisionAndAnAttemptRecordsTheExactOneItRanAgainst() throws Exception {
        String url = newDatabaseUrl();
        try (UnitRecords db = UnitRecords.open(url)) {
            ProductRecords p = db.products();
            assertThat(p.latestRevision("GEN-3000")).isEmpty();
            ProfileRevision first = p.release("GEN-3000", "board: GEN\n", "fixtures/boards/gen-reference.yaml",
                    ProfileRevision.STATION_FILE, "2026-12-04T01:00:00Z", "the station file's profile");
            ProfileRevision second = p.release("GEN-3000", "board: GEN\nmcu: {tick: 1ms}\n", "gen-tight.yaml", "erik",
                    "2026-12-04T02:00:00Z", "reply limit from the datasheet rev C");
            p.release("TUB-100", "board: TUB\n", "tub.yaml", ProfileRevision.STATION_FILE, "2026-12-04T01:00:00Z", "first");
            assertThat(first.revisionId()).isEqualTo("GEN-3000-r1");
            assertThat(second.revisionId()).isEqualTo("GEN-3000-r2");
            assertThat(second.sha256()).isEqualTo(ProductRecords.sha256("board: GEN\nmcu: {tick: 1ms}\n")).hasSize(64)
                    .isNotEqualTo(first.sha256());
            assertThat(p.revisions("GEN-3000")).containsExactly(first, second);
            assertThat(p.latestRevision("GEN-3000")).contains(second);
            assertThat(p.revision("GEN-3000-r1")).contains(first);
            assertThat(p.revision("TUB-100-r1").orElseThrow().number()).isEqualTo(1);

            AttemptRecord s = new AttemptRecord("att-1", "GEN-U3", "A", "ST-1", "olga", "GEN-3000", "B", "f.yaml",
                    second.sha256(), second.revisionId(), Map.of(), "2026-12-04T02:10:00Z", null, null, null, null, null,
                    null, null);
            db.started(s);
            db.ended(ended(s, AttemptRecord.Verdict.PASS, "all passed", null));
            assertThat(db.attempts("GEN-U3")).singleElement().satisfies(a -> {
                assertThat(a.profileRevision()).isEqualTo("GEN-3000-r2");
                assertThat(a.profileSha256()).isEqualTo(second.sha256());
            });
        }
    }

    @Test
    void aUnitThatFailedUnderAReworkPolicyIsInReworkUntilAStepIsRecordedAfterItsLastFailure() throws Exception {
        String url = newDatabaseUrl();
        try (UnitRecords db = UnitRecords.open(url)) {
            RetestPolicy initial = db.products().changePolicy("GEN-3000", 3, false, ProfileRevision.STATION_FILE,
                    "2026-12-04T01:00:00Z", "the station file's retest policy");
            RetestPolicy strict = db.products().changePolicy("GEN-3000", 2, true, "erik", "2026-12-04T01:30:00Z",
                    "failed units go to rework");
            assertThat(db.products().policy("GEN-3000")).contains(strict);
            assertThat(db.products().policies("GEN-3000")).containsExactly(initial, strict);
            assertThat(strict.number()).isEqualTo(2);

            AttemptRecord a = starting("att-1", "GEN-U9", "2026-12-04T02:00:00Z");
            db.started(a);
            db.ended(ended(a, AttemptRecord.Verdict.FAIL, "COM-SER-002 fail", null));
            assertThat(db.knows("GEN-U9")).isTrue();
            assertThat(db.knows("GEN-U404")).isFalse();
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), db.reworks("GEN-U9"), 2, true)).isEqualTo(UnitStatus.IN_REWORK);
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), db.reworks("GEN-U9"), 2, false)).isEqualTo(UnitStatus.FAILED);
            ReworkRecord w = new ReworkRecord("rw-1", "GEN-U9", "att-1", "ST-1", "olga", "2026-12-04T02:20:00Z",
                    "reflowed U3");
            db.reworked(w);
            assertThat(db.reworks("GEN-U9")).containsExactly(w);
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), db.reworks("GEN-U9"), 2, true)).isEqualTo(UnitStatus.FAILED);

            AttemptRecord again = starting("att-2", "GEN-U9", "2026-12-04T02:30:00Z");
            db.started(again);
            db.ended(ended(again, AttemptRecord.Verdict.FAIL, "COM-SER-002 fail", null));
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), db.reworks("GEN-U9"), 3, true))
                    .as("the rework answered the first failure, not the second").isEqualTo(UnitStatus.IN_REWORK);
            assertThat(UnitStatus.of(db.attempts("GEN-U9"), db.reworks("GEN-U9"), 2, true)).isEqualTo(UnitStatus.SCRAPPED);
            assertThatThrownBy(() -> db.reworked(new ReworkRecord("rw-2", "GEN-U404", "att-1", "ST-1", "olga",
                    "2026-12-04T02:40:00Z", "x"))).as("no such unit").isInstanceOf(RigFailureException.class);
        }
    }

    @Test
    void usersAreSeededOnceThenKeptByAdminsAndTheAuditTrailKeepsWhoDidWhatInOrder() throws Exception {
        String url = newDatabaseUrl();
        try (UnitRecords db = UnitRecords.open(url)) {
            StationAccounts acc = db.accounts();
            StationUser olga = new StationUser("olga", "operator", "hash-1", false, "station-file", "2026-12-04T01:00:00Z",
                    "2026-12-04T01:00:00Z");
            assertThat(acc.seed("ST-1", List.of(olga))).isEqualTo(1);
            assertThat(acc.setPasswordHash("ST-1", "olga", "hash-2", "2026-12-04T01:05:00Z")).isTrue();
            assertThat(acc.seed("ST-1", List.of(olga))).as("a known name is left as it is").isZero();
            assertThat(acc.user("ST-1", "olga").orElseThrow().passwordHash()).isEqualTo("hash-2");
            assertThat(acc.add("ST-1", new StationUser("pia", "operator", "hash-3", false, "ada", "2026-12-04T01:10:00Z",
                    "2026-12-04T01:10:00Z"))).isTrue();
            assertThat(acc.add("ST-1", olga)).as("a name taken").isFalse();
            assertThat(acc.setDisabled("ST-1", "pia", true, "2026-12-04T01:20:00Z")).isTrue();
            assertThat(acc.setDisabled("ST-1", "nobody", true, "2026-12-04T01:20:00Z")).isFalse();
            assertThat(acc.users("ST-1")).extracting(StationUser::name, StationUser::disabled).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("olga", false), org.assertj.core.groups.Tuple.tuple("pia", true));
            assertThat(acc.users("ST-2")).as("another station's users").isEmpty();

            acc.audit("ST-1", "ada", "2026-12-04T01:10:00Z", "user-add", "pia (operator)");
            acc.audit("ST-2", "eve", "2026-12-04T01:11:00Z", "login", "");
            acc.audit("ST-1", "ada", "2026-12-04T01:20:00Z", "user-disable", "pia");
            assertThat(acc.auditTrail("ST-1", 10)).extracting(AuditEntry::seq, AuditEntry::who, AuditEntry::action,
                    AuditEntry::details).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2L, "ada", "user-disable", "pia"),
                            org.assertj.core.groups.Tuple.tuple(1L, "ada", "user-add", "pia (operator)"));
            assertThat(acc.auditTrail("ST-1", 1)).hasSize(1);
        }
    }
}
