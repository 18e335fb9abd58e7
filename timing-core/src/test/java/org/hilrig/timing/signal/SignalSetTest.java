package org.hilrig.timing.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

class SignalSetTest {

    @Test
    void changesAreRecordedAtSchedulerTimeAndNotifiedOnceAndRepeatedLevelsAreIgnored() {
        Scheduler s = new Scheduler();
        Trace trace = new Trace();
        SignalSet set = new SignalSet(s, trace);
        DigitalSignal hv = set.digital("gen.hv_enable", false);
        AnalogSignal kv = set.analog("gen.kv_fb", 0.0);
        set.start();
        List<String> edges = new ArrayList<>();
        hv.onEdge((sig, high, t) -> edges.add(sig.path() + (high ? " rose@" : " fell@") + t));
        s.at(1_000, "on", () -> hv.set(true));
        s.at(1_500, "again", () -> hv.set(true));
        s.at(2_000, "kv", () -> kv.set(80.0));
        s.at(3_000, "off", () -> hv.set(false));
        s.runUntilIdle();
        assertThat(edges).containsExactly("gen.hv_enable rose@1000", "gen.hv_enable fell@3000");
        assertThat(trace.changeCount()).isEqualTo(2 + 3);
        assertThat(hv.lastChangeNanos()).isEqualTo(3_000);
        assertThat(kv.value()).isEqualTo(80.0);
    }
}
