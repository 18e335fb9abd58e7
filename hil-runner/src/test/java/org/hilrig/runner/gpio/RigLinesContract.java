package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RigLines} adapter promises, checked at the far end of each wire in electrical levels:
 * polarity applied exactly once, initial and safe states, stamps, edges, refusals. Subclasses open the
 * lines on their pins and play the board's side of the wires.
 */
abstract class RigLinesContract {
    static final int PREP = 17;
    static final int DOOR = 23;
    static final int AEC = 18;
    static final int READY = 5;
    static final int FAULT = 26;
    static final long EDGE_UNCERTAINTY = 3_000;

    static RigFixture fixture(String provider) {
        return RigFixtureLoader.parse("contract.yaml", """
                rig: contract
                board: GEN
                tcp: {host: 127.0.0.1, port: 5020}
                gpio: {provider: %s, edge_uncertainty: 3us}
                lines:
                  PREP_REQ:    {pin: 17, direction: output, polarity: active_low,  safe: inactive}
                  DOOR_CLOSED: {pin: 23, direction: output, polarity: active_low,  initial: active, safe: inactive}
                  AEC_STOP:    {pin: 18, direction: output, polarity: active_high, initial: inactive, safe: active}
                  READY:       {pin: 5,  direction: input,  polarity: active_high}
                  FAULT:       {pin: 26, direction: input,  polarity: active_low}
                """.formatted(provider));
    }

    final ManualClock clock = new ManualClock();
    final List<LineEvent> events = new CopyOnWriteArrayList<>();
    RigLines lines;

    /** Opens the contract fixture's lines on this adapter's pins. */
    abstract RigLines open(Clock clock);

    /** The board drives a rig input pin to an electrical level. */
    abstract void boardDrives(int bcmPin, boolean high);

    /** The electrical level on a pin, seen from the board's end of the wire (also after close). */
    abstract boolean boardSeesHigh(int bcmPin);

    @BeforeEach
    void openLines() {
        lines = open(clock);
        lines.subscribe(events::add);
    }

    @AfterEach
    void closeLines() {
        lines.close();
    }

    @Test
    void openingPutsEveryOutputAtItsInitialStateThroughItsPolarity() {
        assertThat(boardSeesHigh(PREP)).as("PREP_REQ inactive, active-low: high").isTrue();
        assertThat(boardSeesHigh(DOOR)).as("DOOR_CLOSED active, active-low: low").isFalse();
        assertThat(boardSeesHigh(AEC)).as("AEC_STOP inactive, active-high: low").isFalse();
        assertThat(lines.read(HardwareLine.valueOf("PREP_REQ"))).isFalse();
        assertThat(lines.read(HardwareLine.valueOf("DOOR_CLOSED"))).isTrue();
    }

    @Test
    void drivingAnActiveLowLineActivePullsItsPinLowOnceInverted() {
        lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
        assertThat(boardSeesHigh(PREP)).isFalse();
        assertThat(lines.read(HardwareLine.valueOf("PREP_REQ"))).as("reads back in logical terms").isTrue();

        lines.drive(HardwareLine.valueOf("PREP_REQ"), false);
        assertThat(boardSeesHigh(PREP)).isTrue();
        assertThat(lines.read(HardwareLine.valueOf("PREP_REQ"))).isFalse();
    }

    @Test
    void drivingAnActiveHighLineActiveRaisesItsPin() {
        lines.drive(HardwareLine.valueOf("AEC_STOP"), true);

        assertThat(boardSeesHigh(AEC)).isTrue();
        assertThat(lines.read(HardwareLine.valueOf("AEC_STOP"))).isTrue();
    }

    @Test
    void aWriteIsStampedBetweenTheClockReadingsAroundIt() {
        clock.set(5_000_000);

        assertThat(lines.drive(HardwareLine.valueOf("PREP_REQ"), true)).isEqualTo(new Stamp(5_000_000, 0));
    }

    @Test
    void theBoardsEdgesArriveAsLogicalEdgesWithTheirTimeAndUncertainty() {
        clock.set(7_000);
        boardDrives(FAULT, true);   // FAULT is active-low: high is inactive
        boardDrives(FAULT, false);  // and low is active
        clock.set(9_000);
        boardDrives(READY, true);

        assertThat(events).endsWith(
                new LineEdge(HardwareLine.valueOf("FAULT"), true, 7_000, EDGE_UNCERTAINTY),
                new LineEdge(HardwareLine.valueOf("READY"), true, 9_000, EDGE_UNCERTAINTY));
        assertThat(lines.read(HardwareLine.valueOf("FAULT"))).isTrue();
        assertThat(lines.read(HardwareLine.valueOf("READY"))).isTrue();
    }

    @Test
    void theSameLevelTwiceIsOneEdge() {
        boardDrives(READY, true);
        boardDrives(READY, true);

        assertThat(events).containsExactly(new LineEdge(HardwareLine.valueOf("READY"), true, 0, EDGE_UNCERTAINTY));
    }

    @Test
    void safeStateDrivesEveryOutputToItsSafeLevel() {
        lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
        lines.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);
        lines.drive(HardwareLine.valueOf("AEC_STOP"), false);

        lines.safeState();

        assertThat(boardSeesHigh(PREP)).as("PREP_REQ inactive").isTrue();
        assertThat(boardSeesHigh(DOOR)).as("DOOR_CLOSED inactive: door open").isTrue();
        assertThat(boardSeesHigh(AEC)).as("AEC_STOP active").isTrue();
        assertThat(lines.read(HardwareLine.valueOf("AEC_STOP"))).isTrue();
    }

    @Test
    void anExceptionInTheMiddleOfASequenceStillEndsInTheSafeState() {
        assertThatThrownBy(() -> SafeSequence.run(lines, l -> {
            l.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);
            l.drive(HardwareLine.valueOf("PREP_REQ"), true);
            throw new IllegalStateException("scenario step failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("scenario step failed");

        assertThat(boardSeesHigh(PREP)).isTrue();
        assertThat(boardSeesHigh(DOOR)).isTrue();
        assertThat(boardSeesHigh(AEC)).isTrue();
    }

    @Test
    void closingDrivesTheSafeStateAndThenRefusesToDrive() {
        lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
        lines.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);

        lines.close();

        assertThat(boardSeesHigh(PREP)).isTrue();
        assertThat(boardSeesHigh(DOOR)).isTrue();
        assertThat(boardSeesHigh(AEC)).isTrue();
        assertThatThrownBy(() -> lines.drive(HardwareLine.valueOf("PREP_REQ"), true))
                .isInstanceOf(RigFailureException.class)
                .hasMessage("rig contract: cannot drive PREP_REQ, the lines are closed");
    }

    @Test
    void onlyWiredOutputsCanBeDriven() {
        assertThatThrownBy(() -> lines.drive(HardwareLine.valueOf("READY"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rig contract: READY is not wired as an output (outputs: [PREP_REQ, DOOR_CLOSED, AEC_STOP])");
        assertThatThrownBy(() -> lines.read(HardwareLine.valueOf("XRAY_ON")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rig contract: XRAY_ON is not wired (wired: [PREP_REQ, DOOR_CLOSED, AEC_STOP, READY, FAULT])");
    }
}
