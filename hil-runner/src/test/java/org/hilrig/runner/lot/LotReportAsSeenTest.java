package org.hilrig.runner.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hilrig.runner.report.ChromiumPage;
import org.hilrig.runner.report.ReportAsSeenTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The lot's page as a person sees it in a real Chromium: the yield, the table, the histograms drawn. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LotReportAsSeenTest {
    ChromiumPage page;
    List<ChromiumPage.VisibleText> text;

    @BeforeAll
    void open(@TempDir Path tmp) throws IOException {
        List<LotReport.UnitOutcome> units = List.of(new LotReport.UnitOutcome(1, "GEN-U1", false, 80, 0, null),
                new LotReport.UnitOutcome(2, "GEN-U2", true, 79, 1, "EXP-EVT-001 fail: LXP.kv was 115.5 kV"));
        Path html = tmp.resolve("lot.html");
        Files.writeString(html, LotReport.html("Lot of 2 units", units, LotStatisticsTest.fiveUnits()));
        page = new ChromiumPage(tmp, html);
        text = page.visibleText();
    }

    @AfterAll
    void close() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void theYieldAndEveryUnitsVerdictAreSeenReadably() {
        assertThat(text).extracting(ChromiumPage.VisibleText::text)
                .contains("1 of 2 units passed every scenario", "PASS", "FAIL", "EXP-EVT-001 fail: LXP.kv was 115.5 kV",
                        "0.72", "80.00 kV");
        assertThat(ReportAsSeenTest.lowContrast(text)).isEmpty();
        assertThat(text.stream().filter(t -> !t.problems().isEmpty()).toList()).as("text clipped or off the page").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHistogramsAreDrawnAsImagesOfTheirSize() throws IOException {
        Object drawn = page.script("return Array.from(document.images).map(i => i.complete && i.naturalWidth === 520"
                + " && i.naturalHeight === 260)");
        // kv (value, limits both sides) and loading_time (a time in a window) spread: two histograms
        assertThat((List<Object>) drawn).containsExactly(true, true);
        Path shot = Path.of("target", "lot-report.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, page.screenshot());
    }
}
