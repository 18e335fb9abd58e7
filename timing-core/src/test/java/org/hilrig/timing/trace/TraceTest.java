package org.hilrig.timing.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TraceTest {

    private static Trace sample(long lastTime) {
        Trace t = new Trace();
        int door = t.declareDigital("rig.door_closed");
        int kv = t.declareReal("gen.kv_fb");
        t.digital(0, door, Level.HIGH);
        t.real(0, kv, 0.0);
        t.frame(10, "gen", "tx", new byte[] {2, 'A', 3});
        t.digital(lastTime, door, Level.LOW);
        t.end(lastTime + 5);
        return t;
    }

    @Test
    void replayDeliversEverythingInOrder() {
        List<String> seen = new ArrayList<>();
        sample(100).replay(new ChangeListener() {
            @Override
            public void begin(TraceHeader header) {
                seen.add("begin " + header.signals().size());
            }

            @Override
            public void digital(long t, int id, Level level) {
                seen.add(t + " d" + id + "=" + level);
            }

            @Override
            public void real(long t, int id, double v) {
                seen.add(t + " r" + id + "=" + v);
            }

            @Override
            public void frame(long t, String link, String dir, byte[] bytes) {
                seen.add(t + " " + link + " " + dir + " " + bytes.length);
            }

            @Override
            public void end(long t) {
                seen.add("end " + t);
            }
        });
        assertThat(seen).containsExactly("begin 2", "0 d0=HIGH", "0 r1=0.0", "10 gen tx 3", "100 d0=LOW", "end 105");
    }

    @Test
    void equalTracesHashEquallyAndAnyDifferenceChangesTheHash() {
        assertThat(sample(100).sha256Hex()).isEqualTo(sample(100).sha256Hex()).hasSize(64);
        assertThat(sample(101).sha256Hex()).isNotEqualTo(sample(100).sha256Hex());
    }

    @Test
    void changesGoingBackInTimeAreRefused() {
        Trace t = new Trace();
        int a = t.declareDigital("a");
        t.digital(50, a, Level.HIGH);
        assertThatThrownBy(() -> t.digital(49, a, Level.LOW))
                .hasMessage("change at 49 ns is before the previous one at 50 ns");
    }

    @Test
    void findPrefersTheFullPathOverTheReference() {
        Trace t = new Trace();
        t.declareDigital("gen.ready");
        t.declareDigital("ready");
        assertThat(t.find("ready").path()).isEqualTo("ready");
        assertThat(t.find("gen.ready").id()).isZero();
        assertThat(t.find("nothing")).isNull();
    }

    /** Two boards' ALIVE in step every 50 ms and a feedback value that repeats every 200 ms, a frame halfway. */
    private static Trace heartbeats(int periods) {
        Trace t = new Trace();
        int gen = t.declareDigital("gen.alive");
        int tub = t.declareDigital("tub.alive");
        int kv = t.declareReal("gen.kv_fb");
        t.digital(0, gen, Level.LOW);
        t.digital(0, tub, Level.LOW);
        t.real(0, kv, 0.0);
        for (int i = 1; i <= periods; i++) {
            long at = i * 50_000_000L;
            Level l = i % 2 == 1 ? Level.HIGH : Level.LOW;
            t.digital(at, gen, l);
            t.digital(at, tub, l);
            if (i % 2 == 0) {
                t.real(at + 1_000, kv, i % 4 == 0 ? 80.0 : 79.5);
            }
            if (i == periods / 2) {
                t.frame(at + 2_000, "gen.uart", "tx", new byte[] {2, 'A', 3});
            }
        }
        t.end(periods * 50_000_000L + 5_000);
        return t;
    }

    private static List<String> replayed(Trace t) {
        List<String> seen = new ArrayList<>();
        t.replay(new ChangeListener() {
            @Override
            public void digital(long time, int id, Level level) {
                seen.add(time + " " + id + " " + level);
            }

            @Override
            public void real(long time, int id, double v) {
                seen.add(time + " " + id + " " + v);
            }

            @Override
            public void frame(long time, String link, String dir, byte[] bytes) {
                seen.add(time + " " + link + " " + dir + " " + new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
            }

            @Override
            public void end(long time) {
                seen.add("end " + time);
            }
        });
        return seen;
    }

    @Test
    void changesThatRepeatEarlierOnesAreStoredOnceYetEveryOneIsReplayedInOrder() {
        Trace t = heartbeats(2000);

        assertThat(t.changeCount()).isEqualTo(3 + 2000 * 2 + 1000 + 1);
        assertThat(t.storedCount()).as("entries stored for %d changes", t.changeCount()).isLessThan(40);
        List<String> seen = replayed(t);
        assertThat(seen).hasSize(t.changeCount() + 1);
        assertThat(seen.subList(3, 9)).containsExactly("50000000 0 HIGH", "50000000 1 HIGH", "100000000 0 LOW",
                "100000000 1 LOW", "100001000 2 79.5", "150000000 0 HIGH");
        assertThat(seen).contains("50000002000 gen.uart tx \u0002A\u0003", "99950000000 0 HIGH", "100000001000 2 80.0");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("end 100000005000");
        assertThat(t.endNanos()).isEqualTo(100_000_005_000L);
    }

    /** The hash is over the changes, not over how they are stored: this one was taken before repeats were stored once. */
    @Test
    void theHashOfATraceWithRepeatsIsTheHashOfItsChanges() {
        assertThat(heartbeats(2000).sha256Hex()).isEqualTo("aaadd4c4a8b96a60de091be8ee857d643b9e1e0c57fd5272ff3b4bf96eb1bb35");
    }

    @Test
    void anIdleDayOfTwoHeartbeatsTakesAFewEntries() {
        Trace t = new Trace();
        int gen = t.declareDigital("gen.alive");
        int tub = t.declareDigital("tub.alive");
        for (long i = 0; i < 2 * 864_000; i++) { // 24 h at 10 Hz, two edges a period
            Level l = i % 2 == 0 ? Level.HIGH : Level.LOW;
            t.digital(i * 50_000_000L, gen, l);
            t.digital(i * 50_000_000L, tub, l);
        }
        assertThat(t.changeCount()).isEqualTo(4 * 864_000);
        assertThat(t.storedCount()).isLessThan(10);
    }

    /** One recorded change of a small alphabet, so that repeats of every length happen by chance. */
    record Step(int signal, int value, int gapNanos, boolean frame) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> one = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1), Arbitraries.of(0, 0, 10, 10, 10, 20, 7),
                Arbitraries.of(false, false, false, false, false, false, false, false, false, true)).as(Step::new);
        return one.list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void replayGivesBackExactlyWhatWasRecordedInOrder(@ForAll("steps") List<Step> steps) {
        Trace t = new Trace();
        int[] ids = {t.declareDigital("a.x"), t.declareDigital("b.x"), t.declareReal("c.v")};
        List<String> recorded = new ArrayList<>();
        t.subscribe(new ChangeListener() {
            @Override
            public void digital(long time, int id, Level level) {
                recorded.add(time + " " + id + " " + level);
            }

            @Override
            public void real(long time, int id, double v) {
                recorded.add(time + " " + id + " " + v);
            }

            @Override
            public void frame(long time, String link, String dir, byte[] bytes) {
                recorded.add(time + " " + link + " " + dir + " " + new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
            }

            @Override
            public void end(long time) {
                recorded.add("end " + time);
            }
        });
        long now = 0;
        for (Step s : steps) {
            now += s.gapNanos();
            if (s.frame()) {
                t.frame(now, "l", "tx", new byte[] {(byte) ('a' + s.value())});
            } else if (s.signal() == 2) {
                t.real(now, ids[2], s.value() * 1.5);
            } else {
                t.digital(now, ids[s.signal()], s.value() == 1 ? Level.HIGH : Level.LOW);
            }
        }
        t.end(now + 1);

        assertThat(replayed(t)).isEqualTo(recorded);
        assertThat(t.changeCount()).isEqualTo(steps.size());
        assertThat(t.storedCount()).isLessThanOrEqualTo(steps.size());
    }
}
