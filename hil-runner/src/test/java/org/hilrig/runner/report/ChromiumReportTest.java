package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail("chromium is not installed (no chromium or chromium-browser on PATH): install Debian's chromium "
                + "package; the report is checked in a real browser");
    }

    private String runChromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(report.toUri().toString());
        Path stdout = tmp.resolve("chromium.out");
        Path stderr = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("chromium exit; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout);
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
        String dom = runChromium("--dump-dom");

        assertThat(dom).contains("<title>hil run 20261127T200000Z-42</title>");
        assertThat(count(dom, "<svg class=\"timing\"")).isEqualTo(2);
        assertThat(count(dom, "<rect class=\"limit\"")).isEqualTo(2);
        assertThat(count(dom, "<path class=\"wave\"")).isGreaterThanOrEqualTo(6);
        assertThat(dom).contains("<section id=\"traceability\">").contains("id=\"scn-INT-DOOR-003\"")
                .doesNotContain("<script>alert");
    }

    @Test
    void chromiumPaintsTheWaveformsAndLimitWindows() throws Exception {
        Path png = tmp.resolve("report.png");
        runChromium("--screenshot=" + png, "--window-size=1280,4000");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        int wave = 0;
        int limit = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 100 && g > 90 && g < 170 && b > 200) {
                    wave++;
                }
                if (near(r, g, b, 225, 239, 228, 6)) {
                    limit++;
                }
            }
        }
        // the 1.5 px strokes in #0969da come out antialiased as about #3e8add
        assertThat(wave).as("pixels in the waveform blue").isGreaterThan(2000);
        assertThat(limit).as("pixels in the limit window's pale green").isGreaterThan(5000);
    }

    private static boolean near(int r, int g, int b, int r0, int g0, int b0, int tolerance) {
        return Math.abs(r - r0) <= tolerance && Math.abs(g - g0) <= tolerance && Math.abs(b - b0) <= tolerance;
    }
}
