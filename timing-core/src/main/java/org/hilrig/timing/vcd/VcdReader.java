package org.hilrig.timing.vcd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;

/**
 * Reads a VCD file (IEEE 1364 value change dump) as a stream and delivers it to a {@link
 * ChangeListener}: {@code begin} with every declared variable and the file's timescale, each value change
 * in file order, then {@code end} at the last time stamp. Memory stays flat whatever the file's length:
 * only the declarations and one read buffer are held.
 *
 * <p><b>What it takes</b>: every {@code $timescale} (1, 10 or 100 of s, ms, us, ns, ps, fs, written
 * {@code 1ns} or {@code 1 ns}); any whitespace between tokens, so several changes may share the line of
 * their time stamp ({@code #10 1! 0"}, as sigrok writes); nested scopes of any type (a signal's path is
 * its scope names and reference joined by dots, e.g. {@code tb.u_sub.clk}); the same identifier code
 * declared in several scopes (each change goes to every signal declared with it); {@code 0 1 x X z Z};
 * vectors ({@code b1010 !}) whose trailing {@code [msb:lsb]} range is stripped from the reference
 * (a single bit select such as {@code [3]} stays, so bits of one bus keep distinct names), extended on
 * the left to the declared width as IEEE 1364 says (with {@code 0}, or with {@code x}/{@code z} when the
 * value starts with one), and longer values accepted when the extra leading bits are zeros; reals
 * ({@code r3.3 !}, also {@code nan}, {@code inf}); {@code $dumpvars}, {@code $dumpall}, {@code $dumpon},
 * {@code $dumpoff} blocks; {@code $comment}, {@code $date} and {@code $version} anywhere. Other
 * sections in the declarations (vendor extensions such as {@code $attrbegin}) are skipped; string
 * variables ({@code $var string}) are not declared to the listener and their values are skipped. A
 * missing {@code $timescale} means 1 ns.
 *
 * <p><b>What it delivers</b>: one-bit variables as {@link SignalKind#DIGITAL}, wider ones as {@link
 * SignalKind#VECTOR} (bits most significant first, lower case, exactly the declared width), {@code real},
 * {@code realtime} and {@code shortreal} as {@link SignalKind#REAL} (width 64). Times are converted to
 * integer nanoseconds, rounding half up; {@link TraceHeader#resolutionPicos()} is the timescale in
 * picoseconds (1 for the femtosecond scales, the smallest it can express). Changes before the first
 * time stamp are at time 0; the trace ends at the last time stamp (0 when there is none).
 *
 * <p><b>Bad input</b>: anything malformed or truncated (an unknown identifier code, a bad value
 * character, time going backwards, a missing {@code $enddefinitions}, the end of the file inside a
 * section, a time stamp that is not a whole number) raises {@link BadInputException} with the source
 * name, line and column of the offending token (1-based; columns count bytes), e.g. {@code
 * trace.vcd:57:3: value change for unknown identifier code '%q' (declared codes: 12)}. It is the only
 * exception raised for bad content; what was delivered before it stays delivered. A failing read from
 * the stream raises {@link RigFailureException}; exceptions from the listener pass through unchanged.
 *
 * <p>Not thread safe; each call works alone. The caller closes a stream it passes in.
 *
 * <p>Over 500 lines: one byte-level tokenizer over one read buffer, whose every value parser needs the
 * buffer, the token's bounds and its line and column for the message; split into classes, that state
 * would cross a call boundary per token on the path that reads files of gigabytes at flat memory.
 */
public final class VcdReader {
    private static final byte DIGITAL = 0;
    private static final byte VECTOR = 1;
    private static final byte REAL = 2;
    private static final int MAX_WIDTH = VcdInput.MAX_TOKEN_BYTES;
    private static final int[] NO_TARGETS = new int[0];

    private final VcdInput in;
    private final ChangeListener listener;

    private final List<SignalInfo> signals = new ArrayList<>();
    private byte[] kinds = new byte[16];
    private int[] widths = new int[16];
    private final IdCodes codes = new IdCodes();
    private int[][] targets = new int[16][];
    private boolean[] stringCodes = new boolean[16];

    private long unitFemtos = 1_000_000L;
    private boolean timescaleSeen;
    private long nanosPerUnit = 1;
    private long unitsPerNano;

    private long lastRawTime = -1;
    private int lastTimeLine;
    private long timeNanos;
    private String openBlock;
    private int openBlockLine;
    private int openBlockColumn;
    private char[] bits = new char[64];
    private final double[] real = new double[1];
    /** The start of a value token kept for messages once the next token (its code) has been read. */
    private final byte[] held = new byte[VcdInput.QUOTED_BYTES];
    private int heldLength;

    private VcdReader(VcdInput in, ChangeListener listener) {
        this.in = in;
        this.listener = listener;
    }

    /**
     * Reads the VCD file at {@code file}; messages name the file as {@code file.toString()}. A file that
     * does not exist or cannot be opened is bad input.
     */
    public static void read(Path file, ChangeListener listener) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name, 0, 0, "is a directory, not a VCD file");
        }
        InputStream stream;
        try {
            stream = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, 0, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name, 0, 0, "cannot open: permission denied", e);
        } catch (IOException e) {
            throw new RigFailureException(name + ": cannot open: " + e.getMessage(), e);
        }
        try (stream) {
            read(stream, name, listener);
        } catch (IOException e) {
            throw new RigFailureException(name + ": cannot close: " + e.getMessage(), e);
        }
    }

    /** Reads a VCD from {@code in} (not closed); {@code sourceName} names it in error messages. */
    public static void read(InputStream in, String sourceName, ChangeListener listener) {
        new VcdReader(new VcdInput(in, sourceName), listener).run();
    }

    private void run() {
        readDeclarations();
        listener.begin(new TraceHeader(signals, Math.max(1, unitFemtos / 1000)));
        readChanges();
    }

    // ---- declarations ------------------------------------------------------------------------

    private record Field(String text, int line, int column) {
    }

    private void readDeclarations() {
        List<String> scopes = new ArrayList<>();
        for (;;) {
            if (!in.nextToken()) {
                throw in.errorAtEnd("file ends before $enddefinitions (" + signals.size()
                        + " variables declared so far)");
            }
            int line = in.tokenLine();
            int column = in.tokenColumn();
            if (in.buf[in.tokStart] != '$') {
                throw in.errorAtToken(in.quoteToken() + " where a declaration keyword is expected"
                        + " (value changes must follow '$enddefinitions $end')");
            }
            String keyword = in.tokenString();
            switch (keyword) {
                case "$enddefinitions" -> {
                    fields(keyword, line, column, 0);
                    return;
                }
                case "$timescale" -> timescale(fields(keyword, line, column, 2), line, column);
                case "$scope" -> {
                    List<Field> f = fields(keyword, line, column, 2);
                    if (f.isEmpty()) {
                        throw in.error(line, column, "$scope without a name (expected '$scope module NAME $end')");
                    }
                    scopes.add(f.get(f.size() - 1).text());
                }
                case "$upscope" -> {
                    fields(keyword, line, column, 0);
                    if (scopes.isEmpty()) {
                        throw in.error(line, column, "$upscope without an open $scope");
                    }
                    scopes.remove(scopes.size() - 1);
                }
                case "$var" -> variable(fields(keyword, line, column, 8), scopes, line, column);
                default -> skipSection(keyword, line, column);
            }
        }
    }

    /** The tokens up to {@code $end}, at most {@code max} of them. */
    private List<Field> fields(String keyword, int line, int column, int max) {
        List<Field> fields = new ArrayList<>();
        for (;;) {
            if (!in.nextToken()) {
                throw in.errorAtEnd("file ends inside " + keyword + " opened at " + line + ":" + column
                        + " (no $end)");
            }
            if (in.tokenIs("$end")) {
                return fields;
            }
            if (isDeclarationKeyword()) {
                throw in.errorAtToken(in.quoteToken() + " inside " + keyword + " opened at " + line + ":" + column
                        + " (missing $end?)");
            }
            if (fields.size() == max) {
                throw in.errorAtToken(keyword + " opened at " + line + ":" + column + " has more than " + max
                        + " fields before $end: " + in.quoteToken() + " (missing $end?)");
            }
            fields.add(new Field(in.tokenString(), in.tokenLine(), in.tokenColumn()));
        }
    }

    private boolean isDeclarationKeyword() {
        return in.buf[in.tokStart] == '$' && (in.tokenIs("$var") || in.tokenIs("$scope") || in.tokenIs("$upscope")
                || in.tokenIs("$enddefinitions") || in.tokenIs("$timescale") || in.tokenIs("$comment")
                || in.tokenIs("$date") || in.tokenIs("$version"));
    }

    private void skipSection(String keyword, int line, int column) {
        for (;;) {
            if (!in.nextToken()) {
                throw in.errorAtEnd("file ends inside " + keyword + " opened at " + line + ":" + column
                        + " (no $end)");
            }
            if (in.tokenIs("$end")) {
                return;
            }
        }
    }

    private void timescale(List<Field> fields, int line, int column) {
        if (timescaleSeen) {
            throw in.error(line, column, "second $timescale (a file has one)");
        }
        timescaleSeen = true;
        StringBuilder text = new StringBuilder();
        for (Field f : fields) {
            text.append(f.text());
        }
        String t = text.toString();
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        long number = switch (t.substring(0, digits)) {
            case "1" -> 1;
            case "10" -> 10;
            case "100" -> 100;
            default -> -1;
        };
        long unit = switch (t.substring(digits)) {
            case "s" -> 1_000_000_000_000_000L;
            case "ms" -> 1_000_000_000_000L;
            case "us" -> 1_000_000_000L;
            case "ns" -> 1_000_000L;
            case "ps" -> 1_000L;
            case "fs" -> 1L;
            default -> -1;
        };
        if (number < 0 || unit < 0) {
            Field at = fields.isEmpty() ? new Field("", line, column) : fields.get(0);
            throw in.error(at.line(), at.column(), "timescale '" + String.join(" ", fields.stream().map(Field::text).toList())
                    + "' is not 1, 10 or 100 followed by s, ms, us, ns, ps or fs");
        }
        unitFemtos = number * unit;
        if (unitFemtos >= 1_000_000L) {
            nanosPerUnit = unitFemtos / 1_000_000L;
            unitsPerNano = 0;
        } else {
            nanosPerUnit = 0;
            unitsPerNano = 1_000_000L / unitFemtos;
        }
    }

    private void variable(List<Field> f, List<String> scopes, int line, int column) {
        if (f.size() < 4) {
            throw in.error(line, column, "$var needs a type, size, identifier code and reference, found "
                    + f.size() + " fields (e.g. '$var wire 1 ! door_closed $end')");
        }
        String type = f.get(0).text();
        Field size = f.get(1);
        int width = parseWidth(size);
        Field code = f.get(2);
        for (int i = 0; i < code.text().length(); i++) {
            char c = code.text().charAt(i);
            if (c < '!' || c > '~') {
                throw in.error(code.line(), code.column() + i, "identifier code '" + code.text()
                        + "' has a character that is not printable ASCII (allowed: ! to ~)");
            }
        }
        String reference = reference(f);
        int index = codes.add(code.text());
        if (index == targets.length) {
            targets = Arrays.copyOf(targets, index * 2);
            stringCodes = Arrays.copyOf(stringCodes, index * 2);
        }
        if (targets[index] == null) {
            targets[index] = NO_TARGETS;
        }
        if (type.equals("string")) {
            stringCodes[index] = true;
            return;
        }
        SignalKind kind;
        byte k;
        if (type.equals("real") || type.equals("realtime") || type.equals("shortreal")
                || type.equals("real_parameter")) {
            kind = SignalKind.REAL;
            k = REAL;
            width = 64;
        } else if (width == 1) {
            kind = SignalKind.DIGITAL;
            k = DIGITAL;
        } else {
            kind = SignalKind.VECTOR;
            k = VECTOR;
        }
        int id = signals.size();
        String path = scopes.isEmpty() ? reference : String.join(".", scopes) + "." + reference;
        signals.add(new SignalInfo(id, path, reference, kind, width));
        if (id == kinds.length) {
            kinds = Arrays.copyOf(kinds, id * 2);
            widths = Arrays.copyOf(widths, id * 2);
        }
        kinds[id] = k;
        widths[id] = width;
        int[] t = Arrays.copyOf(targets[index], targets[index].length + 1);
        t[t.length - 1] = id;
        targets[index] = t;
    }

    private int parseWidth(Field size) {
        String s = size.text();
        long w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw in.error(size.line(), size.column(), "$var size '" + s + "' is not a whole number of bits");
            }
            w = Math.min(w * 10 + (c - '0'), Integer.MAX_VALUE);
        }
        if (w < 1 || w > MAX_WIDTH) {
            throw in.error(size.line(), size.column(), "$var size " + s + " is out of range (1 to " + MAX_WIDTH + " bits)");
        }
        return (int) w;
    }

    /** The reference with a trailing {@code [msb:lsb]} range removed; other brackets stay. */
    private String reference(List<Field> f) {
        StringBuilder r = new StringBuilder(f.get(3).text());
        for (int i = 4; i < f.size(); i++) {
            Field part = f.get(i);
            if (i == 4 && !part.text().startsWith("[")) {
                throw in.error(part.line(), part.column(), "'" + part.text() + "' after the reference of $var, where a"
                        + " bit range like [7:0] or $end is expected");
            }
            r.append(part.text());
        }
        String s = r.toString();
        int open = s.lastIndexOf('[');
        if (open > 0 && s.endsWith("]") && s.indexOf(':', open) > 0) {
            s = s.substring(0, open);
        }
        return s;
    }

    // ---- value changes -----------------------------------------------------------------------

    private void readChanges() {
        final VcdInput in = this.in;
        while (in.nextToken()) {
            byte[] b = in.buf;
            int s = in.tokStart;
            int e = in.tokEnd;
            switch (b[s]) {
                case '#' -> time(b, s, e);
                case '0' -> scalar(Level.LOW, b, s, e);
                case '1' -> scalar(Level.HIGH, b, s, e);
                case 'x', 'X' -> scalar(Level.X, b, s, e);
                case 'z', 'Z' -> scalar(Level.Z, b, s, e);
                case 'b', 'B' -> vectorChange(b, s, e);
                case 'r', 'R' -> realChange(b, s, e);
                case 's', 'S' -> stringChange();
                case '$' -> keyword();
                default -> throw in.errorAtToken(in.quoteToken() + " is not a value change (expected #time,"
                        + " 0 1 x z and an identifier code, b<bits> or r<real> and a code, or a $keyword)");
            }
        }
        if (openBlock != null) {
            throw in.errorAtEnd("file ends inside " + openBlock + " opened at " + openBlockLine + ":"
                    + openBlockColumn + " (no $end)");
        }
        listener.end(timeNanos);
    }

    private void time(byte[] b, int s, int e) {
        if (s + 1 == e) {
            throw in.errorAtToken("time stamp '#' without a number");
        }
        long raw = 0;
        boolean mayOverflow = e - s - 1 > 18;
        for (int i = s + 1; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw in.errorAtToken("time stamp " + in.quoteToken() + " is not a whole number of time units");
            }
            if (mayOverflow && raw > (Long.MAX_VALUE - d) / 10) {
                throw in.errorAtToken("time stamp " + in.quoteToken() + " is too large");
            }
            raw = raw * 10 + d;
        }
        if (raw < lastRawTime) {
            throw in.errorAtToken("time stamp #" + raw + " goes back before #" + lastRawTime + " (line "
                    + lastTimeLine + ")");
        }
        if (openBlock != null) {
            throw in.errorAtToken("time stamp inside " + openBlock + " opened at " + openBlockLine + ":"
                    + openBlockColumn + " (missing $end?)");
        }
        if (raw != lastRawTime) {
            lastRawTime = raw;
            if (unitsPerNano == 0) {
                if (raw > Long.MAX_VALUE / nanosPerUnit) {
                    throw in.errorAtToken("time stamp #" + raw + " is beyond " + Long.MAX_VALUE
                            + " ns at this timescale");
                }
                timeNanos = raw * nanosPerUnit;
            } else {
                long q = raw / unitsPerNano;
                timeNanos = (raw - q * unitsPerNano) * 2 >= unitsPerNano ? q + 1 : q;
            }
        }
        lastTimeLine = in.tokenLine();
    }

    private void scalar(Level level, byte[] b, int s, int e) {
        int code = code(b, s + 1, e, s);
        int[] ids = targets[code];
        if (ids.length == 1 && kinds[ids[0]] == DIGITAL) {
            listener.digital(timeNanos, ids[0], level);
            return;
        }
        if (stringCodes[code]) {
            throw in.errorAtToken("scalar value " + in.quoteToken() + " for a string variable");
        }
        for (int id : ids) {
            switch (kinds[id]) {
                case DIGITAL -> listener.digital(timeNanos, id, level);
                case VECTOR -> {
                    bits[0] = level.vcdChar();
                    listener.vector(timeNanos, id, fit(1, id, in.tokenLine(), in.tokenColumn()));
                }
                default -> throw in.errorAtToken("scalar value " + in.quoteToken() + " for real signal '"
                        + signals.get(id).path() + "' (expected r<number>)");
            }
        }
    }

    /** The code index of {@code b[from, to)}; {@code valueStart} is where the value change began. */
    private int code(byte[] b, int from, int to, int valueStart) {
        int code = codes.find(b, from, to);
        if (code >= 0) {
            return code;
        }
        if (from == to) {
            throw in.error(in.tokenLine(), in.columnOf(valueStart), "value " + in.quote(valueStart, to)
                    + " without an identifier code (a scalar value and its code are written together, e.g. '1!')");
        }
        throw in.error(in.tokenLine(), in.columnOf(from), "value change for unknown identifier code "
                + in.quote(from, to) + " (declared codes: " + codes.count() + ")");
    }

    private void vectorChange(byte[] b, int s, int e) {
        int line = in.tokenLine();
        int column = in.tokenColumn();
        int n = e - s - 1;
        if (n == 0) {
            throw in.errorAtToken("vector value 'b' without bits");
        }
        if (bits.length < n) {
            bits = new char[Math.max(n, bits.length * 2)];
        }
        char[] v = bits;
        for (int i = 0; i < n; i++) {
            byte c = b[s + 1 + i];
            char bit = switch (c) {
                case '0' -> '0';
                case '1' -> '1';
                case 'x', 'X' -> 'x';
                case 'z', 'Z' -> 'z';
                default -> throw in.error(line, column + 1 + i, "bit " + VcdInput.quote(b, s + 1 + i, s + 2 + i)
                        + " in vector value " + in.quoteToken() + " (allowed: 0 1 x z)");
            };
            v[i] = bit;
        }
        hold();
        if (!in.nextToken()) {
            String value = held();
            throw in.errorAtEnd("file ends after vector value " + value + " at " + line + ":" + column
                    + " without its identifier code");
        }
        int code = code(in.buf, in.tokStart, in.tokEnd, in.tokStart);
        if (stringCodes[code] && targets[code].length == 0) {
            throw in.error(line, column, "vector value " + held() + " for a string variable");
        }
        String last = null;
        int lastWidth = -1;
        for (int id : targets[code]) {
            switch (kinds[id]) {
                case DIGITAL -> {
                    fitCheck(n, id, line, column);
                    listener.digital(timeNanos, id, Level.ofVcd(v[n - 1]));
                }
                case VECTOR -> {
                    if (widths[id] != lastWidth) {
                        last = fit(n, id, line, column);
                        lastWidth = widths[id];
                    }
                    listener.vector(timeNanos, id, last);
                }
                default -> throw in.error(line, column, "vector value " + held() + " for real signal '"
                        + signals.get(id).path() + "' (expected r<number>)");
            }
        }
    }

    /** The first {@code n} chars of {@code bits} at the width of signal {@code id}, per IEEE 1364. */
    private String fit(int n, int id, int line, int column) {
        int w = widths[id];
        if (n == w) {
            return new String(bits, 0, n);
        }
        if (n > w) {
            fitCheck(n, id, line, column);
            return new String(bits, n - w, w);
        }
        char pad = bits[0] == '1' ? '0' : bits[0];
        char[] full = new char[w];
        Arrays.fill(full, 0, w - n, pad);
        System.arraycopy(bits, 0, full, w - n, n);
        return new String(full);
    }

    /** A value longer than the signal is fine only when the extra leading bits change nothing. */
    private void fitCheck(int n, int id, int line, int column) {
        int w = widths[id];
        if (n <= w) {
            return;
        }
        char first = bits[n - w];
        boolean zeros = true;
        boolean sameXz = first == 'x' || first == 'z';
        for (int i = 0; i < n - w; i++) {
            zeros &= bits[i] == '0';
            sameXz &= bits[i] == first;
        }
        if (!zeros && !sameXz) {
            throw in.error(line, column, "vector value of " + n + " bits for signal '" + signals.get(id).path()
                    + "' declared " + w + " bits wide");
        }
    }

    private void realChange(byte[] b, int s, int e) {
        int line = in.tokenLine();
        int column = in.tokenColumn();
        if (!RealText.parse(b, s + 1, e, real)) {
            throw in.errorAtToken("real value " + in.quoteToken() + " is not a number (e.g. r3.3, r-1e-6)");
        }
        double value = real[0];
        hold();
        if (!in.nextToken()) {
            String text = held();
            throw in.errorAtEnd("file ends after real value " + text + " at " + line + ":" + column
                    + " without its identifier code");
        }
        int code = code(in.buf, in.tokStart, in.tokEnd, in.tokStart);
        if (stringCodes[code] && targets[code].length == 0) {
            throw in.error(line, column, "real value " + held() + " for a string variable");
        }
        for (int id : targets[code]) {
            if (kinds[id] != REAL) {
                throw in.error(line, column, "real value " + held() + " for " + (kinds[id] == DIGITAL ? "digital" : "vector")
                        + " signal '" + signals.get(id).path() + "' (expected 0 1 x z or b<bits>)");
            }
            listener.real(timeNanos, id, value);
        }
    }

    private void stringChange() {
        int line = in.tokenLine();
        int column = in.tokenColumn();
        hold();
        if (!in.nextToken()) {
            String text = held();
            throw in.errorAtEnd("file ends after string value " + text + " at " + line + ":" + column
                    + " without its identifier code");
        }
        int code = code(in.buf, in.tokStart, in.tokEnd, in.tokStart);
        if (!stringCodes[code] || targets[code].length > 0) {
            throw in.error(line, column, "string value " + held() + " for a signal that is not a string variable");
        }
    }

    private void hold() {
        heldLength = in.tokEnd - in.tokStart;
        System.arraycopy(in.buf, in.tokStart, held, 0, Math.min(heldLength, held.length));
    }

    private String held() {
        return VcdInput.quote(held, 0, Math.min(heldLength, held.length), heldLength);
    }

    private void keyword() {
        int line = in.tokenLine();
        int column = in.tokenColumn();
        if (in.tokenIs("$end")) {
            if (openBlock == null) {
                throw in.errorAtToken("$end without an open $dumpvars, $dumpall, $dumpon or $dumpoff");
            }
            openBlock = null;
        } else if (in.tokenIs("$dumpvars") || in.tokenIs("$dumpall") || in.tokenIs("$dumpon")
                || in.tokenIs("$dumpoff")) {
            if (openBlock != null) {
                throw in.errorAtToken(in.tokenString() + " inside " + openBlock + " opened at " + openBlockLine
                        + ":" + openBlockColumn + " (missing $end?)");
            }
            openBlock = in.tokenString();
            openBlockLine = line;
            openBlockColumn = column;
        } else if (in.tokenIs("$comment") || in.tokenIs("$date") || in.tokenIs("$version")) {
            skipSection(in.tokenString(), line, column);
        } else {
            throw in.errorAtToken("keyword " + in.quoteToken() + " after $enddefinitions (allowed there: $dumpvars,"
                    + " $dumpall, $dumpon, $dumpoff, $end, $comment, $date, $version)");
        }
    }
}
