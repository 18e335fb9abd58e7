package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hilrig.runner.results.RunResult;
import org.hilrig.runner.results.ScenarioResult;
import org.hilrig.runner.results.ValueResult;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A repeated scenario's statistics in the run report, as a person sees them in Chromium: the table and the histogram. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatHistogramAsSeenTest {
    ChromiumPage page;
    List<ChromiumPage.VisibleText> text;

    /** Ten exposures' kV near 80 kV +- 3.4 kV, and their air kerma recorded without a limit. */
    static ScenarioResult tenExposures() {
        List<ValueResult> values = new ArrayList<>();
        double[] kv = {79.8, 80.1, 79.9, 80.2, 80.0, 80.1, 79.7, 80.3, 80.0, 79.9};
        for (int i = 0; i < kv.length; i++) {
            values.add(new ValueResult("kv", kv[i], "kV", 80.0, 76.6, 83.4, 0, Verdict.PASS, i * 300_000_000L,
                    i * 300_000_000L + 50_000_000L, List.of("plant.kv_fb"), 4900));
            values.add(new ValueResult("kerma", 870 + i, "uGy", null, null, null, 0, Verdict.PASS, i * 300_000_000L,
                    i * 300_000_000L + 55_000_000L, List.of("plant.dose"), 5500));
        }
        return new ScenarioResult("EXP-REP-001", "Ten exposures in a row", null, Verdict.PASS, List.of("REQ-ACC-005"),
                List.of(), List.of(), null, null, null, 3_000_000_000L, List.of(), values);
    }

    @BeforeAll
    void open(@TempDir Path tmp) {
        RunResult run = new RunResult("20261204T010000Z-42", "sim", 42, List.of(), "2026-12-04T01:00:00Z",
                "2026-12-04T01:00:02Z", "0.1.0", List.of(tenExposures()));
        Path report = HtmlReport.write(tmp, run, Map.of(), ReportFixture.identity(), ReportFixture.requirements());
        page = new ChromiumPage(tmp, report);
        text = page.visibleText();
    }

    @AfterAll
    void close() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void theStatisticsOverTheRepeatsAreSeenReadablyWithTheirHistogram() throws IOException {
        assertThat(text).extracting(ChromiumPage.VisibleText::text)
                .contains("Over the repeats", "EXP-REP-001 kv: n 10, mean 80.00 kV, Cpk 6.21");
        assertThat(ReportAsSeenTest.lowContrast(text)).isEmpty();
        assertThat(text.stream().filter(t -> !t.problems().isEmpty()).toList()).as("text clipped or off the page").isEmpty();
        // the kV has limits and spread: one histogram; the air kerma, without a limit, is in the table only
        Object drawn = page.script("return Array.from(document.querySelectorAll('figure img')).filter(i => i.alt"
                + " .startsWith('histogram of')).map(i => i.alt + ' ' + (i.complete && i.naturalWidth === 520))");
        assertThat(drawn).asList().containsExactly("histogram of EXP-REP-001 kv true");
        page.script("document.querySelector('table.repeats').scrollIntoView(); return null");
        Path shot = Path.of("target", "repeat-histogram.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, page.screenshot());
    }
}
