package org.hilrig.runner.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.Durations;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;

/**
 * The serial frames of a trace as readable lines: time, link, direction, and the bytes with printable ASCII
 * as is and everything else as {@code <STX>}, {@code <ETX>} or {@code <xx>} (hex). Written into the evidence
 * folder as {@code transcripts/ID.txt} and shown in the report.
 */
public record SerialTranscript(List<Line> lines) {
    /** One frame. */
    public record Line(long timeNanos, String link, String direction, String text) {
        /** {@code 12.5 ms  gen rx  <STX>01,ACK,VER,...<ETX>}, time from the trace's zero. */
        @Override
        public String toString() {
            return String.format("%14s  %s %s  %s", Durations.format(timeNanos), link, direction, text);
        }
    }

    public SerialTranscript {
        lines = List.copyOf(lines);
    }

    public static SerialTranscript of(Trace trace) {
        List<Line> lines = new ArrayList<>();
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
            }

            @Override
            public void frame(long timeNanos, String link, String direction, byte[] bytes) {
                lines.add(new Line(timeNanos, link, direction, printable(bytes)));
            }
        });
        return new SerialTranscript(lines);
    }

    /** Printable ASCII as is, STX/ETX by name, other bytes as {@code <xx>}. */
    public static String printable(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c == 0x02) {
                b.append("<STX>");
            } else if (c == 0x03) {
                b.append("<ETX>");
            } else if (c >= 0x20 && c < 0x7f && c != '<') {
                b.append((char) c);
            } else {
                b.append('<').append(String.format("%02x", c)).append('>');
            }
        }
        return b.toString();
    }

    /** The transcript as UTF-8 text, one frame a line. */
    public byte[] toText() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
