package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.AuditEntry;
import org.hilrig.runner.store.ProductRecords;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StationUser;
import org.hilrig.runner.store.UnitRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles, profile revisions, rework and users over the station's real HTTP surface with a real client: what each
 * role may do and sees, and what a forged, unauthorised or malformed request gets.
 */
class StationRolesHttpTest {
    @TempDir
    Path dir;

    /** The reference profile with a lower AEC backup energy: a change of limits. */
    static byte[] tighterProfile() throws Exception {
        String text = Files.readString(Library.home().resolve("fixtures/boards/gen-reference.yaml"));
        assertThat(text).contains("  kws_max: 60 ");
        return text.replace("  kws_max: 60 ", "  kws_max: 50 ").getBytes(StandardCharsets.UTF_8);
    }

    /** The reference profile with a kV ceiling that is not a number, on line {@link #lineOfKvMax()}. */
    static byte[] malformedProfile() throws Exception {
        String text = Files.readString(Library.home().resolve("fixtures/boards/gen-reference.yaml"));
        return text.replace("  kv_max: 150.0\n", "  kv_max: fast\n").getBytes(StandardCharsets.UTF_8);
    }

    static int lineOfKvMax() throws Exception {
        List<String> lines = Files.readAllLines(Library.home().resolve("fixtures/boards/gen-reference.yaml"));
        return lines.indexOf("  kv_max: 150.0") + 1;
    }

    @Test
    void anOperatorIsRefusedWhatEngineersAndAdminsDoAndSeesNoLinkToIt() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            StationClient olga = new StationClient(s.url(""));
            String token = olga.login();
            String page = olga.get("/").body();
            assertThat(page).contains("olga (operator)").doesNotContain("href=\"/products\"").doesNotContain("href=\"/users\"")
                    .contains("id=\"rework-form\"");
            assertThat(olga.get("/products").statusCode()).isEqualTo(403);
            assertThat(olga.get("/users").statusCode()).isEqualTo(403);
            assertThat(olga.get("/audit").statusCode()).isEqualTo(403);
            HttpResponse<String> release = olga.postFile("/products/GEN-3000/revisions", token, "profile", "gen.yaml",
                    tighterProfile(), "reason", "tighter");
            assertThat(release.statusCode()).isEqualTo(403);
            assertThat(release.body()).isEqualTo("forbidden: olga (operator) may not release profile revisions and change"
                    + " retest policies (engineer)");
            assertThat(olga.post("/products/GEN-3000/retest", token, "max_attempts", "1", "reason", "x").statusCode())
                    .isEqualTo(403);
            assertThat(olga.post("/users", token, "name", "mallory", "role", "admin", "password", "mallory-1")
                    .statusCode()).isEqualTo(403);

            StationClient erik = new StationClient(s.url(""));
            String erikToken = erik.login("erik", "erik-demo-1");
            assertThat(erik.get("/").body()).contains("href=\"/products\"").doesNotContain("href=\"/users\"");
            assertThat(erik.get("/products").statusCode()).isEqualTo(200);
            assertThat(erik.get("/users").statusCode()).isEqualTo(403);
            HttpResponse<String> forged = erik.post("/products/GEN-3000/retest", null, "max_attempts", "1", "reason", "x");
            assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
            assertThat(forged.body()).contains("CSRF");
            HttpResponse<String> forgedUpload = erik.postFile("/products/GEN-3000/revisions", null, "profile", "gen.yaml",
                    tighterProfile(), "reason", "tighter");
            assertThat(forgedUpload.statusCode()).as("a multipart form without its CSRF token").isEqualTo(403);
            assertThat(erik.postFile("/products/GEN-3000/revisions", erikToken + "x", "profile", "gen.yaml",
                    tighterProfile(), "reason", "tighter").statusCode()).as("a wrong token").isEqualTo(403);

            StationClient ada = new StationClient(s.url(""));
            ada.login("ada", "ada-demo-1");
            assertThat(ada.get("/").body()).contains("href=\"/products\"").contains("href=\"/users\"");
            try (UnitRecords db = UnitRecords.open(ResultStore.sqliteUrl(s.database))) {
                assertThat(db.products().revisions("GEN-3000")).as("nothing released").hasSize(1);
                assertThat(db.products().policies("GEN-3000")).as("no policy changed").hasSize(1);
                List<AuditEntry> trail = db.accounts().auditTrail("ST-DEMO-01", 50);
                assertThat(trail).filteredOn(e -> e.action().equals("forbidden")).extracting(AuditEntry::who,
                        AuditEntry::details).contains(
                                org.assertj.core.groups.Tuple.tuple("olga", "POST /products/GEN-3000/revisions needs the"
                                        + " right to release profile revisions and change retest policies (engineer)"),
                                org.assertj.core.groups.Tuple.tuple("erik", "GET /users needs the right to manage users"
                                        + " (admin)"));
                assertThat(trail).extracting(AuditEntry::who, AuditEntry::action).contains(
                        org.assertj.core.groups.Tuple.tuple("olga", "login"), org.assertj.core.groups.Tuple.tuple("ada", "login"));
            }
        }
    }

    @Test
    void anEngineerReleasesARevisionAMalformedOneIsRefusedAtItsLineAndColumnAndAnAttemptRecordsTheOneItRan()
            throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            StationClient erik = new StationClient(s.url(""));
            String token = erik.login("erik", "erik-demo-1");
            String before = erik.get("/products").body();
            assertThat(before).contains("Profile in force: <strong>GEN-3000-r1</strong>").contains("station-file");

            HttpResponse<String> malformed = erik.postFile("/products/GEN-3000/revisions", token, "profile",
                    "gen-rev-c.yaml", malformedProfile(), "reason", "datasheet rev C");
            assertThat(malformed.statusCode()).isEqualTo(422);
            assertThat(malformed.body()).contains("gen-rev-c.yaml is not released: it does not load as a board profile")
                    .containsPattern("<li><code>gen-rev-c\\.yaml:" + lineOfKvMax() + ":\\d+: [^<]*kv_max[^<]*fast");
            HttpResponse<String> same = erik.post("/products/GEN-3000/revisions", token, "path",
                    "fixtures/boards/gen-reference.yaml", "reason", "again");
            assertThat(same.statusCode()).as("a url-encoded form naming a path").isEqualTo(422);
            assertThat(same.body()).contains("fixtures/boards/gen-reference.yaml is not released: it is GEN-3000-r1"
                    + " already, byte for byte");
            HttpResponse<String> outside = erik.post("/products/GEN-3000/revisions", token, "path", "../../etc/passwd",
                    "reason", "x");
            assertThat(outside.statusCode()).isEqualTo(422);
            assertThat(outside.body()).contains("profile path &#39;../../etc/passwd&#39; is not a file under the"
                    + " installation");
            HttpResponse<String> tub = erik.post("/products/GEN-3000/revisions", token, "path",
                    "fixtures/boards/tub-reference.yaml", "reason", "wrong board");
            assertThat(tub.statusCode()).isEqualTo(422);
            assertThat(tub.body()).contains("it is a TUB profile, GEN-3000 is a GEN board");
            HttpResponse<String> noReason = erik.postFile("/products/GEN-3000/revisions", token, "profile", "gen-rev-c.yaml",
                    tighterProfile(), "reason", " ");
            assertThat(noReason.statusCode()).isEqualTo(422);
            assertThat(noReason.body()).contains("say why the limits change");

            HttpResponse<String> released = erik.postFile("/products/GEN-3000/revisions", token, "profile",
                    "gen-rev-c.yaml", tighterProfile(), "reason", "AEC backup 50 kWs from datasheet rev C");
            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            String sha = ProductRecords.sha256(new String(tighterProfile(), StandardCharsets.UTF_8));
            assertThat(released.body()).contains("Released GEN-3000-r2 of GEN-3000 (SHA-256 " + sha + ")")
                    .contains("Profile in force: <strong>GEN-3000-r2</strong>")
                    .contains("AEC backup 50 kWs from datasheet rev C");

            StationClient olga = new StationClient(s.url(""));
            String o = olga.login();
            olga.scan(o, "A", "GEN-U7");
            assertThat(olga.post("/sockets/A/abort", o).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> s.main.records().stream().anyMatch(r -> r.verdict() != null));
            AttemptRecord a = s.main.records().get(0);
            assertThat(a.profileRevision()).isEqualTo("GEN-3000-r2");
            assertThat(a.profileSha256()).isEqualTo(sha);
            assertThat(Files.readString(s.evidence.resolve("profiles/GEN-3000-r2.yaml")))
                    .isEqualTo(new String(tighterProfile(), StandardCharsets.UTF_8));
            try (UnitRecords db = UnitRecords.open(ResultStore.sqliteUrl(s.database))) {
                assertThat(db.products().revisions("GEN-3000")).extracting(r -> r.revisionId() + " by " + r.releasedBy()
                        + ": " + r.reason()).containsExactly("GEN-3000-r1 by station-file: the station file's profile",
                                "GEN-3000-r2 by erik: AEC backup 50 kWs from datasheet rev C");
                assertThat(db.accounts().auditTrail("ST-DEMO-01", 50)).extracting(AuditEntry::who, AuditEntry::action)
                        .contains(org.assertj.core.groups.Tuple.tuple("erik", "release-profile"),
                                org.assertj.core.groups.Tuple.tuple("olga", "scan"),
                                org.assertj.core.groups.Tuple.tuple("olga", "abort"));
            }
        }
        // the revisions are the database's: a restarted station keeps r2 and says it is not the station file's profile
        try (TestStation s = TestStation.start(dir, "")) {
            assertThat(s.main.describe()).containsPattern("GEN-3000 rev B \\(\\d+ scenarios, profile GEN-3000-r2\\)")
                    .contains("; GEN-3000 runs against GEN-3000-r2, not the station file's profile"
                            + " fixtures/boards/gen-reference.yaml (it differs; an engineer releases it on the Products page"
                            + " to use it)");
        }
    }

    @Test
    void aUnitThatFailedUnderAReworkPolicyIsRefusedUntilItsReworkStepIsRecorded() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            StationClient erik = new StationClient(s.url(""));
            String e = erik.login("erik", "erik-demo-1");
            HttpResponse<String> changed = erik.post("/products/GEN-3000/retest", e, "max_attempts", "3",
                    "rework_after_fail", "true", "reason", "failed units go to the rework bench");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("Retest policy of GEN-3000 changed: at most 3 attempts, rework after a fail"
                    + " required.");
            assertThat(erik.post("/products/GEN-3000/retest", e, "max_attempts", "0", "reason", "x").statusCode())
                    .isEqualTo(422);

            StationClient olga = new StationClient(s.url(""));
            String o = olga.login();
            HttpResponse<String> early = olga.post("/units/GEN-U9/rework", o, "note", "reflowed U3");
            assertThat(early.statusCode()).isEqualTo(422);
            assertThat(early.body()).contains("no unit GEN-U9 in the records");
            olga.scan(o, "A", "GEN-U9"); // unit 9 carries the demo's defect: it fails
            await().atMost(Duration.ofSeconds(120)).until(() -> s.main.records().stream().anyMatch(r -> r.verdict() != null));
            assertThat(s.main.records().get(0).verdict()).isEqualTo(AttemptRecord.Verdict.FAIL);
            assertThat(olga.get("/units/GEN-U9").body()).contains("\"status\":\"IN_REWORK\"");

            HttpResponse<String> refused = olga.post("/sockets/B/scan", o, "product", "GEN-3000", "serial", "GEN-U9");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("unit GEN-U9 failed its last attempt and goes to rework before it is tested"
                    + " again: record the rework step first (GEN-3000 requires rework after a fail)");
            assertThat(olga.post("/units/GEN-U9/rework", null, "note", "reflowed U3").statusCode()).as("forged")
                    .isEqualTo(403);
            assertThat(olga.post("/units/GEN-U9/rework", o, "note", "  ").body()).contains("without a note is not recorded");
            HttpResponse<String> reworked = olga.post("/units/GEN-U9/rework", o, "note", "reflowed U3, new CRC firmware");
            assertThat(reworked.statusCode()).as(reworked.body()).isEqualTo(201);
            assertThat(reworked.body()).contains("\"status\":\"FAILED\"").contains("\"operator\":\"olga\"")
                    .contains("rework of GEN-U9 recorded: it may be scanned again");
            assertThat(olga.post("/units/GEN-U9/rework", o, "note", "again").body())
                    .contains("unit GEN-U9 has its rework step since its last failure already (olga at ");
            olga.scan(o, "B", "GEN-U9");
            assertThat(olga.post("/sockets/B/abort", o).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> s.main.records().stream().filter(r -> r.verdict() != null)
                    .count() == 2);
            assertThat(olga.get("/units/GEN-U9").body()).contains("\"status\":\"FAILED\"")
                    .contains("\"note\":\"reflowed U3, new CRC firmware\"");
        }
    }

    @Test
    void anAdminAddsAUserDisablesThemAndResetsTheirPasswordAndEachChangeIsAudited() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            StationClient ada = new StationClient(s.url(""));
            String a = ada.login("ada", "ada-demo-1");
            HttpResponse<String> shortPassword = ada.post("/users", a, "name", "pia", "role", "operator", "password", "pia");
            assertThat(shortPassword.statusCode()).isEqualTo(422);
            assertThat(shortPassword.body()).contains("the password has 3 characters, too short (at least 8)");
            assertThat(ada.post("/users", a, "name", "pia", "role", "boss", "password", "pia-line-4").body())
                    .contains("role &#39;boss&#39; is not a role (allowed: operator, engineer, admin)");
            assertThat(ada.post("/users", a, "name", "pia", "role", "operator", "password", "pia-line-4").statusCode())
                    .isEqualTo(200);
            assertThat(ada.post("/users", a, "name", "pia", "role", "engineer", "password", "pia-line-5").body())
                    .contains("user pia exists already");

            StationClient pia = new StationClient(s.url(""));
            pia.login("pia", "pia-line-4");
            assertThat(pia.get("/").statusCode()).isEqualTo(200);
            assertThat(ada.post("/users/pia/disable", a).body()).contains("User pia disabled");
            assertThat(pia.get("/").statusCode()).as("her session ended").isEqualTo(303);
            String t = StationClient.csrf(pia.get("/login").body());
            assertThat(pia.post("/login", t, "name", "pia", "password", "pia-line-4").statusCode()).as("disabled")
                    .isEqualTo(401);
            assertThat(ada.post("/users/ada/disable", a).body()).contains("you cannot disable yourself");
            assertThat(ada.post("/users/pia/enable", a).statusCode()).isEqualTo(200);
            assertThat(ada.post("/users/pia/password", a, "password", "pia-line-9").body()).contains("Password of pia reset.");
            t = StationClient.csrf(pia.get("/login").body());
            assertThat(pia.post("/login", t, "name", "pia", "password", "pia-line-4").statusCode()).as("old password")
                    .isEqualTo(401);
            pia.login("pia", "pia-line-9");
            assertThat(ada.post("/users/nobody/password", a, "password", "whatever-1").body()).contains("no user nobody");
            assertThat(ada.get("/users").body()).contains("<td>pia</td><td>operator</td><td class=\"state\">enabled</td>");
            HttpResponse<String> audit = ada.get("/audit");
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body()).contains("\"action\":\"user-add\"").contains("\"details\":\"pia (operator)\"")
                    .contains("\"action\":\"user-disable\"").contains("\"action\":\"user-enable\"")
                    .contains("\"details\":\"reset the password of pia\"");
            try (UnitRecords db = UnitRecords.open(ResultStore.sqliteUrl(s.database))) {
                StationUser u = db.accounts().user("ST-DEMO-01", "pia").orElseThrow();
                assertThat(u.createdBy()).isEqualTo("ada");
                assertThat(PasswordHash.isHash(u.passwordHash())).isTrue();
                assertThat(u.passwordHash()).doesNotContain("pia-line");
                assertThat(PasswordHash.matches("pia-line-9".toCharArray(), u.passwordHash())).isTrue();
            }
        }
        // the users are the database's now: a restarted station keeps pia and her new password
        try (TestStation s = TestStation.start(dir, "")) {
            new StationClient(s.url("")).login("pia", "pia-line-9");
        }
    }
}
