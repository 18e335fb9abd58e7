package org.hilrig.runner.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The one way the rig's input files (rules, scenarios, requirements, board profiles, rig fixtures) become
 * YAML node trees: read as UTF-8 within the {@link YamlLimits#INPUT_FILES} caps, composed by SnakeYAML
 * with nodes that keep their marks, so every later problem can name its line and column. Whatever the
 * bytes, the result is a node tree or a {@link BadInputException} naming the file (and the line and column
 * where there is one): a syntax error where the parser stopped, a byte that is not UTF-8, a line, a file,
 * a nesting or an alias expansion beyond its cap. Never a parser exception, a stack overflow or a hang:
 * every check is linear in the file's size.
 */
public final class YamlText {
    private YamlText() {
    }

    /**
     * Reads a file's text: at most {@link YamlLimits#maxFileBytes()} bytes, strictly UTF-8 (a byte-order
     * mark is allowed). A pipe or a device is read the same way and cut off at the cap.
     *
     * @param source how messages name the file (the file as the user gave it)
     * @throws BadInputException {@code source: no such file}, {@code is a folder}, {@code permission
     *     denied}, {@code is larger than ...}, or {@code source:line:col: not UTF-8 text ...} at the first
     *     bad byte
     * @throws RigFailureException when reading fails for another reason (an I/O error)
     */
    public static String read(Path file, String source) {
        return read(file, source, YamlLimits.INPUT_FILES);
    }

    static String read(Path file, String source, YamlLimits limits) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(source, 0, 0, "is a folder, not a YAML file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limits.maxFileBytes() + 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, 0, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(source, 0, 0, "cannot open: permission denied", e);
        } catch (IOException e) {
            throw new RigFailureException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > limits.maxFileBytes()) {
            String size = "more than " + limits.maxFileBytes() + " bytes";
            try {
                if (Files.isRegularFile(file)) {
                    size = Files.size(file) + " bytes";
                }
            } catch (IOException e) {
                // the size stays "more than the cap", which is all that is certain
            }
            throw new BadInputException(source, 0, 0, "file too large: " + size + " (allowed: at most "
                    + limits.maxFileBytes() + " bytes)");
        }
        return utf8(source, bytes);
    }

    /** The bytes as text, or bad input at the first byte that is not UTF-8. */
    private static String utf8(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed and unmappable input
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        out.flip();
        if (r.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < out.limit(); i++) {
                char c = out.get(i);
                if (c == '\n' || c == '\r' && (i + 1 >= out.limit() || out.get(i + 1) != '\n')) {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = out.toString().codePointCount(lineStart, out.limit()) + 1;
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                bad.append(String.format("\\x%02x", bytes[in.position() + i] & 0xff));
            }
            throw new BadInputException(source, line, column, "not UTF-8 text: " + (r.length() > 1 ? "bytes " : "byte ")
                    + bad + (r.length() > 1 ? " are" : " is") + " not part of a UTF-8 character (save the file as UTF-8)");
        }
        return out.toString();
    }

    /**
     * Composes one YAML document.
     *
     * <p>Duplicate keys are not refused here (composing does not check them): each loader reports them
     * itself, with both places.
     *
     * @param source how messages name the text (the file as the user gave it)
     * @return the root node, or empty for an empty document
     * @throws BadInputException {@code source:line:col: not valid YAML: what (context)} on a syntax error, or
     *     {@code source:line:col: what, found vs allowed} for a text beyond {@link YamlLimits#INPUT_FILES}
     */
    public static Optional<Node> compose(String source, String text) {
        return compose(source, text, YamlLimits.INPUT_FILES);
    }

    static Optional<Node> compose(String source, String text, YamlLimits limits) {
        checkSize(source, text, limits);
        LoadSettings settings = LoadSettings.builder().setLabel(source)
                .setCodePointLimit(limits.maxFileBytes())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                .build();
        BoundedEvents events = new BoundedEvents(new ParserImpl(settings, new StreamReader(settings, text)), source, limits);
        try {
            return new Composer(settings, events).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String context = e.getProblem() != null && e.getContext() != null ? " (" + oneLine(e.getContext())
                    + e.getContextMark().map(c -> " that starts at line " + (c.getLine() + 1)).orElse("") + ")" : "";
            throw new BadInputException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "not valid YAML: " + oneLine(problem) + context, e);
        } catch (YamlEngineException e) {
            // a limit of SnakeYAML's own (aliases, code points): at the event it stopped after
            Mark m = events.lastMark().orElse(null);
            throw new BadInputException(source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    "not valid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    /** The text's length and each line's, in one pass. */
    private static void checkSize(String source, String text, YamlLimits limits) {
        if (text.length() > limits.maxFileBytes()) {
            throw new BadInputException(source, 0, 0, "text too large: " + text.length() + " characters (allowed: at most "
                    + limits.maxFileBytes() + ")");
        }
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - lineStart > limits.maxLineChars()) {
                    throw new BadInputException(source, line, limits.maxLineChars() + 1, "line too long: "
                            + (i - lineStart) + " characters (allowed: at most " + limits.maxLineChars()
                            + "; a long text can go on several lines, e.g. after '>')");
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
