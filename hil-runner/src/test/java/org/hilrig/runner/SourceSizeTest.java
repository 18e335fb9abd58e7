package org.hilrig.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size rule: a main source file of any module (its {@code src/main/java}) has at most {@value #MAX_LINES}
 * lines, unless its type's Javadoc says why not in a sentence starting {@code Over 500 lines:}. A long file
 * with a reason is a decision someone wrote down; one without is a class that grew.
 */
class SourceSizeTest {
    private static final int MAX_LINES = 500;
    private static final String REASON = "Over 500 lines:";

    /** The project root: the parent of this module's folder, where the tests run. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyMainSourceFileIsAtMost500LinesOrSaysWhyNot() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> files = mainSources();
        for (Path file : files) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file, StandardCharsets.UTF_8);
            long lines = text.lines().count();
            if (lines > MAX_LINES && !givesReason(text, typeName(file))) {
                offenders.add(rel + ": " + lines + " lines, over " + MAX_LINES + " (split it, or give the reason"
                        + " in its type Javadoc in a sentence starting '" + REASON + "')");
            }
        }
        assertThat(files).as("main sources found under " + ROOT).hasSizeGreaterThan(100);
        assertThat(offenders).isEmpty();
    }

    @Test
    void theThreeLongFilesThatStayLongSayWhy() throws IOException {
        for (String rel : List.of("timing-core/src/main/java/org/hilrig/timing/vcd/VcdReader.java",
                "hil-runner/src/main/java/org/hilrig/runner/realtime/RealTimeRig.java",
                "hil-runner/src/main/java/org/hilrig/runner/store/ResultStore.java")) {
            Path file = ROOT.resolve(rel);
            assertThat(givesReason(Files.readString(file), typeName(file))).as(rel).isTrue();
        }
    }

    @Test
    void onlyTheTypesOwnJavadocCountsAndTheSentenceMustStartThere() {
        String typeDoc = """
                package p;

                /**
                 * Does things.
                 *
                 * <p>Over 500 lines: one tokenizer over one buffer.
                 */
                @Deprecated
                public final class Long {
                }
                """;
        String inline = """
                package p;

                /**
                 * Does things. Over 500 lines: one tokenizer
                 * over one buffer.
                 */
                final class Long {
                }
                """;
        String methodDoc = """
                package p;

                /** Does things. */
                public final class Long {
                    /** Over 500 lines: not the type's Javadoc. */
                    void m() {
                    }
                }
                """;
        String midSentence = """
                package p;

                /** It is not over 500 lines: it is short. */
                public record Long(int x) {
                }
                """;
        String empty = """
                package p;

                /** Over 500 lines: */
                public enum Long {
                }
                """;
        assertThat(givesReason(typeDoc, "Long")).isTrue();
        assertThat(givesReason(inline, "Long")).isTrue();
        assertThat(givesReason(methodDoc, "Long")).as("a method's Javadoc").isFalse();
        assertThat(givesReason(midSentence, "Long")).as("not at a sentence's start").isFalse();
        assertThat(givesReason(empty, "Long")).as("no reason after the colon").isFalse();
        assertThat(givesReason(typeDoc, "Other")).as("another type's name").isFalse();
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> walk = Files.walk(main)) {
                        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    private static String typeName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    /**
     * Whether the Javadoc right before the top-level type {@code type} (annotations between allowed) has a
     * sentence starting {@code Over 500 lines:} followed by some text.
     */
    static boolean givesReason(String source, String type) {
        Matcher declaration = Pattern.compile("(?m)^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                + "(?:class|interface|record|enum|@interface)\\s+" + Pattern.quote(type) + "\\b").matcher(source);
        if (!declaration.find()) {
            return false;
        }
        String before = source.substring(0, declaration.start());
        int end = before.lastIndexOf("*/");
        int start = before.lastIndexOf("/**");
        if (end < 0 || start < 0 || start > end) {
            return false;
        }
        String between = before.substring(end + 2).strip();
        if (!between.isEmpty() && !between.matches("(?s)(@[\\w.]+(\\([^)]*\\))?\\s*)+")) {
            return false;
        }
        String doc = before.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ");
        return Pattern.compile("(?:^|[.!?]\\s|<p>)\\s*" + Pattern.quote(REASON) + "\\s*[^\\s<]").matcher(doc).find();
    }
}
