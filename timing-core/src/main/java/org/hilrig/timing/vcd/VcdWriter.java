package org.hilrig.timing.vcd;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;

/**
 * Writes a trace as an IEEE 1364 VCD file that GTKWave, Surfer and PulseView open. Replay a trace into
 * it ({@code trace.replay(new VcdWriter(out))}) or subscribe it to a live one.
 *
 * <p>The output is a pure function of the changes: no {@code $date}, no wall clock, so equal traces
 * give identical bytes. Layout, for signals {@code rig.gen.hv_enable} (digital) and {@code rig.kv}
 * (real):
 *
 * <pre>
 * $version org.hilrig VcdWriter $end
 * $timescale 1ns $end
 * $scope module rig $end
 * $scope module gen $end
 * $var wire 1 ! hv_enable $end
 * $upscope $end
 * $var real 64 " kv $end
 * $upscope $end
 * $enddefinitions $end
 * #0
 * $dumpvars
 * 1!
 * r0 "
 * $end
 * #5412
 * 0!
 * r3.3 "
 * </pre>
 *
 * <p>Scopes come from the dotted paths, opened and closed so that variables appear in signal id order
 * (a scope is opened again when signals of one scope are not consecutive), which makes {@link
 * VcdReader} give back the same ids. Identifier codes are the shortest printable ones ({@code !},
 * {@code "}, ... {@code ~}, {@code !!}, ...) in id order. Digital signals are {@code $var wire 1},
 * vectors {@code $var wire N} with a {@code [N-1:0]} range, reals {@code $var real 64} with values in
 * the shortest decimal that reads back as the same double. The changes at the first time stamp are in
 * {@code $dumpvars}; a {@code #t} line is written only when time advances, and a last {@code #t} at the
 * trace's end when that is later than its last change. Serial frames are not VCD values and are left
 * out, and nothing but time stamps and values follows {@code $enddefinitions}: libsigrok 0.5 (PulseView
 * 0.4) stops reading at the first comment, vector or real value there, so a trace of digital signals
 * only opens in it completely (one with reals or vectors opens up to the first such value).
 *
 * <p>Confined to one thread. Output is buffered and complete once {@link #end(long)} returns (which
 * flushes); the caller closes the stream or writer. An I/O failure raises {@link
 * RigFailureException}; a signal path that VCD cannot name (empty part, white space, {@code $}) or a
 * change out of time order raises {@link IllegalArgumentException}.
 */
public final class VcdWriter implements ChangeListener {
    private static final int FLUSH_CHARS = 1 << 15;

    private final Writer out;
    private final StringBuilder text = new StringBuilder(FLUSH_CHARS + 1024);
    private String[] codes = new String[0];
    private SignalKind[] kinds = new SignalKind[0];
    private boolean begun;
    private long time = -1;
    private boolean dumpvarsOpen;

    /** Writes to {@code out}; the caller closes it. */
    public VcdWriter(Writer out) {
        this.out = out;
    }

    /** Writes UTF-8 (ASCII unless signal names are not) to {@code out}; the caller closes it. */
    public VcdWriter(OutputStream out) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void begin(TraceHeader header) {
        if (begun) {
            throw new IllegalStateException("a VcdWriter writes one trace");
        }
        begun = true;
        List<SignalInfo> signals = header.signals();
        codes = new String[signals.size()];
        kinds = new SignalKind[signals.size()];
        text.append("$version org.hilrig VcdWriter $end\n");
        text.append("$timescale 1ns $end\n");
        List<String> open = new ArrayList<>();
        for (SignalInfo s : signals) {
            String[] parts = s.path().split("\\.", -1);
            for (String part : parts) {
                checkName(part, s.path());
            }
            int common = 0;
            while (common < open.size() && common < parts.length - 1 && open.get(common).equals(parts[common])) {
                common++;
            }
            while (open.size() > common) {
                open.remove(open.size() - 1);
                text.append("$upscope $end\n");
            }
            for (int i = common; i < parts.length - 1; i++) {
                open.add(parts[i]);
                text.append("$scope module ").append(parts[i]).append(" $end\n");
            }
            String code = code(s.id());
            codes[s.id()] = code;
            kinds[s.id()] = s.kind();
            String name = parts[parts.length - 1];
            switch (s.kind()) {
                case DIGITAL -> text.append("$var wire 1 ").append(code).append(' ').append(name).append(" $end\n");
                case VECTOR -> text.append("$var wire ").append(s.width()).append(' ').append(code).append(' ')
                        .append(name).append(" [").append(s.width() - 1).append(":0] $end\n");
                case REAL -> text.append("$var real 64 ").append(code).append(' ').append(name).append(" $end\n");
            }
        }
        for (int i = 0; i < open.size(); i++) {
            text.append("$upscope $end\n");
        }
        text.append("$enddefinitions $end\n");
        flushIfFull();
    }

    @Override
    public void digital(long timeNanos, int signalId, Level level) {
        at(timeNanos);
        text.append(level.vcdChar()).append(code(signalId, SignalKind.DIGITAL)).append('\n');
        flushIfFull();
    }

    @Override
    public void vector(long timeNanos, int signalId, String bits) {
        for (int i = 0; i < bits.length(); i++) {
            if (Level.ofVcd(bits.charAt(i)) == null) {
                throw new IllegalArgumentException("vector value '" + bits + "' of signal " + signalId
                        + " has a character other than 0 1 x z");
            }
        }
        if (bits.isEmpty()) {
            throw new IllegalArgumentException("empty vector value for signal " + signalId);
        }
        at(timeNanos);
        text.append('b').append(bits).append(' ').append(code(signalId, SignalKind.VECTOR)).append('\n');
        flushIfFull();
    }

    @Override
    public void real(long timeNanos, int signalId, double value) {
        at(timeNanos);
        text.append('r').append(RealText.format(value)).append(' ').append(code(signalId, SignalKind.REAL)).append('\n');
        flushIfFull();
    }

    /** Serial frames are not VCD values: they are left out (see the class comment). */
    @Override
    public void frame(long timeNanos, String link, String direction, byte[] bytes) {
    }

    @Override
    public void end(long endNanos) {
        if (!begun) {
            throw new IllegalStateException("end before begin");
        }
        if (endNanos < time) {
            throw new IllegalArgumentException("trace end " + endNanos + " ns is before the last change at " + time + " ns");
        }
        closeDumpvars();
        if (endNanos > time) {
            text.append('#').append(endNanos).append('\n');
            time = endNanos;
        }
        try {
            out.write(text.toString());
            text.setLength(0);
            out.flush();
        } catch (IOException e) {
            throw new RigFailureException("cannot write VCD: " + e.getMessage(), e);
        }
    }

    private void at(long timeNanos) {
        if (timeNanos == time) {
            return;
        }
        if (!begun) {
            throw new IllegalStateException("change before begin");
        }
        if (timeNanos < time) {
            throw new IllegalArgumentException("change at " + timeNanos + " ns is before the previous one at " + time + " ns");
        }
        if (time < 0) {
            text.append('#').append(timeNanos).append("\n$dumpvars\n");
            dumpvarsOpen = true;
        } else {
            closeDumpvars();
            text.append('#').append(timeNanos).append('\n');
        }
        time = timeNanos;
    }

    private void closeDumpvars() {
        if (dumpvarsOpen) {
            text.append("$end\n");
            dumpvarsOpen = false;
        }
    }

    private String code(int signalId, SignalKind expected) {
        if (signalId < 0 || signalId >= codes.length) {
            throw new IllegalArgumentException("no signal with id " + signalId);
        }
        if (kinds[signalId] != expected) {
            throw new IllegalArgumentException("signal " + signalId + " is " + kinds[signalId] + ", not " + expected);
        }
        return codes[signalId];
    }

    private void flushIfFull() {
        if (text.length() >= FLUSH_CHARS) {
            try {
                out.write(text.toString());
            } catch (IOException e) {
                throw new RigFailureException("cannot write VCD: " + e.getMessage(), e);
            }
            text.setLength(0);
        }
    }

    /** The identifier code of signal {@code index}: bijective base 94 over {@code !..~}. */
    static String code(int index) {
        StringBuilder s = new StringBuilder(4);
        int i = index;
        for (;;) {
            s.append((char) ('!' + i % 94));
            i /= 94;
            if (i == 0) {
                return s.toString();
            }
            i--;
        }
    }

    private static void checkName(String part, String path) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("signal path '" + path + "' has an empty part");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '$') {
                throw new IllegalArgumentException("signal path '" + path + "' has a character VCD cannot carry in a name: "
                        + String.format("U+%04X", (int) c));
            }
        }
    }
}
