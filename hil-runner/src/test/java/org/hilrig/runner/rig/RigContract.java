package org.hilrig.runner.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.protocol.Frame;
import org.hilrig.timing.trace.ChangeListener;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Rig} adapter promises the engine, whatever it drives: stimuli report the trace time
 * they took effect, the trace records lines under their logical names and frames at their last byte, and
 * close returns the inputs to the safe state. Each adapter's test extends this with a fresh GEN rig.
 */
abstract class RigContract {
    static final long MS = 1_000_000L;
    Rig rig;

    /** A fresh rig with a generator under test, at time 0. */
    abstract Rig openGenRig();

    /**
     * How much later than an event the rig's clock may read when a call returns, ns: 0 on virtual time; on
     * wall time, the thread's wake-up and the stamps' declared uncertainty.
     */
    long lagNanos() {
        return 0L;
    }

    /** Whether sent bytes are paced at the link's byte rate on the rig's clock (virtual time). */
    boolean pacesSentBytes() {
        return true;
    }

    @BeforeEach
    void open() {
        rig = openGenRig();
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @Test
    void aDrivenLineChangesInTheTraceAtTheTimeDriveReturned() {
        rig.runUntil(() -> false, 100 * MS);

        long t = rig.drive("PREP_REQ", true);

        assertThat(rig.nowNanos() - t).isBetween(0L, lagNanos());
        assertThat(edges("PREP_REQ")).contains(new long[] {t, 1});
    }

    @Test
    void aSentFrameIsRecordedAtTheTimeOfItsLastByteThatSendReturned() {
        rig.runUntil(() -> false, 100 * MS);
        byte[] ver = Frame.command(1, "VER").encode();

        long first = rig.send(ver);
        long second = rig.send(Frame.command(2, "STA").encode());
        // BOOT and the two replies (at 115200 baud, a few ms after the first ETX; on wall time a loaded machine
        // may take longer, so wait for them rather than for a fixed time)
        rig.runUntil(() -> framesTo("tx").size() >= 3, rig.nowNanos() + 2_000 * MS);

        assertThat(framesTo("rx")).containsExactly(first, second);
        if (pacesSentBytes()) {
            assertThat(second - first).isEqualTo(Frame.command(2, "STA").encode().length * rig.byteNanos());
        } else {
            assertThat(second).isGreaterThan(first);
        }
        assertThat(framesTo("tx")).hasSizeGreaterThanOrEqualTo(3); // BOOT and the two replies
    }

    @Test
    void runUntilStopsWhenTheConditionHoldsOrAtTheDeadline() {
        assertThat(rig.runUntil(() -> false, 30 * MS)).isFalse();
        assertThat(rig.nowNanos() - 30 * MS).isBetween(0L, lagNanos());
        assertThat(rig.runUntil(() -> !framesTo("tx").isEmpty(), 600 * MS)).isTrue();
        assertThat(rig.nowNanos() - framesTo("tx").get(0)).isBetween(0L, lagNanos());
    }

    @Test
    void anInjectedFaultTakesEffectAtTheTimeInjectReturned() {
        rig.runUntil(() -> false, 100 * MS);

        long t = rig.inject(new PlantFault.Simple(PlantFault.Kind.DOOR_OPEN));

        assertThat(edges("DOOR_CLOSED")).contains(new long[] {t, 0});
    }

    @Test
    void closeReleasesEveryDrivenInputAndMayBeRepeated() {
        rig.runUntil(() -> false, 100 * MS);
        rig.drive("PREP_REQ", true);
        rig.drive("EXP_REQ_A", true);

        rig.close();
        rig.close();

        assertThat(lastLevel("PREP_REQ")).isZero();
        assertThat(lastLevel("EXP_REQ_A")).isZero();
    }

    /** Every (time, level) of the rig's own record of a line (the signal whose reference is the name). */
    List<long[]> edges(String line) {
        int id = -1;
        for (var s : rig.trace().signals()) {
            if (s.reference().equalsIgnoreCase(line) && (id < 0 || s.path().startsWith("rig."))) {
                id = s.id();
            }
        }
        int wanted = id;
        List<long[]> out = new ArrayList<>();
        rig.trace().replay(new ChangeListener() {
            @Override
            public void digital(long timeNanos, int signalId, Level level) {
                if (signalId == wanted) {
                    out.add(new long[] {timeNanos, level == Level.HIGH ? 1 : 0});
                }
            }
        });
        return out;
    }

    long lastLevel(String line) {
        List<long[]> e = edges(line);
        return e.get(e.size() - 1)[1];
    }

    List<Long> framesTo(String direction) {
        return TraceFrames.times(rig.trace(), direction);
    }
}
