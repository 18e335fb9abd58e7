package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.evidence.EvidenceVerifier;
import org.hilrig.runner.evidence.Finding;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.runner.evidence.Verification;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.RunState;
import org.hilrig.runner.store.StoredResult;
import org.hilrig.runner.store.StoredRun;
import org.hilrig.runner.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hil run} itself, in a child JVM, killed with SIGKILL part-way: the folder it leaves verifies as
 * incomplete, never intact, and the results database keeps every scenario that completed before the kill.
 * (The sealing phases one by one are {@code EvidenceKillTest}'s.)
 *
 * <p>The library here is two short scenarios and a third that keeps the link alive for an hour of rig time
 * (tens of seconds of wall time), so the child is certainly inside the run when it is killed.
 */
class RunKillTest {
    private static final String VER = """
            id: COM-KILL-%d
            title: The board answers VER (%d)
            requirements: [REQ-COM-006]
            tags: [protocol]
            board: GEN
            steps:
              - send: {command: VER, reply: ACK, measure: ver_reply}
            """;
    private static final String LONG = """
            id: COM-KILL-3
            title: The host keeps the link alive for an hour
            requirements: [REQ-COM-006]
            tags: [protocol]
            board: GEN
            limit: 3660s
            steps:
              - heartbeat: {every: 10ms, for: 3600s}
            """;

    @TempDir
    Path tmp;

    private Path library() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("a.yaml"), VER.formatted(1, 1));
        Files.writeString(lib.resolve("b.yaml"), VER.formatted(2, 2));
        Files.writeString(lib.resolve("c.yaml"), LONG);
        return lib;
    }

    private ChildJvm startRun(Path out, RigHome home) throws Exception {
        return ChildJvm.start(Hil.class, tmp.resolve("child.log"), List.of("-Dhil.home=" + Library.home()), "run",
                library().toString(), "--out", out.toString(), "--rig-home", home.dir().toString());
    }

    private static RigHome signedRig(Path dir) {
        RigHome home = new RigHome(dir);
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        return home;
    }

    @Test
    void killedAsSoonAsItsFolderAppearsTheRunLeavesAnIncompleteFolder() throws Exception {
        RigHome home = signedRig(tmp.resolve("rig"));
        Path out = tmp.resolve("out");

        try (ChildJvm child = startRun(out, home)) {
            child.awaitFile(out.resolve("INCOMPLETE")).kill();
        }

        Verification v = new EvidenceVerifier(home, null).verify(out);
        assertThat(v.intact()).as("findings %s", v.findings()).isFalse();
        assertThat(v.has(Finding.Kind.INCOMPLETE)).as("findings %s", v.findings()).isTrue();
    }

    @Test
    void killedAfterTwoScenariosTheFolderIsIncompleteAndTheDatabaseKeepsBoth() throws Exception {
        RigHome home = signedRig(tmp.resolve("rig"));
        Path out = tmp.resolve("out");
        String url = ResultStore.sqliteUrl(home.database());

        try (ChildJvm child = startRun(out, home)) {
            child.awaitFile(out.resolve("traces/COM-KILL-2.vcd"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> scenarioRows(url) == 2);
            child.kill();
        }

        Verification v = new EvidenceVerifier(home, null).verify(out);
        assertThat(v.intact()).as("findings %s", v.findings()).isFalse();
        assertThat(v.has(Finding.Kind.INCOMPLETE)).as("findings %s", v.findings()).isTrue();
        assertThat(out.resolve("manifest.json")).doesNotExist();
        assertThat(out.resolve("traces/COM-KILL-3.vcd")).doesNotExist();
        try (ResultStore db = ResultStore.open(url)) {
            assertThat(db.latestResults(null, null, 1)).as("a killed run's results never count").isEmpty();
            List<StoredRun> incomplete = db.incompleteRuns(null, null, null);
            assertThat(incomplete).singleElement().satisfies(r -> {
                assertThat(r.endedUtc()).as("a killed run has no end").isNull();
                assertThat(r.state()).isEqualTo(RunState.RUNNING);
                assertThat(r.scenarioCount()).isEqualTo(2);
            });
            List<StoredResult> kept = new ArrayList<>(db.results(incomplete.get(0).runId()));
            assertThat(kept).extracting(StoredResult::scenarioId).containsExactly("COM-KILL-1", "COM-KILL-2");
            assertThat(kept).allSatisfy(r -> assertThat(r.measurements()).extracting(m -> m.name())
                    .containsExactly("ver_reply"));
        }
        CommandResult history = CommandResult.hil("history", "--db", url);
        assertThat(history.out()).startsWith("no results\n\nincomplete runs, not counted above:\n")
                .contains(" 2       its end: still running, or killed before its scenarios were done");
    }

    private static int scenarioRows(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM scenario_results")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
