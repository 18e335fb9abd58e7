package org.hilrig.timing.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a trace records, what its subscribers see live, what it refuses, and what its hash covers. */
class TraceRecordingTest {

    /** Everything a listener is told, as lines. */
    static final class Log implements ChangeListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void begin(TraceHeader header) {
            lines.add("begin " + header.signals().stream().map(SignalInfo::path).toList() + " " + header.resolutionPicos() + "ps");
        }

        @Override
        public void digital(long t, int id, Level level) {
            lines.add(t + " d" + id + "=" + level);
        }

        @Override
        public void vector(long t, int id, String bits) {
            lines.add(t + " v" + id + "=" + bits);
        }

        @Override
        public void real(long t, int id, double v) {
            lines.add(t + " r" + id + "=" + v);
        }

        @Override
        public void frame(long t, String link, String dir, byte[] bytes) {
            lines.add(t + " " + link + " " + dir + " " + java.util.Arrays.toString(bytes));
        }

        @Override
        public void end(long t) {
            lines.add("end " + t);
        }
    }

    @Test
    void subscribersSeeEveryKindOfChangeAsItIsRecordedAndReplayGivesTheSame() {
        Trace t = new Trace();
        Log live = new Log();
        t.subscribe(live);
        int door = t.declareDigital("rig.door_closed");
        int kv = t.declareReal("gen.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.real(0, kv, 80.5);
        byte[] frame = {2, 'S', 3};
        t.frame(5, "gen", "rx", frame);
        frame[1] = 'X'; // the trace keeps its own copy
        t.digital(5, door, Level.X);
        t.end(9);
        List<String> expected = List.of("begin [rig.door_closed, gen.kv_fb] 1000ps", "0 d0=HIGH", "0 r1=80.5",
                "5 gen rx [2, 83, 3]", "5 d0=X", "end 9");
        assertThat(live.lines).isEqualTo(expected);
        Log replayed = new Log();
        t.replay(replayed);
        assertThat(replayed.lines).isEqualTo(expected);
        assertThat(t.changeCount()).isEqualTo(4);
        assertThat(t.endNanos()).isEqualTo(9);
    }

    @Test
    void vectorsFromAReadFileAreRecordedAndDelivered() {
        Trace t = new Trace();
        t.begin(new TraceHeader(List.of(new SignalInfo(0, "tb.bus", "bus", SignalKind.VECTOR, 4)), 1));
        Log live = new Log();
        t.subscribe(live);
        t.vector(3, 0, "10xz");
        t.vector(4, 0, "0000");
        t.end(4);
        assertThat(live.lines).containsExactly("begin [tb.bus] 1ps", "3 v0=10xz", "4 v0=0000", "end 4");
        Log replayed = new Log();
        t.replay(replayed);
        assertThat(replayed.lines).isEqualTo(live.lines);
        assertThat(t.header().resolutionPicos()).isEqualTo(1);
        assertThat(t.signals()).containsExactly(new SignalInfo(0, "tb.bus", "bus", SignalKind.VECTOR, 4));
    }

    @Test
    void aSubscriberAddedAfterTheFirstChangeGetsTheHeaderAtOnceAndOnlyLaterChanges() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        t.digital(1, a, Level.HIGH);
        Log late = new Log();
        t.subscribe(late);
        t.digital(2, a, Level.LOW);
        assertThat(late.lines).containsExactly("begin [a] 1000ps", "2 d0=LOW");
    }

    @Test
    void takingAHeaderBeginsTheTraceSoNothingMoreCanBeDeclared() {
        Trace t = new Trace();
        Log early = new Log();
        t.subscribe(early);
        t.begin(new TraceHeader(List.of(new SignalInfo(0, "tb.clk", "clk", SignalKind.DIGITAL, 1)), 10));
        assertThat(early.lines).containsExactly("begin [tb.clk] 10ps");
        assertThatThrownBy(() -> t.declareDigital("tb.rst")).isInstanceOf(IllegalStateException.class)
                .hasMessage("signal tb.rst declared after the trace began");
        assertThatThrownBy(() -> t.begin(new TraceHeader(List.of(), 1000))).isInstanceOf(IllegalStateException.class)
                .hasMessage("a trace can take a header only while empty");
        Trace declared = new Trace();
        declared.declareReal("x");
        assertThatThrownBy(() -> declared.begin(new TraceHeader(List.of(), 1000)))
                .hasMessage("a trace can take a header only while empty");
    }

    @Test
    void endingAnEmptyTraceBeginsItFirst() {
        Trace t = new Trace();
        t.declareDigital("a");
        Log log = new Log();
        t.subscribe(log);
        assertThat(t.endNanos()).isZero();
        t.end(0);
        assertThat(log.lines).containsExactly("begin [a] 1000ps", "end 0");
        assertThatThrownBy(() -> t.declareDigital("b")).hasMessage("signal b declared after the trace began");
        assertThatThrownBy(() -> t.digital(0, 0, Level.LOW)).isInstanceOf(IllegalStateException.class)
                .hasMessage("change at 0 ns after the trace ended");
    }

    @Test
    void aTraceEndedAtTimeZeroEndsThereEvenAfterChangesBeforeIt() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        t.digital(-5, a, Level.HIGH); // a scheduler may start before time zero
        assertThat(t.endNanos()).isEqualTo(-5);
        t.end(0);
        assertThat(t.endNanos()).isZero();
    }

    @Test
    void changesAtTheSameTimeAreKeptAndTheEndMayEqualTheLastChange() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        t.digital(7, a, Level.HIGH);
        t.digital(7, a, Level.LOW);
        t.digital(7, a, Level.HIGH);
        assertThat(t.endNanos()).as("the last change while not ended").isEqualTo(7);
        assertThatThrownBy(() -> t.end(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trace end 6 ns is before its last change at 7 ns");
        t.end(7);
        assertThat(t.changeCount()).isEqualTo(3);
        assertThat(t.endNanos()).isEqualTo(7);
    }

    @Test
    void aChangeOfAnUndeclaredSignalIsRefused() {
        Trace t = new Trace();
        t.declareDigital("a");
        t.declareReal("b");
        assertThatThrownBy(() -> t.digital(0, 2, Level.LOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no signal with id 2");
        assertThatThrownBy(() -> t.real(0, -1, 1.0)).hasMessage("no signal with id -1");
        assertThat(t.changeCount()).isZero();
    }

    @Test
    void aTraceGrowsPastItsFirstArraysKeepingEveryChange() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        for (int i = 0; i < 5_000; i++) {
            t.digital(i, a, Level.of(i % 2 == 0));
        }
        List<String> seen = new ArrayList<>();
        t.replay(new ChangeListener() {
            @Override
            public void digital(long time, int id, Level level) {
                if (time % 1_000 == 999) {
                    seen.add(time + "=" + level);
                }
            }
        });
        assertThat(seen).containsExactly("999=LOW", "1999=LOW", "2999=LOW", "3999=LOW", "4999=LOW");
        assertThat(t.changeCount()).isEqualTo(5_000);
    }

    // ---- the hash ------------------------------------------------------------------------------------

    private static Trace traceOf(Consumer<Trace> body) {
        Trace t = new Trace();
        body.accept(t);
        return t;
    }

    private static void base(Trace t) {
        int door = t.declareDigital("rig.door_closed");
        int kv = t.declareReal("gen.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.real(0, kv, 0.0);
        t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
        t.digital(100, door, Level.LOW);
        t.end(105);
    }

    /**
     * The canonical form is a contract: the scenario library's trace_sha256 values depend on it. The value
     * was computed apart from this code, from the form itself: per signal its UTF-8 path, a 0 byte and its
     * kind's ordinal; per change the big-endian time (8 bytes), id (4, -1 for frames) and record kind (1:
     * digital 0, real 1, frame 2, vector 3), then the level's ordinal or the double's bits (8), or for a
     * frame {@code link \0 direction \0}, the length (4) and the bytes; last the end time (8).
     */
    @Test
    void theHashOfAKnownTraceIsFixed() {
        assertThat(traceOf(TraceRecordingTest::base).sha256Hex())
                .isEqualTo("2db20622e2cb767a5b543fadb4d689fc97b915a519ea036ceaa8a49650877f06");
    }

    @Test
    void everyPartOfATraceIsInItsHash() {
        List<Trace> variants = List.of(
                traceOf(TraceRecordingTest::base),
                traceOf(t -> { // another path
                    int door = t.declareDigital("rig.door_open");
                    int kv = t.declareReal("gen.kv_fb");
                    t.digital(0, door, Level.HIGH);
                    t.real(0, kv, 0.0);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.digital(100, door, Level.LOW);
                    t.end(105);
                }),
                traceOf(t -> { // the same paths, the kinds swapped
                    int door = t.declareReal("rig.door_closed");
                    int kv = t.declareDigital("gen.kv_fb");
                    t.real(0, door, 0.0);
                    t.digital(0, kv, Level.HIGH);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.real(100, door, 1.0);
                    t.end(105);
                }),
                traceOf(t -> { // a level
                    int door = t.declareDigital("rig.door_closed");
                    int kv = t.declareReal("gen.kv_fb");
                    t.digital(0, door, Level.X);
                    t.real(0, kv, 0.0);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.digital(100, door, Level.LOW);
                    t.end(105);
                }),
                traceOf(t -> { // a real value
                    int door = t.declareDigital("rig.door_closed");
                    int kv = t.declareReal("gen.kv_fb");
                    t.digital(0, door, Level.HIGH);
                    t.real(0, kv, -0.0);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.digital(100, door, Level.LOW);
                    t.end(105);
                }),
                traceOf(t -> frameVariant(t, "gen", "rx", new byte[] {2, 'A', 3})),
                traceOf(t -> frameVariant(t, "tub", "tx", new byte[] {2, 'A', 3})),
                traceOf(t -> frameVariant(t, "gen", "tx", new byte[] {2, 'B', 3})),
                traceOf(t -> frameVariant(t, "gen", "tx", new byte[] {2, 'A', 3, 0})),
                traceOf(t -> frameVariant(t, "ge", "ntx", new byte[] {2, 'A', 3})),
                traceOf(t -> frameVariant(t, "gen", "tx", new byte[] {})),
                traceOf(t -> { // a change time
                    int door = t.declareDigital("rig.door_closed");
                    int kv = t.declareReal("gen.kv_fb");
                    t.digital(0, door, Level.HIGH);
                    t.real(0, kv, 0.0);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.digital(101, door, Level.LOW);
                    t.end(105);
                }),
                traceOf(t -> { // the end
                    int door = t.declareDigital("rig.door_closed");
                    int kv = t.declareReal("gen.kv_fb");
                    t.digital(0, door, Level.HIGH);
                    t.real(0, kv, 0.0);
                    t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
                    t.digital(100, door, Level.LOW);
                    t.end(106);
                }),
                vectorTrace("0101", 3),
                vectorTrace("0110", 3),
                vectorTrace("01", 3),
                vectorTrace("0101", 4));
        Set<String> hashes = new HashSet<>();
        for (Trace v : variants) {
            assertThat(v.sha256Hex()).hasSize(64).matches("[0-9a-f]{64}");
            hashes.add(v.sha256Hex());
        }
        assertThat(hashes).hasSize(variants.size());
        assertThat(traceOf(TraceRecordingTest::base).sha256Hex()).isEqualTo(traceOf(TraceRecordingTest::base).sha256Hex());
    }

    private static void frameVariant(Trace t, String link, String direction, byte[] bytes) {
        int door = t.declareDigital("rig.door_closed");
        int kv = t.declareReal("gen.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.real(0, kv, 0.0);
        t.frame(10, link, direction, bytes);
        t.digital(100, door, Level.LOW);
        t.end(105);
    }

    private static Trace vectorTrace(String bits, long time) {
        Trace t = new Trace();
        t.begin(new TraceHeader(List.of(new SignalInfo(0, "tb.bus", "bus", SignalKind.VECTOR, 4)), 1000));
        t.vector(time, 0, bits);
        t.vector(4, 0, "1111");
        t.end(5);
        return t;
    }

    /**
     * A glitch back and forth at one instant is stored change by change: a repeat needs a period, and a change
     * at the time of the one it repeats has none. Periodic changes after it are compressed again. (Pins
     * {@code Trace.repeats}' strict comparison of times and {@code storedCount}, two PIT survivors.)
     */
    @Test
    void changesAtOneInstantAreNotARepeatButChangesOnePeriodApartAre() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        t.digital(5, a, Level.HIGH);
        t.digital(5, a, Level.LOW);
        t.digital(5, a, Level.HIGH);
        t.digital(5, a, Level.LOW);
        assertThat(t.storedCount()).isEqualTo(4);
        for (int k = 1; k <= 6; k++) {
            t.digital(5 + 10L * k, a, k % 2 == 1 ? Level.HIGH : Level.LOW);
        }
        assertThat(t.changeCount()).isEqualTo(10);
        assertThat(t.storedCount()).as("the six periodic changes in few entries").isBetween(5, 7);
        Log all = new Log();
        t.replay(all);
        assertThat(all.lines).containsExactly("begin [a] 1000ps", "5 d0=HIGH", "5 d0=LOW", "5 d0=HIGH", "5 d0=LOW",
                "15 d0=HIGH", "25 d0=LOW", "35 d0=HIGH", "45 d0=LOW", "55 d0=HIGH", "65 d0=LOW", "end 65");
    }

    /**
     * A repeat may reach back over every change recorded so far: the fifth change repeats the first, one
     * period of four changes later, and the sixth continues that repeat. (Pins the inclusive bound of
     * {@code Trace.repeats}' search, a PIT survivor.)
     */
    @Test
    void aRepeatMayReachBackToTheFirstChange() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        int b = t.declareDigital("b");
        t.digital(1, a, Level.HIGH);
        t.digital(2, b, Level.HIGH);
        t.digital(3, a, Level.LOW);
        t.digital(4, b, Level.LOW);
        t.digital(5, a, Level.HIGH);
        t.digital(6, b, Level.HIGH);
        assertThat(t.storedCount()).as("four changes and one repeat of two").isEqualTo(5);
        Log all = new Log();
        t.replay(all);
        assertThat(all.lines).containsExactly("begin [a, b] 1000ps", "1 d0=HIGH", "2 d1=HIGH", "3 d0=LOW", "4 d1=LOW",
                "5 d0=HIGH", "6 d1=HIGH", "end 6");
    }
}
