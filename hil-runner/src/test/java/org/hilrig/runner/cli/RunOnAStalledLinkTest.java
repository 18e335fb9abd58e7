package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hilrig.runner.io.SocatPtyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run --rig} against a board that stops reading: the rig's writes fill the buffers of the cable
 * (a socat pseudo-terminal pair whose far end nobody opens; a TCP peer that accepts and never reads), the
 * write that stalls for the fixture's {@code write_timeout} loses the link, the scenario ends in error and
 * {@code hil run} exits 3 with every output written, in bounded time.
 */
class RunOnAStalledLinkTest {
    /**
     * More bytes than the buffers of either cable hold: 100000 frames of about 115 bytes, 11.5 MB (a loopback
     * socket's send buffer grows to 4 MB here).
     */
    private static final String FLOOD = """
            id: COM-STALL-101
            title: The rig floods a board that does not read
            requirements: [REQ-COM-006]
            tags: [serial]
            board: GEN
            steps:
              - send: {command: STA, args: [%s], copies: 100000, reply: unchecked}
            """.formatted("X".repeat(100));

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int hil(String... args) {
        return Hil.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private void assertTheRunEndedOnALostLink(Path fixture, String link) throws Exception {
        Path scenario = Files.writeString(dir.resolve("flood.yaml"), FLOOD);
        Path outDir = dir.resolve("out");

        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> hil("run", scenario.toString(), "--rig",
                fixture.toString(), "--out", outDir.toString(), "--no-db", "--rig-home", dir.resolve("home").toString()));

        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("hil run: the rig broke (1 of 1 scenarios erred), first in " + scenario + ": line 7 (send): "
                + link).contains("link lost").contains("write timeout").contains("stopped reading");
        JsonNode s = new ObjectMapper().readTree(outDir.resolve("results.json").toFile()).get("scenarios").get(0);
        assertThat(s.get("status").asText()).isEqualTo("error");
        assertThat(s.get("message").asText()).contains("link lost");
        assertThat(outDir.resolve("junit.xml")).exists();
        assertThat(outDir.resolve("report.html")).exists();
        assertThat(outDir.resolve("manifest.json")).exists();
    }

    @Test
    void aBoardThatStopsReadingOnAPtyPairIsALostLinkAndExitsThree() throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start()) {
            Path fixture = Files.writeString(dir.resolve("deaf-serial.yaml"), "rig: deaf-serial\nboard: GEN\n"
                    + "serial: {path: " + pair.first() + ", baud: 115200, write_timeout: 500ms}\n");

            assertTheRunEndedOnALostLink(fixture, "serial " + pair.first());
        }
    }

    @Test
    void aBoardThatStopsReadingOverTcpIsALostLinkAndExitsThree() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> {
                // accept every connection (the identity probe's, then the scenario's) and never read
                java.util.List<Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (java.io.IOException closed) {
                    for (Socket s : held) {
                        try {
                            s.close();
                        } catch (java.io.IOException e) {
                            // closing a socket nobody reads
                        }
                    }
                }
            });
            Path fixture = Files.writeString(dir.resolve("deaf-tcp.yaml"), "rig: deaf-tcp\nboard: GEN\n"
                    + "tcp: {host: 127.0.0.1, port: " + server.getLocalPort() + ", write_timeout: 500ms}\n");

            assertTheRunEndedOnALostLink(fixture, "tcp 127.0.0.1:" + server.getLocalPort());
            server.close();
            holding.get(5, TimeUnit.SECONDS);
        }
    }
}
