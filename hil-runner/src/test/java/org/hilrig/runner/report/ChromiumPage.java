package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A page opened in Debian's real Chromium through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}), headless, for tests that assert what a person sees: computed colours, boxes, the
 * visible text. Required, never skipped: a missing browser or driver fails the test, naming the package.
 * Started with the same network-free flags as {@link HeadlessChromium}, in a throwaway profile, with the
 * driver given by path so Selenium never looks for (or downloads) one. Confined to the test's thread; close
 * it to end the browser and the driver.
 */
public final class ChromiumPage implements AutoCloseable {
    /** The viewport the page is laid out in, CSS pixels: a desktop screen. */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 1000;

    private final ChromeDriver driver;

    /**
     * Opens {@code page} (a file) in a new headless Chromium.
     *
     * @param work a folder for the profile and the driver's log, deleted by the test's @TempDir
     */
    public ChromiumPage(Path work, Path page) {
        this(work, page.toUri());
    }

    /** Opens {@code url} (the station's operator page on the loopback address) in a new headless Chromium. */
    public ChromiumPage(Path work, java.net.URI url) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "chromium-browser").toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + work.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile())
                .withLogFile(work.resolve("chromedriver.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.get(url.toString());
    }

    /** The browser, for tests that type and click as a person does. */
    public org.openqa.selenium.WebDriver driver() {
        return driver;
    }

    /** The rendered elements that match a CSS selector, in document order. */
    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** Every piece of text on the page with what it is painted on (see {@code visible-text.js}). */
    public List<VisibleText> visibleText() {
        String json = (String) driver.executeScript(script("visible-text.js"));
        try {
            return Arrays.asList(JSON.readValue(json, VisibleText[].class));
        } catch (IOException e) {
            throw new IllegalStateException("visible-text.js: its answer is not the expected JSON: " + e.getMessage(), e);
        }
    }

    /** The result of a script run in the page, as WebDriver returns it. */
    /** The viewport as Chromium painted it, PNG. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * One element's own text as painted.
     *
     * @param where the element, e.g. {@code span.badge.status-fail in #scn-ARC-_4_}
     * @param boxes the text's line boxes, each {x, y, width, height} in CSS pixels
     * @param problems what keeps a person from seeing it (not rendered, invisible, clipped, off the page)
     * @param samples the colours at points on the text
     */
    public record VisibleText(String where, String text, List<double[]> boxes, List<String> problems,
            List<Sample> samples) {
        /** The lowest WCAG contrast over the samples (21 is black on white, 1 is no contrast at all). */
        public double worstContrast() {
            double worst = 21;
            for (Sample s : samples) {
                worst = Math.min(worst, s.contrast());
            }
            return worst;
        }

        @Override
        public String toString() {
            return where + " \"" + text + "\"";
        }
    }

    /** The foreground at a point on a text and every paint under it, bottom first. */
    public record Sample(String foreground, double foregroundAlpha, List<Layer> layers) {
        /** The colour under the text: the layers composited over the white canvas. */
        public SrgbColour background() {
            SrgbColour c = SrgbColour.WHITE;
            for (Layer l : layers) {
                c = SrgbColour.parse(l.colour()).over(c, l.alpha());
            }
            return c;
        }

        /** The text's colour as painted on its background. */
        public SrgbColour text() {
            return SrgbColour.parse(foreground).over(background(), foregroundAlpha);
        }

        public double contrast() {
            return SrgbColour.contrastRatio(text(), background());
        }
    }

    /** A CSS colour with the alpha it is painted with (its own alpha times opacity). */
    public record Layer(String colour, double alpha) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static String script(String name) {
        try (InputStream in = ChromiumPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + ": not on the test class path next to ChromiumPage");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Path executable(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail(String.join(" or ", names) + " is not installed (not on PATH): install Debian's chromium and "
                + "chromium-driver packages (scripts/test does); the report is checked in a real browser");
    }
}
