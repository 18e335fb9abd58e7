package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.AttemptRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil station} in a child JVM, killed with SIGKILL while two units run: its units' emulators stop by
 * themselves, and the station started again marks the two attempts aborted while the one completed before is kept,
 * and the database checks clean.
 */
class StationKillTest {
    private static final Pattern SERVING = Pattern.compile("^station ST-DEMO-01: (http://127\\.0\\.0\\.1:\\d+)/ ");

    @TempDir
    Path dir;

    @Test
    void aStationKilledMidLotLeavesNoBoardRunningAndMarksItsRunningAttemptsAbortedWhenItStartsAgain() throws Exception {
        List<String> output = new ArrayList<>();
        CompletableFuture<String> url = new CompletableFuture<>();
        Process station = startStation(output, url);
        try {
            StationClient client = new StationClient(url.get(120, TimeUnit.SECONDS));
            String token = client.login();
            client.scan(token, "A", "GEN-U9");
            await().atMost(Duration.ofSeconds(120)).until(() -> client.get("/units/GEN-U9").body().contains("\"verdict\":\"FAIL\""));
            client.scan(token, "A", "GEN-U7");
            client.scan(token, "B", "GEN-U8");
            await().atMost(Duration.ofSeconds(120)).until(() -> incomplete(dir.resolve("evidence")) == 2);
            List<ProcessHandle> boards = station.toHandle().descendants().toList();
            assertThat(boards).as("the two units' hil emulate").hasSize(2);

            station.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            assertThat(station.waitFor(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> boards.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            station.destroyForcibly();
        }

        try (TestStation again = TestStation.start(dir, "")) {
            assertThat(again.main.describe()).endsWith("; 2 attempts that were running when it last stopped are marked aborted");
            List<AttemptRecord> records = again.main.records();
            assertThat(records).extracting(AttemptRecord::serial, AttemptRecord::verdict).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("GEN-U9", AttemptRecord.Verdict.FAIL),
                    org.assertj.core.groups.Tuple.tuple("GEN-U7", AttemptRecord.Verdict.ABORTED),
                    org.assertj.core.groups.Tuple.tuple("GEN-U8", AttemptRecord.Verdict.ABORTED));
            AttemptRecord kept = records.stream().filter(r -> r.serial().equals("GEN-U9")).findFirst().orElseThrow();
            assertThat(kept.why()).contains("COM-SER-002");
            assertThat(kept.manifestSha256()).hasSize(64);
            records.stream().filter(r -> r.verdict() == AttemptRecord.Verdict.ABORTED).forEach(r -> assertThat(r.abortReason())
                    .startsWith("the station stopped while it ran (found when it started again at "));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("results.db"));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("ok");
        }
    }

    /** hil station on the demo file in a child JVM; its output lines go to {@code output}, its address to {@code url}. */
    private Process startStation(List<String> output, CompletableFuture<String> url) throws java.io.IOException {
        Path file = TestStation.writeFile(dir, "");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dhil.home=" + Library.home(), EmulatedBoard.HIL_MAIN, "station",
                "--config", file.toString(), "--port", "0", "--rig-home", dir.resolve("rig-home").toString());
        Process station = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                url.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return station;
    }

    @Test
    void sigtermAbortsWhatRunsStopsItsBoardsAndEndsWithExitZero() throws Exception {
        List<String> output = new ArrayList<>();
        CompletableFuture<String> url = new CompletableFuture<>();
        Process station = startStation(output, url);
        try {
            StationClient client = new StationClient(url.get(120, TimeUnit.SECONDS));
            client.scan(client.login(), "A", "GEN-U7");
            await().atMost(Duration.ofSeconds(120)).until(() -> incomplete(dir.resolve("evidence")) == 1);
            List<ProcessHandle> boards = station.toHandle().descendants().toList();
            assertThat(boards).hasSize(1);
            station.toHandle().destroy(); // SIGTERM
            assertThat(station.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(station.exitValue()).isZero();
            assertThat(boards.stream().noneMatch(ProcessHandle::isAlive)).as("its unit's board stopped").isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                synchronized (output) {
                    assertThat(output).last().isEqualTo("station stopped by SIGTERM: running attempts aborted, outputs safe,"
                            + " units stopped");
                }
            });
        } finally {
            station.destroyForcibly();
        }
        try (TestStation again = TestStation.start(dir, "")) {
            assertThat(again.main.describe()).as("nothing was left running").doesNotContain("marked aborted");
            assertThat(again.main.records()).singleElement().satisfies(r -> {
                assertThat(r.verdict()).isEqualTo(AttemptRecord.Verdict.ABORTED);
                assertThat(r.abortReason()).isEqualTo("station stopped");
                assertThat(r.manifestSha256()).as("its evidence sealed").hasSize(64);
            });
        }
    }

    /** Evidence folders still marked incomplete: attempts whose suite is running. */
    private static long incomplete(Path evidence) throws java.io.IOException {
        if (!Files.isDirectory(evidence)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(evidence)) {
            return s.filter(p -> Files.exists(p.resolve(EvidenceFolder.MARKER))).count();
        }
    }
}
