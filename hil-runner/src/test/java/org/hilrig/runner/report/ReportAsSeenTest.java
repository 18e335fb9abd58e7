package org.hilrig.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hilrig.timing.verdict.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The report as a person sees it in a real Chromium (through Debian's chromedriver): a run with a scenario,
 * a step and a measurement of every verdict. Colours are read as Chromium computed them, contrast is WCAG
 * 2.x (at least 4.5:1, the level AA minimum for body text), and text counts as seen only when it has a box,
 * is not clipped and is on the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ReportAsSeenTest {
    static final double MIN_CONTRAST = 4.5;

    ChromiumPage page;
    List<ChromiumPage.VisibleText> text;

    @BeforeAll
    void openTheReport(@TempDir Path tmp) {
        Path report = HtmlReport.write(tmp, ReportFixture.everyVerdictRun(), ReportFixture.everyVerdictTraces(),
                ReportFixture.identity(), ReportFixture.requirements());
        page = new ChromiumPage(tmp, report);
        text = page.visibleText();
    }

    @AfterAll
    void closeTheBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void everyTextOnTheReportContrastsWithWhatItIsPaintedOnByAtLeast4point5To1() {
        assertThat(text).as("visible text on the report").hasSizeGreaterThan(200);
        assertThat(lowContrast(text)).as("text below %s:1 contrast (worst sample, text colour on background)",
                MIN_CONTRAST).isEmpty();
    }

    @Test
    void everyTextOnTheReportIsRenderedUnclippedOnThePage() {
        List<String> hidden = new ArrayList<>();
        for (ChromiumPage.VisibleText t : text) {
            if (!t.problems().isEmpty()) {
                hidden.add(t + ": " + t.problems());
            }
        }
        assertThat(hidden).as("text a person cannot see whole").isEmpty();
    }

    @Test
    void everyStatusBadgeShowsItsWordReadablyOnItsColour() {
        List<WebElement> badges = page.all(".badge");
        List<ChromiumPage.VisibleText> seen = text.stream().filter(t -> t.where().startsWith("span.badge")).toList();
        Set<String> words = new HashSet<>();
        for (Verdict v : Verdict.values()) {
            words.add(v.word());
        }

        assertThat(seen).as("badges seen").hasSameSizeAs(badges).hasSizeGreaterThan(20);
        Set<String> shown = new HashSet<>();
        for (int i = 0; i < badges.size(); i++) {
            WebElement badge = badges.get(i);
            ChromiumPage.VisibleText t = seen.get(i);
            Rectangle box = badge.getRect();
            assertThat(t.text()).as("%s", t).isIn(words).isEqualTo(badge.getText());
            assertThat(box.getWidth()).as("%s width", t).isGreaterThan(10);
            assertThat(box.getHeight()).as("%s height", t).isGreaterThan(8);
            assertThat(t.problems()).as("%s", t).isEmpty();
            assertThat(t.worstContrast()).as("%s: %s on %s", t, t.samples().get(0).text(),
                    t.samples().get(0).background()).isGreaterThanOrEqualTo(MIN_CONTRAST);
            shown.add(t.text());
        }
        assertThat(shown).as("statuses with a badge").isEqualTo(words);
    }

    @Test
    void eachStatusHasOneColourWhereverItIsShownAndNoTwoStatusesShareOne() {
        Map<String, Set<String>> colours = new TreeMap<>();
        for (WebElement badge : page.all(".badge")) {
            colours.computeIfAbsent(badge.getText(), k -> new HashSet<>()).add("badge " + colour(badge, "background-color"));
        }
        // the counts in the header: "1 pass", "1 fail", ...
        for (WebElement count : page.all("header .counts span")) {
            String word = count.getText().replaceAll("^\\d+ ", "");
            colours.computeIfAbsent(word, k -> new HashSet<>()).add("count " + colour(count, "color"));
        }
        // each diagram's response mark and its value, against the badge in its caption
        for (WebElement figure : page.all("figure.diagram")) {
            String word = figure.findElement(By.cssSelector("figcaption .badge")).getText();
            colours.computeIfAbsent(word, k -> new HashSet<>())
                    .add("mark " + colour(figure.findElement(By.cssSelector("line.response")), "stroke"));
            colours.get(word).add("mark " + colour(figure.findElement(By.cssSelector("text.response-label")), "fill"));
        }
        // a scenario's message, in its scenario's status
        for (WebElement article : page.all("article.scenario")) {
            String word = article.findElement(By.cssSelector("h3 .badge")).getText();
            for (WebElement message : article.findElements(By.cssSelector("td.message"))) {
                colours.computeIfAbsent(word, k -> new HashSet<>()).add("message " + colour(message, "color"));
            }
        }
        // a negative margin is a failure
        for (WebElement margin : page.all("table.measurements td:nth-child(6)")) {
            if (margin.getText().startsWith("-")) {
                colours.computeIfAbsent("fail", k -> new HashSet<>()).add("margin " + colour(margin, "color"));
            }
        }

        Map<String, String> one = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : colours.entrySet()) {
            Set<String> distinct = new HashSet<>();
            e.getValue().forEach(c -> distinct.add(c.substring(c.indexOf(' ') + 1)));
            assertThat(distinct).as("colours of %s: %s", e.getKey(), e.getValue()).hasSize(1);
            one.put(e.getKey(), distinct.iterator().next());
        }
        assertThat(one.keySet()).as("statuses seen").containsExactlyInAnyOrder("pass", "fail", "inconclusive", "error");
        assertThat(new HashSet<>(one.values())).as("one colour per status: %s", one).hasSize(4);
        assertThat(colours.get("fail")).as("fail colours").anyMatch(c -> c.startsWith("margin "))
                .anyMatch(c -> c.startsWith("mark "));
        assertThat(colours.get("error")).as("error colours").anyMatch(c -> c.startsWith("mark "))
                .anyMatch(c -> c.startsWith("message "));
        assertThat(colours.get("inconclusive")).as("inconclusive colours").anyMatch(c -> c.startsWith("mark "))
                .anyMatch(c -> c.startsWith("message "));
    }

    @Test
    void timingDiagramLabelsNameTheSideOfEachSignal() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (WebElement figure : page.all("figure.diagram")) {
            String caption = figure.findElement(By.cssSelector("figcaption")).getText();
            WebElement svg = figure.findElement(By.cssSelector("svg.timing"));
            List<String> rows = new ArrayList<>();
            for (WebElement label : svg.findElements(By.cssSelector("text.sig"))) {
                Rectangle box = label.getRect();
                rows.add(ownText(label));
                assertThat(box.getX() + box.getWidth()).as("right edge of label %s in %s", label.getText(), caption)
                        .isLessThanOrEqualTo(svg.getRect().getX() + TimingDiagram.LABEL_WIDTH - 4);
            }
            assertThat(rows).as("labels of %s", caption).doesNotHaveDuplicates();
            labels.put(caption, rows);
        }

        assertThat(labels).as("diagrams by caption").hasSize(5);
        assertThat(labels.entrySet()).filteredOn(e -> e.getKey().startsWith("prep_to_gen_prep"))
                .singleElement().extracting(Map.Entry::getValue).isEqualTo(List.of("rig.prep_req", "gen.prep_req"));
        assertThat(labels.entrySet()).filteredOn(e -> e.getKey().startsWith("door_to_hv_off"))
                .singleElement().extracting(Map.Entry::getValue)
                .isEqualTo(List.of("rig.door_closed", "rig.gen.hv_enable", "rig.gen.xray_on", "rig.kv_fb"));
    }

    /** A computed colour as #rrggbb (Chromium writes rgb() for some properties and rgba() for others). */
    private static String colour(WebElement e, String property) {
        SrgbColour.Parsed c = SrgbColour.parse(e.getCssValue(property));
        return c.colour() + (c.alpha() == 1 ? "" : " alpha " + c.alpha());
    }

    /** The element's own text, without that of its children (a {@code <title>} is not shown, only hovered). */
    private String ownText(WebElement e) {
        return (String) page.script("return [...arguments[0].childNodes].filter(n => n.nodeType === Node.TEXT_NODE)"
                + ".map(n => n.textContent).join('')", e);
    }

    /** The texts below {@link #MIN_CONTRAST}, each with its worst colours. */
    public static List<String> lowContrast(List<ChromiumPage.VisibleText> text) {
        List<String> low = new ArrayList<>();
        for (ChromiumPage.VisibleText t : text) {
            for (ChromiumPage.Sample s : t.samples()) {
                if (s.contrast() < MIN_CONTRAST) {
                    low.add(String.format(java.util.Locale.ROOT, "%s: %.2f:1, %s on %s", t, s.contrast(), s.text(),
                            s.background()));
                    break;
                }
            }
        }
        return low;
    }
}
