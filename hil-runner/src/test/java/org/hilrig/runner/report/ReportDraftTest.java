package org.hilrig.runner.report;


import java.nio.file.Path;
import java.util.Map;
import org.hilrig.runner.evidence.EvidenceFolder;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ReportDraftTest {
    @TempDir
    Path tmp;

    @Test
    void aReportDrawnAsTheRunGoesIsTheReportDrawnAtTheEnd() {
        RunResult run = ReportFixture.run();
        Trace door = ReportFixture.doorTrace();
        Path atTheEnd = tmp.resolve("end");
        HtmlReport.write(atTheEnd, run, Map.of("INT-DOOR-003", door), ReportFixture.identity(),
                ReportFixture.requirements());

        EvidenceFolder folder = EvidenceFolder.create(tmp.resolve("draft"));
        try (ReportDraft draft = new ReportDraft()) {
            for (ScenarioResult s : run.scenarios()) {
                draft.add(s, s.id().equals("INT-DOOR-003") ? door : null);
            }
            draft.write(folder, run, ReportFixture.identity(), ReportFixture.requirements());
        }

        for (String file : new String[] {"report.html", "traceability.csv", "transcripts/INT-DOOR-003.txt"}) {
            assertThat(folder.dir().resolve(file)).as(file).hasSameBinaryContentAs(atTheEnd.resolve(file));
        }
    }
}
