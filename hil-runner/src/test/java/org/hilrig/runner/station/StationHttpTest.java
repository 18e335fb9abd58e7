package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.AttemptRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's HTTP surface with a real client: what a forged, wrong or badly scanned request gets. */
class StationHttpTest {
    @TempDir
    Path dir;

    private StationClient client;

    private HttpResponse<String> get(TestStation s, String path) throws IOException, InterruptedException {
        return client(s).get(path);
    }

    private HttpResponse<String> post(TestStation s, String path, String csrf, String... fields)
            throws IOException, InterruptedException {
        return client(s).post(path, csrf, fields);
    }

    private StationClient client(TestStation s) {
        if (client == null) {
            client = new StationClient(s.url(""));
        }
        return client;
    }

    private static String csrf(String html) {
        return StationClient.csrf(html);
    }

    private String login(TestStation s) throws IOException, InterruptedException {
        return client(s).login();
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndAForgedPostIsForbidden() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            assertThat(get(s, "/").statusCode()).as("not logged in").isEqualTo(303);
            String token = csrf(get(s, "/login").body());
            HttpResponse<String> wrongPassword = post(s, "/login", token, "name", "olga", "password", "olga-demo-2");
            HttpResponse<String> unknownName = post(s, "/login", token, "name", "nobody", "password", "olga-demo-1");
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(unknownName.statusCode()).isEqualTo(401);
            assertThat(wrongPassword.body()).contains("Name or password is wrong.")
                    .isEqualTo(unknownName.body().replace(csrf(unknownName.body()), csrf(wrongPassword.body())));
            HttpResponse<String> forged = post(s, "/login", null, "name", "olga", "password", "olga-demo-1");
            assertThat(forged.statusCode()).as("login without the token").isEqualTo(403);
            assertThat(forged.body()).contains("CSRF");
            String session = login(s);
            HttpResponse<String> forgedScan = post(s, "/sockets/A/scan", null, "product", "GEN-3000", "serial", "GEN-U7");
            assertThat(forgedScan.statusCode()).isEqualTo(403);
            HttpResponse<String> wrongToken = post(s, "/sockets/A/scan", session + "x", "product", "GEN-3000", "serial", "GEN-U7");
            assertThat(wrongToken.statusCode()).isEqualTo(403);
            assertThat(Files.exists(s.evidence)).as("nothing ran").isFalse();
        }
    }

    @Test
    void anUnknownProductABadSerialAndADuplicateScanAreRefusedWithWhy() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            String token = login(s);
            HttpResponse<String> unknown = post(s, "/sockets/A/scan", token, "product", "GEN-9999", "serial", "GEN-U7");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("unknown product GEN-9999 (this station makes GEN-3000)");
            HttpResponse<String> bad = post(s, "/sockets/A/scan", token, "product", "GEN-3000", "serial", "GEN-17");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("serial 'GEN-17' is not a GEN-3000 serial");
            assertThat(post(s, "/sockets/A/scan", token, "product", "GEN-3000", "serial", "GEN-U7").statusCode()).isEqualTo(202);
            HttpResponse<String> again = post(s, "/sockets/B/scan", token, "product", "GEN-3000", "serial", "GEN-U7");
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(again.body()).contains("unit GEN-U7 is being tested already");
            HttpResponse<String> busy = post(s, "/sockets/A/scan", token, "product", "GEN-3000", "serial", "GEN-U8");
            assertThat(busy.statusCode()).isEqualTo(422);
            assertThat(busy.body()).contains("socket A is testing GEN-U7");
            assertThat(post(s, "/sockets/A/abort", token).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> recordsOf(s) == 1);
            assertThat(s.main.records().get(0).verdict()).isEqualTo(AttemptRecord.Verdict.ABORTED);
            assertThat(s.main.records().get(0).why()).startsWith("aborted by olga at ");
            assertThat(post(s, "/sockets/B/abort", token).statusCode()).as("nothing runs on B").isEqualTo(409);
        }
    }

    @Test
    void aRetestKeepsTheAttemptsBeforeItAndTheRetestPolicyScrapsAUnitThatFailedThreeTimes() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            String token = login(s);
            for (int i = 1; i <= 3; i++) {
                client(s).scan(token, i % 2 == 0 ? "B" : "A", "GEN-U9"); // unit 9 carries the demo's defect: it fails each time
                int ended = i;
                await().atMost(Duration.ofSeconds(120)).until(() -> recordsOf(s) == ended);
            }
            HttpResponse<String> fourth = post(s, "/sockets/A/scan", token, "product", "GEN-3000", "serial", "GEN-U9");
            assertThat(fourth.statusCode()).isEqualTo(422);
            assertThat(fourth.body()).contains("unit GEN-U9 has had its 3 attempts (retest policy of GEN-3000): scrapped,"
                    + " take it out of the line");
            assertThat(s.main.records()).hasSize(3).allSatisfy(r -> {
                assertThat(r.serial()).isEqualTo("GEN-U9");
                assertThat(r.verdict()).isEqualTo(AttemptRecord.Verdict.FAIL);
                assertThat(r.why()).contains("COM-SER-002");
            }).extracting(AttemptRecord::runId).doesNotHaveDuplicates().doesNotContainNull();
            assertThat(get(s, "/units/GEN-U9").body()).contains("\"status\":\"SCRAPPED\"");
        }
    }

    @Test
    void aPortInUseIsTheRigFailingOnOneLine() throws Exception {
        try (TestStation s = TestStation.start(dir, "")) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            Path other = Files.createDirectories(dir.resolve("other"));
            int code = org.hilrig.runner.cli.Hil.run(new String[] {"station", "--config", TestStation.writeFile(other, "")
                    .toString(), "--port", Integer.toString(s.main.port()), "--rig-home", other.resolve("rig-home").toString()},
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(code).isEqualTo(3);
            assertThat(err.toString().lines().toList()).singleElement().asString()
                    .startsWith("hil station: cannot serve on 127.0.0.1:" + s.main.port() + ": Port already in use.");
        }
    }

    @Test
    void aSessionEndsAfterItsTimeoutWithoutARequest() throws Exception {
        Path file = TestStation.writeFile(dir, "");
        Files.writeString(file, Files.readString(file).replace("session_timeout: 1800s", "session_timeout: 2s"));
        try (StationMain s = StationMain.start(file, new org.hilrig.runner.evidence.RigHome(dir.resolve("rig-home")),
                "127.0.0.1", 0)) {
            StationClient c = new StationClient("http://127.0.0.1:" + s.port());
            c.login();
            assertThat(c.get("/").statusCode()).as("logged in").isEqualTo(200);
            // one request after 3 s of none: the session ended at 2 s
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> c.get("/").statusCode() == 303);
            assertThat(c.get("/").headers().firstValue("Location")).hasValue("/login");
        }
    }

    @Test
    void aBoardWhoseSerialIsNotTheScannedOneIsNotTested() throws Exception {
        // a socket whose board is already there (not started by the station): unit 5 sits in it
        try (EmulatedBoard unit5 = EmulatedBoard.start(Board.GEN, 5, null,
                Library.home().resolve("fixtures/boards/gen-reference.yaml"), Library.home(), 120)) {
            Path fixture = dir.resolve("socket-c.yaml");
            Files.writeString(fixture, "rig: socket-c\nboard: GEN\ntcp: {host: 127.0.0.1, port: " + unit5.port()
                    + "}\nframe_uncertainty: 3ms\n");
            try (TestStation s = TestStation.start(dir, "  - {name: C, fixture: " + fixture + "}\n")) {
                String token = login(s);
                assertThat(post(s, "/sockets/C/scan", token, "product", "GEN-3000", "serial", "GEN-U6").statusCode())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).until(() -> recordsOf(s) == 1);
                AttemptRecord r = s.main.records().get(0);
                assertThat(r.verdict()).isEqualTo(AttemptRecord.Verdict.ERROR);
                assertThat(r.why()).isEqualTo("the board in socket C reports serial GEN-U5, the scan was GEN-U6: wrong unit"
                        + " in the socket? nothing was tested");
                assertThat(r.board()).containsEntry("sn", "GEN-U5");
                assertThat(r.evidence()).isNull();
            }
        }
    }

    /** Attempts that ended. */
    private static int recordsOf(TestStation s) {
        return (int) s.main.records().stream().filter(r -> r.verdict() != null).count();
    }
}
