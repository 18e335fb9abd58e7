package org.hilrig.runner.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.io.SocatPtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --rig} checks what the rig can do before it opens anything (issue 11): against {@code hil
 * emulate} on a socat pseudo-terminal pair, with the serial-only fixture of {@code
 * fixtures/rigs/emulate-gen-serial.yaml} (its path moved to the pair), a scenario that presses the handswitch
 * is bad input at its step and a scenario for the tube controller at its {@code board:} node, exit 2 with no
 * output folder (it is created before the link is opened); the scenarios tagged {@code serial} still run.
 * Each {@code hil} is its own process, as a user runs it.
 */
class RunCapabilityTest {
    private static final String PROBLEM = "hil run: test-scenarios/scenarios/interlock/int-door-003.yaml:";

    @TempDir
    Path dir;

    @Test
    void aScenarioTheRigCannotRunIsBadInputAtItsStepOrBoardBeforeTheLinkOpensAndSerialScenariosStillRun() throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start();
             HilProcess emulate = HilProcess.hil("emulate", "--board", "GEN", "--serial", pair.second())) {
            assertThat(emulate.lineStartingWith("emulating ", 30)).startsWith("emulating GEN fw 1.0.0 on " + pair.second());
            Path fixture = dir.resolve("emulate-gen-serial.yaml");
            Files.writeString(fixture, Files.readString(Path.of("../fixtures/rigs/emulate-gen-serial.yaml"))
                    .replace("/tmp/hil-gen-rig", pair.first()));

            List<String> set = badInput(fixture, "test-scenarios/scenarios/interlock/int-door-003.yaml");
            // 9 steps need lines or a fault the rig lacks, and its two invariants name 3 lines the rig does not record
            assertThat(set).hasSize(12).allMatch(l -> l.startsWith(PROBLEM));
            assertThat(set.get(0)).isEqualTo(PROBLEM + "9:5: step 'set': rig emulate-gen-serial drives no line PREP_REQ"
                    + " (it drives: none)");
            assertThat(set).contains(PROBLEM + "11:5: step 'fault': rig emulate-gen-serial cannot make fault door_open"
                    + " happen (its faults: link_cut, link_restore)", PROBLEM + "16:5: step 'expect': rig emulate-gen-serial observes no"
                    + " line READY (it observes: none)", PROBLEM + "19:12: always: rig emulate-gen-serial records no line"
                    + " HV_ENABLE (it observes: none); an invariant is checked only on lines the rig records");

            assertThat(badInput(fixture, "test-scenarios/scenarios/rotor/rot-tub-001.yaml")).containsExactly(
                    "hil run: test-scenarios/scenarios/rotor/rot-tub-001.yaml:5:8: board TUB: rig emulate-gen-serial tests"
                            + " board GEN (select scenarios with --tags or paths)");

            Path out = dir.resolve("serial");
            try (HilProcess run = HilProcess.hil("run", "--rig", fixture.toString(), "--tags", "serial", "--out",
                    out.toString(), "--no-db", "--rig-home", dir.resolve("home").toString())) {
                assertThat(run.waitForExit(120)).as(run.output()).isIn(0, 1);
            }
            // what they found is EmulateEndToEndTest's; here: every serial scenario ran, none in error
            JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertThat(results.get("scenarios")).extracting(s -> s.get("id").asText()).containsExactly("COM-SER-001",
                    "COM-SER-002", "COM-SER-003", "COM-SER-004", "COM-SER-005", "COM-SER-006", "COM-SER-007", "COM-SER-008");
            assertThat(results.get("scenarios")).extracting(s -> s.get("status").asText()).doesNotContain("error");
            emulate.terminate();
            assertThat(emulate.waitForExit(20)).isZero();
        }
    }

    /** Runs one scenario on the fixture: exit 2, no output folder; the lines it printed. */
    private List<String> badInput(Path fixture, String scenario) throws Exception {
        Path out = dir.resolve("out-" + Path.of(scenario).getFileName());
        try (HilProcess run = HilProcess.hil("run", scenario, "--rig", fixture.toString(), "--out", out.toString(),
                "--no-db", "--rig-home", dir.resolve("home").toString())) {
            assertThat(run.waitForExit(60)).as(run.output()).isEqualTo(2);
            assertThat(out).as("nothing is created, the link is never opened").doesNotExist();
            List<String> lines = new ArrayList<>(run.output().lines().filter(l -> !l.startsWith("Picked up ")).toList());
            return lines;
        }
    }
}
