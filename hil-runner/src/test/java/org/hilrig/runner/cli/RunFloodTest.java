package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood from the scenario language on the simulated rig: the rig's host waits for the line as a real
 * serial port's writer does, so every copy is sent, back to back, and the run goes on. 6000 copies of a
 * 13-byte frame are 78 kB, more than the 64 KiB that used to end the run in an error ("host transmit buffer
 * full"); the language's most, 100000, runs the same way, only longer (113 s simulated). One more than that
 * is bad input at its place.
 */
class RunFloodTest {
    private static final String FLOOD = """
            id: COM-FLOOD-101
            title: The largest flood of one step neither errors the run nor stops the board
            requirements: [REQ-COM-003]
            tags: [protocol]
            board: GEN
            steps:
              - send: {command: HBT, copies: 6000, reply: unchecked}
              - wait: 200ms
              - send: {command: STA, reply: ACK, fields: {state: STANDBY}}
              - send: {command: LNK, reply: ACK, fields: {ovr: 0, evdrop: 0}}
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int hil(String... args) {
        return Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void moreCopiesThanTheHostUsedToBufferRunAndTheBoardAnswersAfterwards() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("flood.yaml"), FLOOD);
        Path outDir = dir.resolve("out");

        int code = hil("run", lib.toString(), "--out", outDir.toString(), "--no-db", "--rig-home", dir.resolve("home").toString());

        assertThat(code).as(out + "\n" + err).isZero();
        JsonNode scenario = new ObjectMapper().readTree(outDir.resolve("results.json").toFile()).get("scenarios").get(0);
        assertThat(scenario.get("status").asText()).isEqualTo("pass");
    }

    @Test
    void oneCopyMoreThanTheLanguageAllowsIsBadInputAtItsPlace() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path file = lib.resolve("flood.yaml");
        Files.writeString(file, FLOOD.replace("copies: 6000", "copies: 100001"));

        int code = hil("run", lib.toString(), "--out", dir.resolve("out").toString(), "--no-db", "--rig-home", dir.resolve("home").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":7:")
                .contains("step 'send' 'copies': '100001' is not a count from 1 to 100000");
    }
}
