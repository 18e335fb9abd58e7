package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders report.html in a real headless Chromium (Debian's {@code chromium}): required, never skipped. */
class ChromiumReportTest {
    @TempDir
    Path tmp;
    Path report;

    @BeforeEach
    void writeReport() {
        report = HtmlReport.write(tmp, ReportFixture.run(), Map.of("INT-DOOR-003", ReportFixture.doorTrace()),
                ReportFixture.identity(), ReportFixture.requirements());
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void chromiumParsesTheReportWithItsTimingDiagramsAsSvg() throws Exception {
        String dom = new HeadlessChromium(tmp).dumpDom(report);

        assertThat(dom).contains("<title>hil run 20261127T200000Z-42</title>");
        assertThat(count(dom, "<svg class=\"timing\"")).isEqualTo(2);
        assertThat(count(dom, "<rect class=\"limit\"")).isEqualTo(2);
        assertThat(count(dom, "<path class=\"wave\"")).isGreaterThanOrEqualTo(6);
        assertThat(dom).contains("<section id=\"traceability\">").contains("id=\"scn-INT-DOOR-003\"")
                .doesNotContain("<script>alert");
    }

    @Test
    void chromiumPaintsTheWaveformsAndLimitWindows() throws Exception {
        BufferedImage image = new HeadlessChromium(tmp).screenshot(report, 1280, 4000);
        int wave = HeadlessChromium.pixels(image, HeadlessChromium::waveformBlue);
        int limit = HeadlessChromium.pixels(image, rgb -> near((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 225, 239, 228, 6));
        // the 1.5 px strokes in #0969da come out antialiased as about #3e8add
        assertThat(wave).as("pixels in the waveform blue").isGreaterThan(2000);
        assertThat(limit).as("pixels in the limit window's pale green").isGreaterThan(5000);
    }

    private static boolean near(int r, int g, int b, int r0, int g0, int b0, int tolerance) {
        return Math.abs(r - r0) <= tolerance && Math.abs(g - g0) <= tolerance && Math.abs(b - b0) <= tolerance;
    }
}
