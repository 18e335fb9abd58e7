package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hilrig.runner.cli.CommandResult.hil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.ReworkRecord;
import org.hilrig.runner.store.UnitRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil history --unit SERIAL}: a production unit's attempts and rework steps, as text and JSON. */
class HistoryUnitCommandTest {
    @TempDir
    Path tmp;
    String url;

    /** GEN-U9: failed on socket A, reworked, then aborted on B under revision 2; all in a real SQLite database. */
    @BeforeEach
    void aUnitThatFailedWasReworkedAndRetested() {
        url = ResultStore.sqliteUrl(tmp.resolve("results.db"));
        try (UnitRecords db = UnitRecords.open(url)) {
            ProfileRevision r1 = db.products().release("GEN-3000", "board: GEN\n", "gen.yaml", ProfileRevision.STATION_FILE,
                    "2026-12-04T01:00:00Z", "the station file's profile");
            ProfileRevision r2 = db.products().release("GEN-3000", "board: GEN\n# rev C\n", "gen-c.yaml", "erik",
                    "2026-12-04T01:30:00Z", "rev C");
            db.products().changePolicy("GEN-3000", 3, true, ProfileRevision.STATION_FILE, "2026-12-04T01:00:00Z", "file");
            AttemptRecord a1 = attempt("att-1", "A", r1, "2026-12-04T02:00:00Z");
            db.started(a1);
            db.ended(end(a1, AttemptRecord.Verdict.FAIL, null, "9f".repeat(32)));
            db.reworked(new ReworkRecord("rw-1", "GEN-U9", "att-1", "ST-DEMO-01", "olga", "2026-12-04T02:10:00Z",
                    "reflowed U3"));
            AttemptRecord a2 = attempt("att-2", "B", r2, "2026-12-04T02:20:00Z");
            db.started(a2);
            db.ended(end(a2, AttemptRecord.Verdict.ABORTED, "aborted by olga at 2026-12-04T02:20:05Z", null));
        }
    }

    private static AttemptRecord attempt(String id, String socket, ProfileRevision r, String started) {
        return new AttemptRecord(id, "GEN-U9", socket, "ST-DEMO-01", "olga", "GEN-3000", "B", "emulate-gen-tcp.yaml",
                r.sha256(), r.revisionId(), Map.of(), started, null, null, null, null, null, null, null);
    }

    private static AttemptRecord end(AttemptRecord a, AttemptRecord.Verdict v, String abortReason, String manifest) {
        return new AttemptRecord(a.attemptId(), a.serial(), a.socket(), a.station(), a.operator(), a.partNumber(),
                a.revision(), a.fixture(), a.profileSha256(), a.profileRevision(), Map.of("sn", "GEN-U9"), a.startedUtc(),
                a.startedUtc().replace(":00Z", ":30Z"), v, abortReason, v == AttemptRecord.Verdict.FAIL
                        ? "COM-SER-002 (...) fail" : abortReason, null, null, manifest);
    }

    @Test
    void aUnitsAttemptsAndReworkAreListedOldestFirst() {
        CommandResult r = hil("history", "--db", url, "--unit", "GEN-U9");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("unit GEN-U9: GEN-3000 rev B, first scanned 2026-12-04T02:00:00Z; status:"
                        + " failed (1 conclusive attempts of 3 allowed, rework after a fail required)"),
                l -> assertThat(l).isEmpty(),
                l -> assertThat(l).startsWith("STARTED ").contains(" PROFILE ").contains(" MANIFEST ").endsWith("ABORT REASON"),
                l -> assertThat(l).startsWith("2026-12-04T02:00:00Z ").contains(" ST-DEMO-01 ").contains(" A ")
                        .contains(" olga ").contains(" GEN-3000-r1 ").contains(" FAIL ").contains("9f".repeat(32))
                        .endsWith(" -"),
                l -> assertThat(l).startsWith("2026-12-04T02:20:00Z ").contains(" B ").contains(" GEN-3000-r2 ")
                        .contains(" ABORTED ").endsWith(" aborted by olga at 2026-12-04T02:20:05Z"),
                l -> assertThat(l).isEmpty(),
                l -> assertThat(l).startsWith("REWORKED ").endsWith("NOTE"),
                l -> assertThat(l).startsWith("2026-12-04T02:10:00Z ").contains(" olga ").contains(" att-1 ")
                        .endsWith(" reflowed U3"));
    }

    @Test
    void asJsonEveryAttemptHasItsRevisionHashVerdictAndManifest() throws Exception {
        CommandResult r = hil("history", "--db", url, "--unit", "GEN-U9", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode unit = new ObjectMapper().readTree(r.out());
        assertThat(unit.get("serial").asText()).isEqualTo("GEN-U9");
        assertThat(unit.get("status").asText()).isEqualTo("failed");
        assertThat(unit.get("attempts")).hasSize(2);
        JsonNode first = unit.get("attempts").get(0);
        assertThat(first.get("profile_revision").asText()).isEqualTo("GEN-3000-r1");
        assertThat(first.get("profile_sha256").asText()).hasSize(64);
        assertThat(first.get("verdict").asText()).isEqualTo("fail");
        assertThat(first.get("manifest_sha256").asText()).isEqualTo("9f".repeat(32));
        assertThat(first.get("abort_reason").isNull()).isTrue();
        assertThat(unit.get("attempts").get(1).get("abort_reason").asText()).startsWith("aborted by olga");
        assertThat(unit.get("reworks").get(0).get("note").asText()).isEqualTo("reflowed U3");
        assertThat(unit.get("reworks").get(0).get("after_attempt").asText()).isEqualTo("att-1");
    }

    @Test
    void anUnknownSerialIsOneLineAndExit2() {
        CommandResult r = hil("history", "--db", url, "--unit", "GEN-U404");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString().isEqualTo("hil history: --unit GEN-U404: no such"
                + " unit in " + url + " (no station has scanned it)");
    }

    @Test
    void jsonWithoutAUnitAndAUnitWithAnotherViewAreBadUsage() {
        assertThat(hil("history", "--db", url, "--json").exitCode()).isEqualTo(2);
        CommandResult both = hil("history", "--db", url, "--unit", "GEN-U9", "--runs");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--runs, --repeats, --lot and --unit: give one of them");
    }
}
