package org.hilrig.timing.vcd;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;

/**
 * Splits a VCD byte stream into whitespace-separated tokens without making a String per token: the
 * current token is {@code buf[tokStart, tokEnd)}, valid until the next call to {@link #nextToken()}.
 * Keeps the line and column of every token for error messages (1-based, columns in bytes).
 *
 * <p>Memory is one buffer of 64 KiB, grown only for a token longer than that (a wide vector), up to
 * {@link #MAX_TOKEN_BYTES}. Confined to one thread; does not close the stream.
 */
final class VcdInput {
    static final int MAX_TOKEN_BYTES = 1 << 24;
    /** Messages show at most this many bytes of a token. */
    static final int QUOTED_BYTES = 40;
    private static final boolean[] WHITESPACE = new boolean[256];

    static {
        for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0b}) {
            WHITESPACE[c] = true;
        }
    }

    private final InputStream in;
    private final String source;
    private boolean eof;

    byte[] buf = new byte[1 << 16];
    int tokStart;
    int tokEnd;
    private int pos;
    private int limit;
    /** Absolute stream offset of {@code buf[0]}. */
    private long base;
    private int line = 1;
    /** Absolute stream offset of the first byte of the current line. */
    private long lineStart;

    VcdInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Advances to the next token; false at the end of the stream. */
    boolean nextToken() {
        byte[] b = buf;
        int p = pos;
        for (;;) {
            if (p >= limit) {
                pos = p;
                if (!refillEmpty()) {
                    return false;
                }
                p = 0;
                b = buf;
                continue;
            }
            byte c = b[p];
            if (!WHITESPACE[c & 0xff]) {
                break;
            }
            if (c == '\n') {
                line++;
                lineStart = base + p + 1;
            }
            p++;
        }
        tokStart = p;
        for (;;) {
            int lim = limit;
            while (p < lim && !WHITESPACE[b[p] & 0xff]) {
                p++;
            }
            if (p < lim || eof) {
                break;
            }
            int shift = keepTokenAndRead();
            p -= shift;
            b = buf;
        }
        tokEnd = p;
        pos = p;
        return true;
    }

    /**
     * The token as a String (for header parsing and messages, not for the hot path): UTF-8, of which ASCII
     * (all that IEEE 1364 names use) is a part.
     *
     * @throws BadInputException at the first byte that is not UTF-8
     */
    String tokenString() {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(buf, tokStart, tokEnd - tokStart);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(tokEnd - tokStart);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            throw error(line, columnOf(bad), "not UTF-8 text: " + quote(bad, bad + r.length()) + " in "
                    + quote(tokStart, tokEnd) + " is not part of a UTF-8 character");
        }
        return out.flip().toString();
    }

    /** True when the current token is exactly the ASCII keyword {@code k}. */
    boolean tokenIs(String k) {
        int n = tokEnd - tokStart;
        if (n != k.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[tokStart + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    int tokenLine() {
        return line;
    }

    /** Column of buffer index {@code index} on the current line. */
    int columnOf(int index) {
        return (int) (base + index - lineStart + 1);
    }

    int tokenColumn() {
        return columnOf(tokStart);
    }

    int endColumn() {
        return columnOf(pos);
    }

    BadInputException error(int atLine, int atColumn, String what) {
        return new BadInputException(source, atLine, atColumn, what);
    }

    BadInputException errorAtToken(String what) {
        return error(line, tokenColumn(), what);
    }

    BadInputException errorAtEnd(String what) {
        return error(line, endColumn(), what);
    }

    /** A printable, one-line, length-capped rendering of {@code buf[from, to)} for messages. */
    String quote(int from, int to) {
        return quote(buf, from, to);
    }

    static String quote(byte[] bytes, int from, int to) {
        return quote(bytes, from, to, to - from);
    }

    /** Quotes {@code bytes[from, to)}, the first bytes of a token {@code totalLength} bytes long. */
    static String quote(byte[] bytes, int from, int to, int totalLength) {
        StringBuilder s = new StringBuilder().append('\'');
        int end = Math.min(to, from + QUOTED_BYTES);
        for (int i = from; i < end; i++) {
            int c = bytes[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        if (totalLength > end - from) {
            s.append("...(").append(totalLength).append(" bytes)");
        }
        return s.append('\'').toString();
    }

    String quoteToken() {
        return quote(tokStart, tokEnd);
    }

    private boolean refillEmpty() {
        base += limit;
        limit = 0;
        pos = 0;
        if (eof) {
            return false;
        }
        readMore();
        return limit > 0;
    }

    /** Moves the partial token to the buffer's start (growing it if needed), reads more; returns the shift. */
    private int keepTokenAndRead() {
        int shift = tokStart;
        int keep = limit - tokStart;
        if (shift > 0) {
            System.arraycopy(buf, tokStart, buf, 0, keep);
            base += shift;
            tokStart = 0;
            limit = keep;
        } else if (limit == buf.length) {
            if (buf.length >= MAX_TOKEN_BYTES) {
                throw errorAtToken("token longer than " + MAX_TOKEN_BYTES + " bytes (tokens are separated by white"
                        + " space): " + quote(buf, tokStart, Math.min(limit, tokStart + QUOTED_BYTES)) + "...");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        readMore();
        return shift;
    }

    private void readMore() {
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new RigFailureException(source + ": cannot read: " + e.getMessage(), e);
        }
    }
}
