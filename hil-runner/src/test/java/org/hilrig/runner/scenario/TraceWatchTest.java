package org.hilrig.runner.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.hilrig.device.protocol.Frame;
import org.hilrig.device.protocol.KeyValues;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

class TraceWatchTest {
    private final Trace trace = new Trace();
    private final TraceWatch watch = new TraceWatch("GEN");

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
}
