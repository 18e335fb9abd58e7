package org.hilrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hilrig.scenarios.api.TraceAssertions.afterFalling;
import static org.hilrig.scenarios.api.TraceAssertions.afterRising;

import java.util.Map;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.rig.Rig;
import org.hilrig.scenarios.api.Bench;
import org.hilrig.scenarios.api.RigExtension;
import org.hilrig.scenarios.api.SimulatedRig;
import org.hilrig.scenarios.api.TraceAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Java API: a rig from the extension, stimuli in code, assertions on the trace. */
@ExtendWith(RigExtension.class)
class JavaApiTest {
    private static final long MS = 1_000_000L;

    private static void exposeAndOpenTheDoor(Bench bench) {
        bench.runFor(100 * MS);
        bench.drive("PREP_REQ", true);
        assertThat(bench.await("READY", true, 2_000 * MS)).as("READY within 2 s").isTrue();
        bench.drive("EXP_REQ_A", true);
        bench.drive("EXP_REQ_B", true);
        assertThat(bench.await("XRAY_ON", true, 5 * MS)).as("XRAY_ON within 5 ms").isTrue();
        bench.runFor(43 * MS); // inside the default 100 ms exposure
        bench.inject("door_open");
        bench.runFor(20 * MS);
    }

    @Test
    void doorOpeningDuringExposureDropsHvWithinOneMillisecond(Bench bench) {
        exposeAndOpenTheDoor(bench);

        TraceAssertions.assertThat(bench.trace()).signal("HV_ENABLE").fellWithin(1 * MS, afterFalling("DOOR_CLOSED"));
        TraceAssertions.assertThat(bench.trace()).signal("XRAY_ON").fellWithin(2 * MS, afterFalling("DOOR_CLOSED"))
                .roseWithin(5 * MS, afterRising("EXP_REQ_B"));
        TraceAssertions.assertThat(bench.trace()).signal("HV_ENABLE").wasNeverActiveWhile("READY", false);
    }

    @Test
    @SimulatedRig(defects = "SLOW_INTERLOCK")
    void aPolledInterlockFailsTheSameAssertionSayingByHowMuch(Bench bench) {
        exposeAndOpenTheDoor(bench);

        assertThatThrownBy(() -> TraceAssertions.assertThat(bench.trace()).signal("HV_ENABLE")
                .fellWithin(1 * MS, afterFalling("DOOR_CLOSED")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected HV_ENABLE falling within <= 1 ms after DOOR_CLOSED falls, but trigger at ")
                .hasMessageContaining(": took ");
    }

    @Test
    void aTriggerThatNeverHappenedIsAFailureNotAPass(Rig rig) {
        rig.runUntil(() -> false, 200 * MS);

        assertThatThrownBy(() -> TraceAssertions.assertThat(rig.trace()).signal("HV_ENABLE")
                .fellWithin(1 * MS, afterFalling("DOOR_CLOSED")))
                .hasMessage("Expected HV_ENABLE falling within <= 1 ms after DOOR_CLOSED falls, but DOOR_CLOSED falls never happened in the trace");
        TraceAssertions.assertThat(rig.trace()).signal("HV_ENABLE").wasNeverActive();
    }

    @Test
    void aFaultIsReadAsScenariosWriteItAndABadOneIsRefusedBeforeAnythingHappens(Bench bench) {
        bench.runFor(100 * MS);

        assertThatThrownBy(() -> bench.inject("arc_burst", Map.of("spacing", "5xs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fault arc_burst: spacing: '5xs' is not a duration (use ns, us, ms or s, e.g. 2.5ms)");
        assertThatThrownBy(() -> bench.inject("door_open", Map.of("after", "5ms")))
                .hasMessageContaining("'after' and 'when' are not allowed");
        assertThat(bench.inject("door_open")).isEqualTo(100 * MS);
        TraceAssertions.assertThat(bench.trace()).signal("HV_ENABLE").wasNeverActive();
    }

    @Test
    @SimulatedRig(board = Board.TUB)
    void theTubeControllerAloneIsAvailableToo(Bench bench) {
        bench.runFor(100 * MS);
        bench.drive("ROTOR_START", true);

        assertThat(bench.await("ROTOR_READY", true, 2_000 * MS)).isTrue();
        TraceAssertions.assertThat(bench.trace()).signal("ROTOR_READY").roseWithin(2_000 * MS, afterRising("ROTOR_START"));
    }
}
