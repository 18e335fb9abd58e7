package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil run --units}: a production lot, its units' own runs, its statistics, and a stated share of bad units. */
class LotCommandTest {
    /** The library's report scenario: it compares LXP's kV with the rig's measurement (KV_FB_SCALE fails it). */
    private static final String EVT = Path.of("..", "test-scenarios", "scenarios", "exposure", "exp-evt-001.yaml").toString();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path rigHome;

    private int hil(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rig-home", rigHome.toString(), "--no-db"));
        return Hil.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aLotRunsEveryUnitIntoItsOwnFolderAndWritesTheStatisticsAcrossTheUnits(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");

        assertThat(hil("run", EVT, "--units", "3-5", "--out", lot.toString())).as(err.toString()).isZero();

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
        assertThat(out.toString()).contains("a lot of 3 units (unit seeds 3-5)", "unit 4", "lot: 3 of 3 units passed");
        assertThat(Files.readString(lot.resolve("lot.html"))).contains("3 of 3 units passed every scenario", "data:image/png;base64,");
    }

    @Test
    void theUnitsCarryingADefectAreTheOnesThatFail(@TempDir Path dir) throws Exception {
        Path lot = dir.resolve("lot");

        int code = hil("run", EVT, "--units", "1-8", "--defect", "KV_FB_SCALE", "--defective-share", "40",
                "--out", lot.toString());

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode units = new ObjectMapper().readTree(lot.resolve("lot.json").toFile()).get("units");
        int defective = 0;
        for (JsonNode u : units) {
            boolean carries = u.get("defective").asBoolean();
            defective += carries ? 1 : 0;
            assertThat(u.get("status").asText()).as("unit " + u.get("unit_seed")).isEqualTo(carries ? "fail" : "pass");
            assertThat(LotRun.carries(u.get("unit_seed").asLong(), 40.0)).isEqualTo(carries);
        }
        assertThat(defective).as("some units carry it, some do not").isBetween(1, 7);
        assertThat(out.toString()).contains(defective + " carried KV_FB_SCALE, " + defective + " of them failed; 0 units"
                + " without it failed");
    }

    @Test
    void aRangeThatDoesNotReadOrOptionsThatDoNotGoWithALotAreBadInput(@TempDir Path dir) {
        assertThat(hil("run", EVT, "--units", "5-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--units 5-1: the range ends before it starts");
        assertThat(hil("run", EVT, "--units", "one")).isEqualTo(2);
        assertThat(err.toString()).contains("--units 'one': not a range of unit seeds (write 1-50, or 7)");
        assertThat(hil("run", EVT, "--units", "1-3", "--unit-seed", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--units and --unit-seed/--serial-number");
        assertThat(hil("run", EVT, "--defective-share", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--defective-share: a share of a lot's units; give --units too");
        assertThat(hil("run", EVT, "--units", "1-3", "--defective-share", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("give --defect NAME too");
        assertThat(hil("run", EVT, "--units", "1-3", "--defect", "KV_FB_SCALE", "--defective-share", "120")).isEqualTo(2);
        assertThat(err.toString()).contains("--defective-share 120.0: a share is 0 to 100");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
