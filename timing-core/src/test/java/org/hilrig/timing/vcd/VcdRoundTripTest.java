package org.hilrig.timing.vcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.SignalInfo;
import org.hilrig.timing.trace.SignalKind;
import org.hilrig.timing.trace.Trace;
import org.hilrig.timing.trace.TraceHeader;

/** Trace -> VcdWriter -> VcdReader -> Trace gives the same trace, hash for hash. */
class VcdRoundTripTest {

    @Property(tries = 300)
    void anyTraceReadsBackWithTheSameSignalsAndHash(@ForAll("traces") Trace trace) {
        Trace back = roundTrip(trace);

        assertThat(back.signals()).isEqualTo(trace.signals());
        assertThat(back.changeCount()).isEqualTo(trace.changeCount());
        assertThat(back.endNanos()).isEqualTo(trace.endNanos());
        assertThat(back.sha256Hex()).isEqualTo(trace.sha256Hex());
    }

    @Property(tries = 100)
    void writingTheSameTraceTwiceGivesTheSameBytes(@ForAll("traces") Trace trace) {
        assertThat(write(trace)).isEqualTo(write(trace));
    }

    @Example
    void doorOpeningWithHvFeedbackRoundTrips() {
        Trace trace = new Trace();
        int door = trace.declareDigital("rig.door_closed");
        int hv = trace.declareDigital("rig.gen.hv_enable");
        int kv = trace.declareReal("rig.gen.kv_feedback");
        trace.digital(0, door, Level.HIGH);
        trace.digital(0, hv, Level.HIGH);
        trace.real(0, kv, 80.0);
        trace.digital(5_000_000, door, Level.LOW);
        trace.digital(5_412_000, hv, Level.LOW);
        trace.real(5_412_000, kv, 79.98765432101234);
        trace.real(5_500_000, kv, 0.1 + 0.2);
        trace.end(6_000_000);

        Trace back = roundTrip(trace);

        assertThat(back.sha256Hex()).isEqualTo(trace.sha256Hex());
        assertThat(back.find("hv_enable").path()).isEqualTo("rig.gen.hv_enable");
    }

    @Example
    void anEmptyTraceRoundTrips() {
        Trace trace = new Trace();
        trace.declareDigital("lonely");
        trace.end(0);

        assertThat(roundTrip(trace).sha256Hex()).isEqualTo(trace.sha256Hex());
    }

    @Example
    void signalsOfAScopeThatAreNotConsecutiveKeepTheirIds() {
        Trace trace = new Trace();
        int ax = trace.declareDigital("a.x");
        int by = trace.declareDigital("b.y");
        int az = trace.declareDigital("a.z");
        int top = trace.declareDigital("top_level");
        int deep = trace.declareReal("a.b.c.d");
        trace.digital(3, ax, Level.X);
        trace.digital(3, by, Level.Z);
        trace.digital(3, az, Level.HIGH);
        trace.digital(3, top, Level.LOW);
        trace.real(4, deep, -0.0);

        Trace back = roundTrip(trace);

        assertThat(back.signals()).isEqualTo(trace.signals());
        assertThat(back.sha256Hex()).isEqualTo(trace.sha256Hex());
    }

    @Example
    void specialRealsRoundTrip() {
        Trace trace = new Trace();
        int r = trace.declareReal("r");
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 1e21, 1e-7, 123456789.125, 2.0E-3};
        for (int i = 0; i < values.length; i++) {
            trace.real(i, r, values[i]);
        }

        assertThat(roundTrip(trace).sha256Hex()).isEqualTo(trace.sha256Hex());
    }

    @Example
    void aTraceWithMoreSignalsThanOneCharacterCodesRoundTrips() {
        Trace trace = new Trace();
        int n = 94 * 94 + 10;
        for (int i = 0; i < n; i++) {
            trace.declareDigital("s.n" + i);
        }
        for (int i = 0; i < n; i++) {
            trace.digital(i / 100, i, Level.of(i % 3 == 0));
        }

        assertThat(roundTrip(trace).sha256Hex()).isEqualTo(trace.sha256Hex());
    }

    // ---- helpers -----------------------------------------------------------------------------

    static byte[] write(Trace trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trace.replay(new VcdWriter(out));
        return out.toByteArray();
    }

    static Trace roundTrip(Trace trace) {
        Trace back = new Trace();
        VcdReader.read(new ByteArrayInputStream(write(trace)), "round-trip.vcd", back);
        return back;
    }

    private record SignalSpec(String path, SignalKind kind, int width) {
    }

    private record ChangeSpec(long deltaNanos, int signal, long valueBits) {
    }

    @Provide
    Arbitrary<Trace> traces() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abcxyz_019").ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> path = name.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
        Arbitrary<SignalSpec> signal = Combinators.combine(path, Arbitraries.of(SignalKind.values()),
                Arbitraries.integers().between(2, 24)).as(SignalSpec::new);
        Arbitrary<List<SignalSpec>> signals = signal.list().ofMinSize(1).ofMaxSize(8).uniqueElements(SignalSpec::path);
        Arbitrary<Long> delta = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 1_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 1_000_000_000_000L)));
        Arbitrary<ChangeSpec> change = Combinators.combine(delta, Arbitraries.integers().between(0, 1_000),
                Arbitraries.longs()).as(ChangeSpec::new);
        return Combinators.combine(signals, change.list().ofMaxSize(120), Arbitraries.longs().between(0, 5_000))
                .as(VcdRoundTripTest::build);
    }

    private static Trace build(List<SignalSpec> specs, List<ChangeSpec> changes, long tailNanos) {
        List<SignalInfo> infos = new ArrayList<>();
        for (SignalSpec s : specs) {
            int width = switch (s.kind()) {
                case DIGITAL -> 1;
                case REAL -> 64;
                case VECTOR -> s.width();
            };
            String reference = s.path().substring(s.path().lastIndexOf('.') + 1);
            infos.add(new SignalInfo(infos.size(), s.path(), reference, s.kind(), width));
        }
        Trace trace = new Trace();
        trace.begin(new TraceHeader(infos, 1_000));
        long t = 0;
        for (ChangeSpec c : changes) {
            t += c.deltaNanos();
            SignalInfo s = infos.get(c.signal() % infos.size());
            long v = c.valueBits();
            switch (s.kind()) {
                case DIGITAL -> trace.digital(t, s.id(), Level.values()[(int) (v & 3)]);
                case REAL -> trace.real(t, s.id(), (v & 1) == 0 ? Double.longBitsToDouble(v) : (v >> 20) / 1000.0);
                case VECTOR -> {
                    StringBuilder bits = new StringBuilder();
                    for (int i = 0; i < s.width(); i++) {
                        bits.append("0101010101xz".charAt((int) Long.remainderUnsigned(v >>> (2 * i), 12)));
                    }
                    trace.vector(t, s.id(), bits.toString());
                }
            }
        }
        trace.end(t + tailNanos);
        return trace;
    }
}
