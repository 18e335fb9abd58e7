package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.hilrig.runner.cli.Hil;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.store.AttemptRecord;
import org.hilrig.runner.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station whose product says {@code purpose: engineering} records its attempts so (migration 008), and
 * {@code hil yield} keeps them out of the production figures. Real station, real emulator, real SQLite.
 */
class StationPurposeTest {
    @TempDir
    Path dir;

    private static String hil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void anEngineeringProductsAttemptIsRecordedAsEngineeringAndIsNoProductionFigure() throws Exception {
        Path file = TestStation.writeFile(dir, "");
        String text = Files.readString(file);
        String retest = "    retest: {max_attempts: 3, rework_after_fail: false}\n";
        assertThat(text).contains(retest);
        Files.writeString(file, text.replace(retest, retest + "    purpose: engineering\n"));
        try (StationMain main = StationMain.start(file, new RigHome(dir.resolve("rig-home")), "127.0.0.1", 0)) {
            StationClient olga = new StationClient("http://127.0.0.1:" + main.port());
            olga.scan(olga.login(), "A", "GEN-U7");
            await().atMost(Duration.ofSeconds(180)).until(() -> main.records().stream().anyMatch(r -> r.verdict() != null));
            assertThat(main.records().get(0).verdict()).isIn(AttemptRecord.Verdict.PASS, AttemptRecord.Verdict.FAIL,
                    AttemptRecord.Verdict.INCONCLUSIVE);
        }
        String url = ResultStore.sqliteUrl(dir.resolve("results.db"));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT serial, purpose FROM attempts")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1) + " " + r.getString(2)).isEqualTo("GEN-U7 engineering");
            assertThat(r.next()).isFalse();
        }
        assertThat(hil("yield", "--db", url).lines()).singleElement().asString().startsWith("no tested production"
                + " attempts in ").endsWith("other purposes: golden 0, engineering 1, ci 0)");
        JsonNode engineering = new ObjectMapper().readTree(hil("yield", "--db", url, "--purpose", "engineering", "--json"));
        assertThat(engineering.get("total").get("units").asInt()).isEqualTo(1);
        assertThat(engineering.get("total").get("tested_attempts").asInt()).isEqualTo(1);
    }
}
