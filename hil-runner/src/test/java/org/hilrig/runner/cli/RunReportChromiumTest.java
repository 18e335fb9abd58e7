package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hilrig.runner.report.ChromiumPage;
import org.hilrig.runner.report.HeadlessChromium;
import org.hilrig.runner.report.ReportAsSeenTest;
import org.hilrig.runner.run.Library;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real {@code hil run} of three library scenarios, rendered by a real headless Chromium
 * (Debian's {@code chromium}; required, never skipped): it parses, every measurement has its timing diagram,
 * and the waveforms are painted.
 */
class RunReportChromiumTest {
    @TempDir
    Path tmp;
    Path outDir;
    JsonNode results;

    @BeforeEach
    void runThreeScenarios() throws Exception {
        outDir = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run"));
        for (String s : RunEvidenceTest.SCENARIOS) {
            args.add(Library.home().resolve(s).toString());
        }
        args.addAll(List.of("--out", outDir.toString(), "--rig-home", tmp.resolve("rig").toString(), "--no-db"));
        StringWriter out = new StringWriter();
        int code = Hil.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(code).as(out.toString()).isZero();
        results = new ObjectMapper().readTree(outDir.resolve("results.json").toFile());
    }

    @Test
    void chromiumParsesTheReportWithATimingDiagramPerMeasurement() throws Exception {
        String dom = new HeadlessChromium(tmp).dumpDom(outDir.resolve("report.html"));

        int measurements = 0;
        for (JsonNode s : results.get("scenarios")) {
            measurements += s.get("measurements").size();
            assertThat(dom).contains("id=\"scn-" + s.get("id").asText() + "\"");
        }
        assertThat(dom).contains("<title>hil run " + results.get("run_id").asText() + "</title>")
                .contains("<section id=\"traceability\">").contains("GEN.fw=");
        assertThat(count(dom, "<svg class=\"timing\"")).isEqualTo(measurements).isGreaterThan(3);
        assertThat(count(dom, "<rect class=\"limit\"")).isEqualTo(measurements);
        assertThat(count(dom, "<path class=\"wave\"")).isGreaterThanOrEqualTo(2 * measurements);
        assertThat(count(dom, "<table class=\"steps\">")).isEqualTo(3);
    }

    @Test
    void chromiumPaintsTheWaveforms() throws Exception {
        BufferedImage image = new HeadlessChromium(tmp).screenshot(outDir.resolve("report.html"), 1280, 6000);
        int wave = HeadlessChromium.pixels(image, HeadlessChromium::waveformBlue);
        // the waveform strokes in #0969da (antialiased about #3e8add), as ChromiumReportTest measures them
        assertThat(wave).as("pixels in the waveform blue").isGreaterThan(2000);
    }

    @Test
    void everyTextOnTheReportOfARealRunIsWholeOnThePageAndReadable() {
        List<ChromiumPage.VisibleText> text;
        try (ChromiumPage page = new ChromiumPage(tmp, outDir.resolve("report.html"))) {
            text = page.visibleText();
        }
        List<String> hidden = new ArrayList<>();
        for (ChromiumPage.VisibleText t : text) {
            if (!t.problems().isEmpty()) {
                hidden.add(t + ": " + t.problems());
            }
        }
        assertThat(text).as("visible text").hasSizeGreaterThan(500);
        assertThat(hidden).as("text a person cannot see whole").isEmpty();
        assertThat(ReportAsSeenTest.lowContrast(text)).as("text below 4.5:1 contrast").isEmpty();
    }

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
