package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.hilrig.runner.testsupport.InProcessHil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hil run} end to end on the simulated rig, with the repository's requirements and board profiles. */
class RunCommandTest {
    private static final String DOOR = """
            id: INT-DOOR-101
            title: Door opened during an exposure ends it within 1 ms
            requirements: [REQ-ILK-001]
            tags: [interlock]
            board: GEN
            technique: {kv: 80, ma: 250, ms: 300}
            steps:
              - set: {PREP_REQ: active}
              - await: {signal: READY, is: active, within: profile.prep.rotor_timeout}
              - set: {EXP_REQ_A: active, EXP_REQ_B: active}
              - await: {signal: XRAY_ON, is: active, within: 5ms}
              - wait: 50ms
              - fault: door_open
              - expect: {signal: HV_ENABLE, becomes: inactive, within: 1ms, measure: door_to_hv_off}
            """;
    private static final String BOOT = """
            id: COM-BOOT-101
            title: The board answers VER
            requirements: [REQ-COM-006]
            tags: [protocol]
            board: GEN
            steps:
              - send: {command: VER, reply: ACK, measure: ver_reply}
            """;

    private InProcessHil cli;

    @TempDir
    Path rigHome;

    /** Runs hil in this JVM; {@code run} keeps its rig state (chain, database) in a temporary rig home. */
    private int hil(String... args) {
        return cli().run(args);
    }

    private InProcessHil cli() {
        if (cli == null) {
            cli = new InProcessHil(rigHome);
        }
        return cli;
    }

    private Path library(Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("door.yaml"), DOOR);
        Files.writeString(lib.resolve("boot.yaml"), BOOT);
        return lib;
    }

    @Test
    void passingScenariosExitZeroAndWriteTheContractOutputs(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("out");

        int code = hil("run", library(dir).toString(), "--out", outDir.toString());

        assertThat(code).as(cli().err()).isZero();
        JsonNode results = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
        assertThat(fieldNames(results)).startsWith("run_id", "rig", "seed", "defects", "started_utc");
        assertThat(results.get("rig").asText()).isEqualTo("sim");
        assertThat(results.get("seed").asLong()).isEqualTo(42);
        assertThat(results.get("started_utc").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode door = results.get("scenarios").get(1);
        assertThat(fieldNames(door)).startsWith("id", "status", "requirements", "measurements", "trace", "trace_sha256");
        assertThat(door.get("id").asText()).isEqualTo("INT-DOOR-101");
        assertThat(door.get("status").asText()).isEqualTo("pass");
        JsonNode m = door.get("measurements").get(0);
        assertThat(fieldNames(m)).startsWith("name", "value_ns", "min_ns", "max_ns", "status");
        assertThat(m.get("min_ns").isNull()).isTrue();
        assertThat(m.get("max_ns").asLong()).isEqualTo(1_000_000L);
        assertThat(door.get("trace").asText()).isEqualTo("traces/INT-DOOR-101.vcd");
        byte[] vcd = Files.readAllBytes(outDir.resolve("traces/INT-DOOR-101.vcd"));
        assertThat(door.get("trace_sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(vcd)));
        String junit = Files.readString(outDir.resolve("junit.xml"));
        assertThat(junit).contains("tests=\"2\" failures=\"0\" errors=\"0\"")
                .contains("<testcase classname=\"hil.sim\" name=\"INT-DOOR-101\"");
        assertThat(cli().out()).contains("PASS         INT-DOOR-101").contains("door_to_hv_off")
                .contains("2 passed, 0 failed, 0 inconclusive, 0 errors");
    }

    @Test
    void theSameSeedAndDefectsGiveByteIdenticalTraces(@TempDir Path dir) throws Exception {
        Path lib = library(dir);
        hil("run", lib.toString(), "--seed", "9", "--out", dir.resolve("a").toString());
        hil("run", lib.toString(), "--seed", "9", "--out", dir.resolve("b").toString());
        hil("run", lib.resolve("door.yaml").toString(), "--seed", "9", "--out", dir.resolve("alone").toString());

        for (String id : List.of("INT-DOOR-101", "COM-BOOT-101")) {
            assertThat(dir.resolve("b/traces/" + id + ".vcd")).hasSameBinaryContentAs(dir.resolve("a/traces/" + id + ".vcd"));
        }
        assertThat(dir.resolve("alone/traces/INT-DOOR-101.vcd")).hasSameBinaryContentAs(dir.resolve("a/traces/INT-DOOR-101.vcd"));
    }

    @Test
    void aDefectTheScenarioCatchesExitsOneWithTheReasonInJunitXml(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("out");

        int code = hil("run", library(dir).toString(), "--defect", "slow_interlock", "--out", outDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli().out()).contains("FAIL         INT-DOOR-101").contains("1 passed, 1 failed");
        assertThat(Files.readString(outDir.resolve("junit.xml"))).contains("<failure type=\"fail\" message=\"line 14 (expect): HV_ENABLE");
        assertThat(new ObjectMapper().readTree(outDir.resolve("results.json").toFile()).get("defects").get(0).asText())
                .isEqualTo("SLOW_INTERLOCK");
    }

    @Test
    void badScenariosExitTwoListingEveryProblemWithItsPlace(@TempDir Path dir) throws Exception {
        Path lib = library(dir);
        Files.writeString(lib.resolve("door.yaml"), DOOR.replace("within: 1ms", "within: 1xs").replace("door_open", "door_opne"));
        Files.writeString(lib.resolve("boot.yaml"), BOOT.replace("REQ-COM-006", "REQ-NOPE-001"));

        int code = hil("run", lib.toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli().err().lines()).hasSize(3).allMatch(l -> l.startsWith("hil run: "))
                .anyMatch(l -> l.matches("hil run: .*boot.yaml:3:16: unknown requirement 'REQ-NOPE-001'.*"))
                .anyMatch(l -> l.matches("hil run: .*door.yaml:13:12: step 'fault': unknown fault 'door_opne'.*"))
                .anyMatch(l -> l.matches("hil run: .*door.yaml:14:60: step 'expect': '1xs' is not a duration.*"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWaitBeyondTheProfilesScenarioLimitIsBadInputAtItsPlaceAndALimitOfItsOwnLetsItRun(@TempDir Path dir)
            throws Exception {
        String forever = """
                id: SYS-WAIT-101
                title: Waits for ever
                requirements: [REQ-COM-006]
                board: GEN
                steps:
                  - wait: 9223372036s
                """;
        Path file = Files.writeString(dir.resolve("forever.yaml"), forever);

        int code = hil("run", file.toString(), "--out", dir.resolve("out").toString(), "--no-db");

        assertThat(code).isEqualTo(2);
        assertThat(cli().err().strip()).endsWith("forever.yaml:6:5: step 'wait': the steps up to here take at least"
                + " 9223372036 s, beyond the limit of 600 s (profile limits.scenario_limit; a scenario sets a longer one with"
                + " 'limit:')");
        assertThat(dir.resolve("out")).doesNotExist();

        Files.writeString(file, forever.replace("wait: 9223372036s", "wait: 700s").replace("board: GEN", "board: GEN\nlimit: 800s"));
        assertThat(hil("run", file.toString(), "--out", dir.resolve("out").toString(), "--no-db")).as(cli().err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("scenarios").get(0)
                .get("simulated_ns").asLong()).isGreaterThan(700_000_000_000L);
    }

    @Test
    void aUnitSeedIsTheSameUnitEveryTimeAndReportsItsSerialNumber(@TempDir Path dir) throws Exception {
        Path lib = library(dir);
        assertThat(hil("run", lib.toString(), "--unit-seed", "5", "--out", dir.resolve("a").toString())).isZero();
        assertThat(hil("run", lib.toString(), "--unit-seed", "5", "--out", dir.resolve("b").toString())).isZero();
        assertThat(hil("run", lib.toString(), "--serial-number", "GEN-U6", "--out", dir.resolve("c").toString())).isZero();
        assertThat(hil("run", lib.toString(), "--out", dir.resolve("nominal").toString())).isZero();

        assertThat(dir.resolve("b/traces/INT-DOOR-101.vcd")).hasSameBinaryContentAs(dir.resolve("a/traces/INT-DOOR-101.vcd"));
        assertThat(Files.readString(dir.resolve("a/identity.json"))).contains("GEN-U5");
        assertThat(cli().out()).contains("hil run: 2 scenarios on sim, seed 42, defects: none, unit seed 5\n")
                .contains("hil run: 2 scenarios on sim, seed 42, defects: none\n");
        assertThat(Files.readString(dir.resolve("c/identity.json"))).contains("GEN-U6");
        assertThat(Files.readString(dir.resolve("nominal/identity.json"))).contains("GEN-0001");
        assertThat(Files.readAllBytes(dir.resolve("c/traces/INT-DOOR-101.vcd")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/traces/INT-DOOR-101.vcd")));
    }

    @Test
    void aUnitSeedAndASerialNumberTogetherOrANegativeSeedAreBadInput(@TempDir Path dir) throws Exception {
        Path lib = library(dir);
        assertThat(hil("run", lib.toString(), "--unit-seed", "5", "--serial-number", "GEN-U5")).isEqualTo(2);
        assertThat(cli().err()).contains("--unit-seed and --serial-number: give one or the other");
        assertThat(hil("run", lib.toString(), "--unit-seed", "-1")).isEqualTo(2);
        assertThat(cli().err()).contains("--unit-seed -1: a unit seed is 0 or more");
    }

    @Test
    void aFixtureFileThatDoesNotExistIsBadInput(@TempDir Path dir) throws Exception {
        assertThat(hil("run", library(dir).toString(), "--rig", "fixtures/pi.yaml")).isEqualTo(2);
        assertThat(cli().err().strip()).isEqualTo("hil run: fixtures/pi.yaml: --rig: no such fixture file (allowed: sim, or a"
                + " fixture such as fixtures/rigs/pi-gen.yaml)");
    }

    @Test
    void anUnknownDefectIsBadInputNamingTheAllowedOnes(@TempDir Path dir) throws Exception {
        assertThat(hil("run", library(dir).toString(), "--defect", "SLOW_DOOR")).isEqualTo(2);
        assertThat(cli().err()).startsWith("hil run: --defect SLOW_DOOR: unknown defect, allowed: SLOW_INTERLOCK, ");
    }

    @Test
    void tagsSelectScenarios(@TempDir Path dir) throws Exception {
        int code = hil("run", library(dir).toString(), "--tags", "protocol,nothing", "--out", dir.resolve("out").toString());

        assertThat(code).isZero();
        assertThat(cli().out()).contains("hil run: 1 scenario on sim").contains("COM-BOOT-101").doesNotContain("INT-DOOR-101");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
