package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.cli.Hil;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.evidence.FileDigest;
import org.hilrig.runner.evidence.RigHome;
import org.hilrig.runner.evidence.RigKey;
import org.hilrig.runner.evidence.RunIdentity;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.store.ResultStore;
import org.hilrig.runner.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a run as {@code hil run} does it: files, identity, report, database, seal; then {@code hil verify}. */
class RunOutputFolderTest {
    @TempDir
    Path tmp;

    private static int hil(StringWriter out, String... args) {
        return Hil.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    @Test
    void aRunsOutputFolderWithReportAndIdentityVerifiesAndNamesALaterEditOfTheReport() throws Exception {
        RigHome home = new RigHome(tmp.resolve("rig"));
        RigKey.generate().save(home.privateKeyFile(), home.publicKeyFile());
        Path scenarioFile = tmp.resolve("door-open.yaml");
        Files.writeString(scenarioFile, "id: INT-DOOR-003\n");
        RunResult run = ReportFixture.run();

        EvidenceFolder folder = EvidenceFolder.create(tmp.resolve("out"));
        folder.write("results.json", "{\"run_id\": \"20261127T200000Z-42\"}\n".getBytes(StandardCharsets.UTF_8));
        folder.write("traces/INT-DOOR-003.vcd", "$timescale 1ns $end\n".getBytes(StandardCharsets.UTF_8));
        folder.copy("scenarios/door-open.yaml", scenarioFile);
        RunIdentity identity = RunIdentity.capture(run.runId(), run.rig(), run.toolVersion(), null,
                Map.of("board", "GEN", "fw", "1.0.0"), List.of(scenarioFile), run.seed(), run.defects(),
                Instant.parse(run.startedUtc()), Instant.parse(run.endedUtc()));
        folder.write("identity.json", identity.toJson());
        HtmlReport.write(folder.dir(), run, Map.of("INT-DOOR-003", ReportFixture.doorTrace()), identity,
                ReportFixture.requirements());
        try (ResultStore store = ResultStore.open(ResultStore.sqliteUrl(home.database()))) {
            store.recordRun(run, home.rigId(), identity.host(), null);
            assertThat(store.run(run.runId())).get().extracting(StoredRun::scenarioCount).isEqualTo(2);
        }
        EvidenceFolder.Sealed sealed = folder.seal(home, run.runId());

        assertThat(sealed.manifest().files()).extracting(FileDigest::path).containsExactly("identity.json",
                "report.html", "results.json", "scenarios/door-open.yaml", "traceability.csv",
                "traces/INT-DOOR-003.vcd", "transcripts/INT-DOOR-003.txt");
        StringWriter ok = new StringWriter();
        assertThat(hil(ok, "verify", folder.dir().toString(), "--rig-home", home.dir().toString())).isZero();
        assertThat(ok.toString()).contains(": intact (7 files, signed by " + home.key().orElseThrow().fingerprint());

        Files.writeString(folder.dir().resolve("report.html"), "<p>all passed</p>");
        StringWriter bad = new StringWriter();
        assertThat(hil(bad, "verify", folder.dir().toString(), "--rig-home", home.dir().toString())).isEqualTo(1);
        assertThat(bad.toString()).contains("  changed report.html: sha256 is ");
    }
}
