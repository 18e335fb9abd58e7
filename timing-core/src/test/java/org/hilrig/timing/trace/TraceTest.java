package org.hilrig.timing.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
}
