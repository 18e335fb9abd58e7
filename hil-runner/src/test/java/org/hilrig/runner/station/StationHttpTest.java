package org.hilrig.runner.station;

import org.hilrig.runner.store.AttemptRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.run.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's HTTP surface with a real client: what a forged, wrong or badly scanned request gets. */
class StationHttpTest {
    private static final Pattern CSRF = Pattern.compile("(?:name=\"csrf\" value|data-csrf)=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(TestStation s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(s.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(TestStation s, String path, String csrf, String... fields)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        if (csrf != null) {
            form.append(form.length() == 0 ? "" : "&").append("csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(s.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in %s", html).isTrue();
        return m.group(1);
    }

    /** Logs olga in; returns the logged-in session's CSRF token. */
    private String login(TestStation s) throws IOException, InterruptedException {
        String token = csrf(get(s, "/login").body());
        HttpResponse<String> r = post(s, "/login", token, "name", "olga", "password", "olga-demo-1");
        assertThat(r.statusCode()).isEqualTo(303);
        return csrf(get(s, "/").body());
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
