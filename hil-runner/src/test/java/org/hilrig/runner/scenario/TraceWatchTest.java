package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.hilrig.device.profile.Board;
import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

class TraceWatchTest {
    private final Trace trace = new Trace();
    private final TraceWatch watch = new TraceWatch(Board.GEN, Set.of("door_closed"));

    private void event(long t, int counter, String name) {
        trace.frame(t, "gen.uart", "tx", Frame.event(counter, name, KeyValues.empty()).encode());
    }

    @Test
    void findsLinesByLogicalNamePreferringTheBoardUnderTest() {
        int plant = trace.declareDigital("plant.door_closed");
        int gen = trace.declareDigital("gen.door_closed");
        trace.subscribe(watch);

        trace.digital(0, plant, Level.HIGH);
        trace.digital(0, gen, Level.HIGH);
        trace.digital(500, gen, Level.LOW);

        assertThat(watch.id("DOOR_CLOSED")).isEqualTo(gen);
        assertThat(watch.isActive(gen)).isFalse();
        assertThat(watch.firstEntry(gen, false, 0)).isEqualTo(500);
        assertThat(watch.lastEntry(gen, true, 400)).isZero();
        assertThat(watch.id("XRAY_ON")).isEqualTo(-1);
    }

    @Test
    void decodesOnlyWhatTheBoardSentAndCountsEventsLostFromCounterGaps() {
        trace.declareDigital("gen.ready");
        trace.subscribe(watch);

        event(10, 0, "BOOT");
        event(20, 1, "STATE");
        trace.frame(25, "gen.uart", "rx", Frame.command(1, "VER").encode());
        event(30, 4, "STATE");
        event(40, 0, "BOOT");
        event(50, 1, "STATE");

        assertThat(watch.received()).extracting(r -> r.frame().subject()).containsExactly("BOOT", "STATE", "STATE", "BOOT", "STATE");
        assertThat(watch.received().get(2).timeNanos()).isEqualTo(30);
        assertThat(watch.eventsLost()).isEqualTo(2);
    }

    @Test
    void keepsTheEdgesOfTheLinesItWasMadeForAndOnlyTheLevelOfOthers() {
        int door = trace.declareDigital("gen.door_closed");
        int alive = trace.declareDigital("gen.alive");
        trace.subscribe(watch);

        trace.digital(0, door, Level.HIGH);
        for (int i = 0; i < 10_000; i++) {
            trace.digital(i * 50L, alive, i % 2 == 0 ? Level.HIGH : Level.LOW);
        }
        trace.digital(600_000, door, Level.LOW);

        assertThat(watch.isActive(alive)).isFalse();
        assertThat(watch.firstEntry(door, false, 0)).isEqualTo(600_000);
        assertThatThrownBy(() -> watch.firstEntry(alive, true, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the watch keeps no edges of gen.alive (kept: [DOOR_CLOSED])");
    }
}
