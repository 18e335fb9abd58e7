package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.TraceHeader;
import org.junit.jupiter.api.Test;

/**
 * The writer holds at most 32 KiB of text: it writes its buffer out as soon as it holds that much, after
 * the declarations or any change, so a long live trace streams to its file instead of filling memory.
 */
class VcdWriterStreamingTest {
    private static final int FLUSH_CHARS = 32_768;

    private static TraceHeader header(SignalInfo... signals) {
        return new TraceHeader(List.of(signals), 1_000);
    }

    @Test
    void textStaysBufferedUntil32KiBAndGoesOutTheMomentItHoldsThatMuch() {
        StringWriter out = new StringWriter();
        VcdWriter w = new VcdWriter(out);
        w.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1)));
        String declarations = """
                $version org.hilrig VcdWriter $end
                $timescale 1ns $end
                $var wire 1 ! a $end
                $enddefinitions $end
                """;
        // then '#0', '$dumpvars' and 3 characters per change at time 0: 32768 = 97 + 13 + 3 * 10886
        int changes = (FLUSH_CHARS - declarations.length() - "#0\n$dumpvars\n".length()) / 3;
        assertThat(declarations.length() + 13 + 3 * changes).isEqualTo(FLUSH_CHARS);
        for (int i = 1; i < changes; i++) {
            w.digital(0, 0, i % 2 == 0 ? Level.LOW : Level.HIGH);
        }
        assertThat(out.getBuffer()).as("one change short of 32 KiB").isEmpty();
        w.digital(0, 0, Level.X);
        assertThat(out.getBuffer()).hasSize(FLUSH_CHARS);
        assertThat(out.toString()).startsWith(declarations + "#0\n$dumpvars\n1!\n0!\n").endsWith("1!\nx!\n");
        w.digital(5, 0, Level.Z);
        assertThat(out.getBuffer()).hasSize(FLUSH_CHARS);
        w.end(5);
        assertThat(out.toString()).endsWith("x!\n$end\n#5\nz!\n");
    }

    @Test
    void longDeclarationsGoOutBeforeTheFirstChange() {
        List<SignalInfo> signals = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            signals.add(new SignalInfo(i, "rig.board.signal_with_a_long_name_" + i, "signal_with_a_long_name_" + i,
                    SignalKind.DIGITAL, 1));
        }
        StringWriter out = new StringWriter();
        new VcdWriter(out).begin(new TraceHeader(signals, 1_000));
        assertThat(out.getBuffer().length()).isGreaterThanOrEqualTo(FLUSH_CHARS);
        assertThat(out.toString()).startsWith("$version org.hilrig VcdWriter $end\n");
    }

    @Test
    void manyDigitalVectorOrRealChangesStreamOutBeforeTheEnd() {
        StringWriter digital = new StringWriter();
        VcdWriter d = new VcdWriter(digital);
        d.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1)));
        StringWriter vector = new StringWriter();
        VcdWriter v = new VcdWriter(vector);
        v.begin(header(new SignalInfo(0, "bus", "bus", SignalKind.VECTOR, 8)));
        StringWriter real = new StringWriter();
        VcdWriter r = new VcdWriter(real);
        r.begin(header(new SignalInfo(0, "kv", "kv", SignalKind.REAL, 64)));
        for (int i = 0; i < 20_000; i++) {
            d.digital(i, 0, Level.of(i % 2 == 0));
            v.vector(i, 0, i % 2 == 0 ? "10100101" : "01011010");
            r.real(i, 0, i * 0.5);
        }
        assertThat(digital.getBuffer().length()).isGreaterThanOrEqualTo(FLUSH_CHARS);
        assertThat(vector.getBuffer().length()).isGreaterThanOrEqualTo(FLUSH_CHARS);
        assertThat(real.getBuffer().length()).isGreaterThanOrEqualTo(FLUSH_CHARS);
        d.end(20_000);
        assertThat(digital.toString()).endsWith("#19999\n0!\n#20000\n");
    }

    @Test
    void aSecondEndAtTheSameTimeWritesNothingMore() {
        StringWriter out = new StringWriter();
        VcdWriter w = new VcdWriter(out);
        w.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1)));
        w.digital(0, 0, Level.HIGH);
        w.end(10);
        String once = out.toString();
        w.end(10);
        assertThat(out.toString()).isEqualTo(once).endsWith("$end\n#10\n");
    }

    /** A signal named like a scope it follows leaves that scope first, so it reads back under its own path. */
    @Test
    void aSignalNamedLikeTheScopeBeforeItIsDeclaredOutsideIt() {
        StringWriter out = new StringWriter();
        VcdWriter w = new VcdWriter(out);
        w.begin(header(new SignalInfo(0, "x.y.z", "z", SignalKind.DIGITAL, 1),
                new SignalInfo(1, "x.y", "y", SignalKind.DIGITAL, 1)));
        w.end(0);
        assertThat(out.toString()).contains("""
                $scope module x $end
                $scope module y $end
                $var wire 1 ! z $end
                $upscope $end
                $var wire 1 " y $end
                $upscope $end
                """);
        ChangeLog back = ChangeLog.read(out.toString());
        assertThat(back.header.signals()).extracting(SignalInfo::path).containsExactly("x.y.z", "x.y");
    }

    @Test
    void aVectorIsDeclaredWithItsBitRange() {
        StringWriter out = new StringWriter();
        VcdWriter w = new VcdWriter(out);
        w.begin(header(new SignalInfo(0, "tb.bus", "bus", SignalKind.VECTOR, 4)));
        w.vector(0, 0, "10xz");
        w.end(0);
        assertThat(out.toString()).isEqualTo("""
                $version org.hilrig VcdWriter $end
                $timescale 1ns $end
                $scope module tb $end
                $var wire 4 ! bus [3:0] $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                b10xz !
                $end
                """);
    }

    @Test
    void aVectorValueWithAnotherCharacterIsRefused() {
        VcdWriter w = new VcdWriter(new StringWriter());
        w.begin(header(new SignalInfo(0, "bus", "bus", SignalKind.VECTOR, 4)));
        assertThatThrownBy(() -> w.vector(0, 0, "10a1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vector value '10a1' of signal 0 has a character other than 0 1 x z");
        assertThatThrownBy(() -> w.vector(0, 0, "")).hasMessage("empty vector value for signal 0");
    }

    @Test
    void aChangeOfASignalItWasNotToldOfIsRefused() {
        VcdWriter w = new VcdWriter(new StringWriter());
        w.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1), new SignalInfo(1, "kv", "kv", SignalKind.REAL, 64)));
        assertThatThrownBy(() -> w.digital(0, 2, Level.LOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no signal with id 2");
        assertThatThrownBy(() -> w.digital(0, -1, Level.LOW)).hasMessage("no signal with id -1");
        assertThatThrownBy(() -> w.digital(0, 1, Level.LOW)).hasMessage("signal 1 is REAL, not DIGITAL");
        assertThatThrownBy(() -> w.real(0, 0, 1.0)).hasMessage("signal 0 is DIGITAL, not REAL");
    }

    @Test
    void aFailingOutputIsARigFailure() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        VcdWriter w = new VcdWriter(broken);
        w.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1)));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 20_000; i++) {
                w.digital(i, 0, Level.of(i % 2 == 0));
            }
        }).isInstanceOf(RigFailureException.class).hasMessage("cannot write VCD: disk full");
        VcdWriter atEnd = new VcdWriter(broken);
        atEnd.begin(header(new SignalInfo(0, "a", "a", SignalKind.DIGITAL, 1)));
        assertThatThrownBy(() -> atEnd.end(0)).isInstanceOf(RigFailureException.class).hasMessage("cannot write VCD: disk full");
    }
}
