package org.hilrig.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hilrig.runner.run.Library;
import org.hilrig.runner.yaml.YamlLimits;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML input file type of the rig, each fed through the real command line with each class of hostile
 * content: nesting far beyond any real file, an 8 MB line, a huge file, bytes that are not UTF-8, and
 * alias bombs. Each must end with exit 2 and exactly one line on standard error that names the file (with
 * the line and column where there is one) and carries no stack trace. The time bound is only a hang guard
 * (generous, so a loaded machine never fails it): the caps make every case a matter of milliseconds.
 */
class HostileInputTest {
    private static final YamlLimits CAPS = YamlLimits.INPUT_FILES;
    /** Not a limit on the code: a guard that turns a hang into a failure instead of a stuck build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    /** How one file type reaches the command line: the arguments that make {@code hil} read the file. */
    enum FileType {
        SCENARIO("run"), FIXTURE("run"), RULES("check"), PROFILE("emulate"), REQUIREMENTS("run");

        final String command;

        FileType(String command) {
            this.command = command;
        }
    }

    /**
     * One hostile file.
     *
     * @param expected what the one line says after {@code hil CMD: FILE}: the place and the problem
     */
    record Hostile(String name, Content content, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Writes the hostile file (some are large: they are made on disk, not in memory). */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    static Stream<Arguments> everyFileTypeWithEveryHostileCase() {
        List<Arguments> all = new ArrayList<>();
        for (FileType type : FileType.values()) {
            for (Hostile h : hostile()) {
                all.add(Arguments.of(type, h));
            }
        }
        return all.stream();
    }

    /** The hostile cases, by class. */
    static List<Hostile> hostile() {
        List<Hostile> cases = new ArrayList<>();
        cases.addAll(nesting());
        cases.addAll(longLines());
        cases.addAll(hugeFiles());
        cases.addAll(notUtf8());
        cases.addAll(aliasBombs());
        return cases;
    }

    /**
     * The collection refused is the 51st open one, the document's root counted: after {@code id: } (a
     * mapping) the 50th list or mapping.
     */
    static List<Hostile> nesting() {
        String deep = ": nested more than " + CAPS.maxDepth() + " levels deep (allowed: " + CAPS.maxDepth() + ")";
        return List.of(
                new Hostile("nesting: 3000 flow lists", text("id: " + "[".repeat(3000) + "]".repeat(3000) + "\n"),
                        ":1:54" + deep),
                new Hostile("nesting: 3000 flow mappings", text("id: " + "{a: ".repeat(3000) + "x" + "}".repeat(3000) + "\n"),
                        ":1:201" + deep),
                new Hostile("nesting: 200 block mappings", text(blockMappings(200)), ":51:101" + deep),
                new Hostile("nesting: 3000 block lists on one line", text("- ".repeat(3000) + "x\n"), ":1:101" + deep));
    }

    static List<Hostile> longLines() {
        int over = CAPS.maxLineChars() + 1;
        return List.of(
                new Hostile("line: one 8 MB comment line", repeated("# ", 'x', 8_000_000, "\nid: X\n"),
                        ": file too large: 8000009 bytes (allowed: at most " + CAPS.maxFileBytes() + " bytes)"),
                new Hostile("line: one 1,000,000-character comment line", repeated("# ", 'x', 1_000_000, "\nid: X\n"),
                        ":1:" + over + ": line too long: 1000002 characters (allowed: at most " + CAPS.maxLineChars()),
                new Hostile("line: a 200,000-character value", repeated("id: X\ntitle: ", 'x', 200_000, "\n"),
                        ":2:" + over + ": line too long: 200007 characters (allowed: at most " + CAPS.maxLineChars()),
                new Hostile("line: a 200,000-character quoted text, CRLF line ends",
                        repeated("id: X\r\ntitle: \"", 'x', 200_000, "\"\r\n"),
                        ":2:" + over + ": line too long: 200009 characters (allowed: at most " + CAPS.maxLineChars()));
    }

    static List<Hostile> hugeFiles() {
        int twoMiB = 2 << 20;
        return List.of(
                new Hostile("huge: 2 MiB of short lines", repeated("", 'x', 0, "# a comment line\n".repeat(twoMiB / 17)),
                        ": file too large: " + (twoMiB / 17 * 17) + " bytes (allowed: at most " + CAPS.maxFileBytes() + " bytes)"),
                new Hostile("huge: 4 GiB sparse file", file -> {
                    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                        f.setLength(4L << 30);
                    }
                }, ": file too large: " + (4L << 30) + " bytes (allowed: at most " + CAPS.maxFileBytes() + " bytes)"));
    }

    static List<Hostile> notUtf8() {
        String bad = ": not UTF-8 text: byte ";
        return List.of(
                new Hostile("utf-8: Latin-1 e-acute", bytes("id: X\ntitle: caf", "e9", " au lait\n"),
                        ":2:11" + bad + "\\xe9 is not part of a UTF-8 character (save the file as UTF-8)"),
                new Hostile("utf-8: a sequence cut short", bytes("id: X\ntitle: \u00fcber ", "c3", "(\n"),
                        ":2:13" + bad + "\\xc3 is not part of a UTF-8 character (save the file as UTF-8)"),
                new Hostile("utf-8: a lone continuation byte", bytes("id: X\n# ", "80", "\n"),
                        ":2:3" + bad + "\\x80 is not part of a UTF-8 character (save the file as UTF-8)"),
                new Hostile("utf-8: an overlong '/'", bytes("id: X\ntitle: a", "c0af", "b\n"),
                        ":2:9" + bad + "\\xc0 is not part of a UTF-8 character (save the file as UTF-8)"),
                new Hostile("utf-8: an encoded surrogate", bytes("id: X\n\ntitle: ", "eda080", "\n"),
                        ":3:8: not UTF-8 text: bytes \\xed\\xa0\\x80 are not part of a UTF-8 character (save the file as UTF-8)"),
                new Hostile("utf-8: a UTF-16 file", file -> Files.write(file,
                        "\ufeffid: X\n".getBytes(StandardCharsets.UTF_16LE)),
                        ":1:1" + bad + "\\xff is not part of a UTF-8 character (save the file as UTF-8)"));
    }

    static List<Hostile> aliasBombs() {
        StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        String previous = "a";
        for (String name : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            laughs.append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = name;
        }
        StringBuilder manyAliases = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i <= CAPS.maxAliases(); i++) {
            manyAliases.append(i == 0 ? "" : ", ").append("*a");
        }
        manyAliases.append("]\n");
        String deep = "deep: &d " + "[".repeat(40) + "]".repeat(40) + "\n";
        return List.of(
                new Hostile("aliases: a billion laughs", text(laughs.toString()),
                        ":6:12: more than " + CAPS.maxValues() + " values with aliases expanded (allowed: " + CAPS.maxValues() + ")"),
                new Hostile("aliases: more aliases than SnakeYAML allows", text(manyAliases.toString()),
                        ":2:" + (5 + 4 * CAPS.maxAliases()) + ": not valid YAML: Number of aliases for non-scalar nodes exceeds"
                                + " the specified max=" + CAPS.maxAliases()),
                new Hostile("aliases: a list that contains itself", text("id: &a [x, *a]\n"),
                        ":1:12: alias *a refers to a collection that contains it (a cycle; allowed: aliases to values defined before)"),
                new Hostile("aliases: an alias that nests too deep", text(deep + "use: " + "[".repeat(20) + "*d" + "]".repeat(20) + "\n"),
                        ":2:26: alias *d nests what it stands for 61 levels deep (allowed: 50)"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyFileTypeWithEveryHostileCase")
    void isRefusedWithExitTwoAndOneLineNamingTheFile(FileType type, Hostile hostile) throws IOException {
        Path file = placeFor(type);
        hostile.content().writeTo(file);

        Result r = assertTimeoutPreemptively(HANG_GUARD, () -> run(type, file));

        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Error:");
        assertThat(r.err().lines().toList()).as("stderr").hasSize(1);
        assertThat(r.err().strip()).startsWith("hil " + type.command + ": " + file + hostile.expected());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Where the file goes: for the requirement list, a rig home of its own (its board profiles copied). */
    private Path placeFor(FileType type) throws IOException {
        if (type != FileType.REQUIREMENTS) {
            return dir.resolve(type.name().toLowerCase() + ".yaml");
        }
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("fixtures/boards"));
        Files.createDirectories(home.resolve("test-scenarios/scenarios"));
        for (String board : List.of("gen-reference.yaml", "tub-reference.yaml")) {
            Files.copy(Library.home().resolve("fixtures/boards").resolve(board), home.resolve("fixtures/boards").resolve(board));
        }
        return home.resolve("test-scenarios/requirements.yaml");
    }

    private Result run(FileType type, Path file) {
        Path out = dir.resolve("out");
        String[] args = switch (type) {
            case SCENARIO -> new String[] {"run", file.toString(), "--no-db", "--out", out.toString(), "--rig-home", dir.resolve("rig").toString()};
            case FIXTURE -> new String[] {"run", "--rig", file.toString(), "--no-db", "--out", out.toString(), "--rig-home", dir.resolve("rig").toString()};
            case RULES -> new String[] {"check", Library.home().resolve("fixtures/traces/door-interlock.vcd").toString(), "--rules", file.toString()};
            case PROFILE -> new String[] {"emulate", "--board", "GEN", "--tcp", "0", "--profile", file.toString()};
            case REQUIREMENTS -> new String[] {"run", "--no-db", "--out", out.toString(), "--rig-home", dir.resolve("rig").toString()};
        };
        String home = System.getProperty("hil.home");
        if (type == FileType.REQUIREMENTS) {
            System.setProperty("hil.home", file.getParent().getParent().toString());
        }
        try {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Hil.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
            return new Result(code, o.toString(), e.toString());
        } finally {
            System.setProperty("hil.home", home);
        }
    }

    // ---- making the files ---------------------------------------------------------------------------

    private static Content text(String s) {
        return file -> Files.writeString(file, s, StandardCharsets.UTF_8);
    }

    /** {@code before}, then {@code count} times {@code c}, then {@code after}, written as UTF-8. */
    private static Content repeated(String before, char c, int count, String after) {
        return file -> Files.writeString(file, before + String.valueOf(c).repeat(count) + after, StandardCharsets.UTF_8);
    }

    /** {@code before} as UTF-8, the bytes {@code hex}, {@code after} as UTF-8. */
    private static Content bytes(String before, String hex, String after) {
        return file -> {
            byte[] a = before.getBytes(StandardCharsets.UTF_8);
            byte[] b = java.util.HexFormat.of().parseHex(hex);
            byte[] c = after.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[a.length + b.length + c.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            System.arraycopy(c, 0, all, a.length + b.length, c.length);
            Files.write(file, all);
        };
    }

    /** {@code depth} mappings, each key indented two more than the one before. */
    private static String blockMappings(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("  ".repeat(i)).append("k:\n");
        }
        return b.append("  ".repeat(depth)).append("x\n").toString();
    }
}
