package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
        String dom = runChromium("--dump-dom");

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
        Path png = tmp.resolve("report.png");
        runChromium("--screenshot=" + png, "--window-size=1280,6000");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        int wave = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 100 && g > 90 && g < 170 && b > 200) {
                    wave++;
                }
            }
        }
        // the waveform strokes in #0969da (antialiased about #3e8add), as ChromiumReportTest measures them
        assertThat(wave).as("pixels in the waveform blue").isGreaterThan(2000);
    }

    private String runChromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(outDir.resolve("report.html").toUri().toString());
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

    private static int count(String text, String literal) {
        Matcher m = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
