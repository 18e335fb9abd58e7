package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hilrig.runner.report.ChromiumPage;
import org.hilrig.runner.report.ReportAsSeenTest;
import org.hilrig.runner.store.AttemptRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * The station's roles in Debian's Chromium, as people use them: an operator sees no engineer or admin control; an
 * admin adds a user and reads the audit trail; an engineer requires rework after a fail, has a malformed profile refused at its line and column and releases a
 * good one; the operator's failed unit is then refused at its next scan with a readable message until a rework
 * step is recorded on the page. Screenshots go to target/station-roles-*.png.
 */
class StationRolesAsSeenTest {
    private static final Duration ATTEMPT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void anOperatorSeesNoEngineerControlsAnEngineerReleasesARevisionAndAFailedUnitWaitsForItsRework() throws Exception {
        Path tighter = Files.write(dir.resolve("gen-rev-c.yaml"), StationRolesHttpTest.tighterProfile());
        Path malformed = Files.write(dir.resolve("gen-broken.yaml"), StationRolesHttpTest.malformedProfile());
        try (TestStation station = TestStation.start(dir, "");
                ChromiumPage page = new ChromiumPage(dir, URI.create(station.url("/")))) {
            WebDriver d = page.driver();
            logIn(d, station, "olga", "olga-demo-1");
            assertThat(d.findElements(By.cssSelector("header nav a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("Operator page");
            assertThat(d.findElements(By.cssSelector("a[href='/products'], a[href='/users'], form.release, form.retest")))
                    .as("no engineer or admin control on an operator's page").isEmpty();
            Files.write(Path.of("target/station-roles-operator.png"), page.screenshot());
            d.get(station.url("/products"));
            assertThat(d.findElement(By.tagName("body")).getText()).contains("forbidden: olga (operator) may not release");
            logOut(d, station);

            logIn(d, station, "ada", "ada-demo-1");
            assertThat(d.findElements(By.cssSelector("header nav a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("Operator page", "Products", "Users");
            d.findElement(By.cssSelector("header nav a[href='/users']")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> d.getCurrentUrl().endsWith("/users"));
            d.findElement(By.id("new-name")).sendKeys("pia");
            d.findElement(By.id("new-password")).sendKeys("pia-line-4" + Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).until(() -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(d.findElement(By.id("notice")).getText()).isEqualTo("User pia added.");
            assertThat(d.findElement(By.id("user-pia")).getText()).startsWith("pia operator enabled ada ");
            assertThat(d.findElement(By.cssSelector("table.audit tbody tr")).getText()).contains("ada user-add pia (operator)");
            assertThat(d.findElement(By.cssSelector("table.audit")).getText()).contains("olga forbidden GET /products");
            assertThat(ReportAsSeenTest.lowContrast(page.visibleText())).isEmpty();
            Files.write(Path.of("target/station-roles-users.png"), page.screenshot());
            logOut(d, station);

            logIn(d, station, "erik", "erik-demo-1");
            assertThat(d.findElements(By.cssSelector("header nav a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("Operator page", "Products");
            d.findElement(By.cssSelector("header nav a[href='/products']")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> d.getCurrentUrl().endsWith("/products"));
            d.findElement(By.id("rework-GEN-3000")).click();
            d.findElement(By.id("policy-reason-GEN-3000")).sendKeys("failed units go to the rework bench" + Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).until(() -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(d.findElement(By.id("notice")).getText()).isEqualTo("Retest policy of GEN-3000 changed: at most 3"
                    + " attempts, rework after a fail required.");

            d.findElement(By.id("profile-GEN-3000")).sendKeys(malformed.toString());
            d.findElement(By.id("reason-GEN-3000")).sendKeys("datasheet rev C" + Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).until(() -> !d.findElements(By.id("refusal")).isEmpty());
            assertThat(d.findElement(By.cssSelector("#refusal p")).getText()).isEqualTo("gen-broken.yaml is not released:"
                    + " it does not load as a board profile (1 problem)");
            assertThat(d.findElement(By.cssSelector("#refusal .problems li")).getText())
                    .startsWith("gen-broken.yaml:" + StationRolesHttpTest.lineOfKvMax() + ":").contains("fast");
            assertThat(ReportAsSeenTest.lowContrast(page.visibleText())).as("the refusal is readable").isEmpty();
            Files.write(Path.of("target/station-roles-release-refused.png"), page.screenshot());

            d.findElement(By.id("profile-GEN-3000")).sendKeys(tighter.toString());
            d.findElement(By.id("reason-GEN-3000")).sendKeys("AEC backup 50 kWs from datasheet rev C" + Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).until(() -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(d.findElement(By.id("notice")).getText()).startsWith("Released GEN-3000-r2 of GEN-3000 (SHA-256 ");
            assertThat(d.findElement(By.cssSelector("#product-GEN-3000 .in-force")).getText())
                    .startsWith("Profile in force: GEN-3000-r2,").endsWith("AEC backup 50 kWs from datasheet rev C");
            assertThat(d.findElement(By.cssSelector("#product-GEN-3000 .policy")).getText())
                    .startsWith("Retest policy in force: at most 3 attempts; a failed unit goes to rework before a retest");
            assertThat(ReportAsSeenTest.lowContrast(page.visibleText())).isEmpty();
            Files.write(Path.of("target/station-roles-released.png"), page.screenshot());
            logOut(d, station);

            logIn(d, station, "olga", "olga-demo-1");
            scan(d, "GEN-U9"); // unit 9 carries the demo's defect: it fails
            await().atMost(ATTEMPT).until(() -> d.findElement(By.id("socket-A")).getAttribute("class").contains("state-done"));
            assertThat(text(d, "#socket-A .verdict")).isEqualTo("FAIL");
            assertThat(text(d, "#socket-A .why")).startsWith("Failed: ").doesNotContain("COM-SER-");
            assertThat(text(d, "#socket-A .unit")).isEqualTo("Unit GEN-U9: in rework, 1 of 3 attempts used");
            d.findElement(By.cssSelector("#socket-A .technical summary")).click();
            await().atMost(Duration.ofSeconds(5)).until(() -> d.findElement(By.cssSelector("#socket-A .detail")).isDisplayed());
            assertThat(text(d, "#socket-A .detail")).contains("COM-SER-002");
            assertThat(ReportAsSeenTest.lowContrast(page.visibleText())).as("the technical details are readable").isEmpty();
            Files.write(Path.of("target/station-roles-fail-words.png"), page.screenshot());

            d.findElement(By.cssSelector("input[name=socket][value=A]")).click();
            focusSerial(d);
            scan(d, "GEN-U9");
            await().atMost(Duration.ofSeconds(10)).until(() -> d.findElement(By.id("refusal")).isDisplayed());
            assertThat(text(d, "#refusal")).isEqualTo("unit GEN-U9 failed its last attempt and goes to rework before it is"
                    + " tested again: record the rework step first (GEN-3000 requires rework after a fail)");
            assertThat(ReportAsSeenTest.lowContrast(page.visibleText())).as("the rework refusal is readable (4.5:1)")
                    .isEmpty();
            Files.write(Path.of("target/station-roles-rework-refused.png"), page.screenshot());

            d.findElement(By.id("rework-serial")).click();
            d.switchTo().activeElement().sendKeys("GEN-U9");
            d.findElement(By.id("rework-note")).click();
            d.switchTo().activeElement().sendKeys("reflowed U3, new CRC firmware" + Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> d.findElement(By.id("rework-result")).isDisplayed());
            assertThat(text(d, "#rework-result")).isEqualTo("rework of GEN-U9 recorded: it may be scanned again (failed)");
            assertThat(d.findElement(By.id("refusal")).isDisplayed()).isFalse();
            focusSerial(d);
            d.findElement(By.cssSelector("input[name=socket][value=B]")).click();
            focusSerial(d);
            scan(d, "GEN-U9");
            await().atMost(ATTEMPT).until(() -> d.findElement(By.id("socket-B")).getAttribute("class")
                    .contains("state-running"));
            assertThat(d.findElement(By.id("refusal")).isDisplayed()).isFalse();
            d.findElement(By.cssSelector("#socket-B .abort")).click();
            await().atMost(ATTEMPT).until(() -> station.main.records().size() == 2
                    && station.main.records().get(1).verdict() == AttemptRecord.Verdict.ABORTED);
            assertThat(station.main.records()).extracting(AttemptRecord::profileRevision)
                    .containsExactly("GEN-3000-r2", "GEN-3000-r2");
        }
    }

    private static void logIn(WebDriver d, TestStation station, String name, String password) {
        d.get(station.url("/login"));
        d.findElement(By.id("name")).sendKeys(name);
        d.findElement(By.id("password")).sendKeys(password + Keys.ENTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> d.getCurrentUrl().endsWith(":" + station.main.port() + "/"));
        assertThat(d.findElement(By.cssSelector(".who")).getText()).startsWith(name + " (");
    }

    private static void logOut(WebDriver d, TestStation station) {
        d.get(station.url("/"));
        d.findElement(By.id("logout")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> d.getCurrentUrl().endsWith("/login"));
    }

    private static void scan(WebDriver d, String serial) {
        focusSerial(d);
        d.switchTo().activeElement().sendKeys(serial + Keys.ENTER);
    }

    private static void focusSerial(WebDriver d) {
        await().atMost(Duration.ofSeconds(5)).until(() -> "serial".equals(d.switchTo().activeElement().getAttribute("id")));
    }

    private static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }
}
