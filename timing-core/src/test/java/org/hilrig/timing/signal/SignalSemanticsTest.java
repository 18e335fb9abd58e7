package org.hilrig.timing.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.sched.Scheduler;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

/** Edge and level semantics of live signals, and what each change leaves in the trace. */
class SignalSemanticsTest {

    /** The trace as lines: {@code t d<id>=LEVEL} and {@code t r<id>=value}. */
    private static List<String> changes(Trace trace) {
        List<String> out = new ArrayList<>();
        trace.replay(new ChangeListener() {
            @Override
            public void digital(long t, int id, Level level) {
                out.add(t + " d" + id + "=" + level);
            }

            @Override
            public void real(long t, int id, double v) {
                out.add(t + " r" + id + "=" + v);
            }
        });
        return out;
    }

    @Test
    void aDigitalSignalReportsItsLevelAndOnlyChangesAreEdges() {
        Scheduler s = new Scheduler(100);
        Trace trace = new Trace();
        SignalSet set = new SignalSet(s, trace);
        DigitalSignal door = set.digital("rig.door_closed", true);
        DigitalSignal hv = set.digital("gen.hv_enable", false);
        assertThat(door.isHigh()).isTrue();
        assertThat(hv.isHigh()).isFalse();
        assertThat(door.path()).isEqualTo("rig.door_closed");
        assertThat(door).hasToString("rig.door_closed=1");
        assertThat(hv).hasToString("gen.hv_enable=0");
        assertThat(door.lastChangeNanos()).isZero();
        set.start();
        assertThat(door.lastChangeNanos()).as("start counts as the last change").isEqualTo(100);

        List<String> edges = new ArrayList<>();
        door.onEdge((sig, high, t) -> edges.add("first " + sig.path() + " " + high + " @" + t));
        door.onEdge((sig, high, t) -> edges.add("second " + high + " @" + t));
        s.runUntil(250);
        door.set(true); // the level it has: no edge, no trace entry
        assertThat(door.lastChangeNanos()).isEqualTo(100);
        door.set(false);
        assertThat(door.isHigh()).isFalse();
        assertThat(door).hasToString("rig.door_closed=0");
        door.setAt(300, true); // a stamped edge (kernel GPIO event)
        door.setAt(310, true);
        assertThat(door.lastChangeNanos()).isEqualTo(300);
        assertThat(edges).containsExactly("first rig.door_closed false @250", "second false @250",
                "first rig.door_closed true @300", "second true @300");
        assertThat(changes(trace)).containsExactly("100 d0=HIGH", "100 d1=LOW", "250 d0=LOW", "300 d0=HIGH");
    }

    @Test
    void aRemovedListenerHearsNoMoreEdgesAndTheOthersStillDo() {
        Scheduler s = new Scheduler();
        SignalSet set = new SignalSet(s, new Trace());
        DigitalSignal ready = set.digital("gen.ready", false);
        set.start();
        List<String> heard = new ArrayList<>();
        DigitalSignal.EdgeListener a = (sig, high, t) -> heard.add("a" + high);
        DigitalSignal.EdgeListener b = (sig, high, t) -> heard.add("b" + high);
        ready.onEdge(a);
        ready.onEdge(b);
        ready.set(true);
        ready.removeListener(a);
        ready.set(false);
        assertThat(heard).containsExactly("atrue", "btrue", "bfalse");
    }

    @Test
    void anAnalogSignalRecordsEveryDifferentValueAndNothingForAnEqualOne() {
        Scheduler s = new Scheduler();
        Trace trace = new Trace();
        SignalSet set = new SignalSet(s, trace);
        AnalogSignal kv = set.analog("gen.kv_fb", 0.0);
        assertThat(kv.path()).isEqualTo("gen.kv_fb");
        assertThat(kv.value()).isZero();
        set.start();
        s.runUntil(10);
        kv.set(80.0);
        kv.set(80.0);
        kv.setAt(20, -0.0); // -0.0 is another value than 0.0 and than 80.0
        kv.setAt(30, Double.NaN);
        kv.setAt(40, Double.NaN); // NaN equals NaN here: nothing new
        assertThat(kv.value()).isNaN();
        assertThat(kv).hasToString("gen.kv_fb=NaN");
        kv.setAt(50, 3.3);
        assertThat(kv).hasToString("gen.kv_fb=3.3");
        assertThat(changes(trace)).containsExactly("0 r0=0.0", "10 r0=80.0", "20 r0=-0.0", "30 r0=NaN", "50 r0=3.3");
    }

    @Test
    void aSetKnowsItsClockItsTraceAndItsSignalsInDeclarationOrder() {
        Scheduler s = new Scheduler();
        Trace trace = new Trace();
        SignalSet set = new SignalSet(s, trace);
        DigitalSignal b = set.digital("b", false);
        AnalogSignal kv = set.analog("kv", 1.5);
        DigitalSignal a = set.digital("a", true);
        AnalogSignal ma = set.analog("ma", 0.0);
        assertThat(set.clock()).isSameAs(s);
        assertThat(set.trace()).isSameAs(trace);
        assertThat(set.findDigital("a")).isSameAs(a);
        assertThat(set.findDigital("kv")).isNull();
        assertThat(set.findAnalog("kv")).isSameAs(kv);
        assertThat(set.findAnalog("a")).isNull();
        assertThat(set.digitalSignals()).containsExactly(b, a);
        assertThat(set.analogSignals()).containsExactly(kv, ma);
        assertThatThrownBy(() -> set.digitalSignals().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.analogSignals().clear()).isInstanceOf(UnsupportedOperationException.class);
        // initial values: digital signals first, then analog ones, each in declaration order
        set.start();
        assertThat(changes(trace)).containsExactly("0 d0=LOW", "0 d2=HIGH", "0 r1=1.5", "0 r3=0.0");
    }

    @Test
    void aNameIsDeclaredOnceWhateverItsKind() {
        SignalSet set = new SignalSet(new Scheduler(), new Trace());
        set.digital("gen.ready", false);
        set.analog("gen.kv", 0.0);
        assertThatThrownBy(() -> set.digital("gen.ready", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("signal gen.ready is declared twice");
        assertThatThrownBy(() -> set.analog("gen.ready", 1.0)).hasMessage("signal gen.ready is declared twice");
        assertThatThrownBy(() -> set.digital("gen.kv", true)).hasMessage("signal gen.kv is declared twice");
        assertThatThrownBy(() -> set.analog("gen.kv", 1.0)).hasMessage("signal gen.kv is declared twice");
        assertThat(set.trace().signals()).hasSize(2);
    }
}
