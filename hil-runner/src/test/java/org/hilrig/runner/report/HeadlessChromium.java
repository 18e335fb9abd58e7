package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/**
 * Debian's real Chromium, headless, for report tests: required, never skipped (a missing browser fails the
 * test, naming the package). Started with the flags that keep it off the network, in a throwaway profile.
 */
public final class HeadlessChromium {
    private final Path work;

    /** @param work a folder for the browser's profile and output, deleted by the test's @TempDir */
    public HeadlessChromium(Path work) {
        this.work = work;
    }

    /** The DOM after Chromium parsed and laid out {@code page}. */
    public String dumpDom(Path page) throws Exception {
        return run(page, "--dump-dom");
    }

    /** A screenshot of {@code page} at the given window size. */
    public BufferedImage screenshot(Path page, int width, int height) throws Exception {
        Path png = work.resolve("screenshot.png");
        run(page, "--screenshot=" + png, "--window-size=" + width + "," + height);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        return image;
    }

    /** How many pixels of {@code image} have an RGB value that {@code colour} accepts. */
    public static int pixels(BufferedImage image, IntPredicate colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (colour.test(image.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The waveform strokes: #0969da, 1.5 px, which antialiasing paints as about #3e8add. */
    public static boolean waveformBlue(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r < 100 && g > 90 && g < 170 && b > 200;
    }

    private String run(Path page, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + work.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Path stdout = work.resolve("chromium.out");
        Path stderr = work.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("chromium exit; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }

    private static Path executable() {
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
}
