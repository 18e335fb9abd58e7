package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.InputLine;
import org.hilrig.runner.fixture.OutputLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.timing.signal.DigitalSignal;
import org.hilrig.timing.signal.SignalSet;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The shipped emulated fixture on Pi4J's mock platform, its pins wired in-process to a board modelled with
 * the timing core's logical signals: each mock output drives a board input signal, a board output signal
 * drives a mock input, and the board reads its pins through the same wiring polarity. The board here is a
 * toy interlock ({@code READY = PREP_REQ and DOOR_CLOSED}), enough to see a round trip and the safe state.
 */
class MockBoardWiringTest {
    private final ManualClock clock = new ManualClock();
    private final Trace trace = new Trace();
    private final SignalSet board = new SignalSet(clock, trace);
    private final List<LineEvent> heard = new ArrayList<>();

    private RigLines wire(RigFixture fixture) {
        DigitalSignal prep = board.digital("gen.prep_req", false);
        DigitalSignal door = board.digital("gen.door_closed", false);
        DigitalSignal ready = board.digital("gen.ready", false);
        board.start();
        DigitalSignal.EdgeListener interlock = (s, high, t) -> ready.set(prep.isHigh() && door.isHigh());
        prep.onEdge(interlock);
        door.onEdge(interlock);

        RigLines lines = WiredLines.open(fixture, clock, claims -> {
            Pi4jPins pins = Pi4jPins.openMock(claims, 0, clock);
            for (OutputLine o : fixture.outputs()) {
                DigitalSignal boardInput = board.findDigital("gen." + o.line().name().toLowerCase(java.util.Locale.ROOT));
                if (boardInput != null) {
                    MockDigitalOutput out = (MockDigitalOutput) pins.context().io("hil-bcm" + o.bcmPin());
                    boardInput.set(o.polarity().active(out.state().isHigh()));
                    out.addListener(e -> boardInput.set(o.polarity().active(e.state().isHigh())));
                }
            }
            InputLine readyLine = (InputLine) fixture.find(HardwareLine.valueOf("READY")).orElseThrow();
            MockDigitalInput readyPin = (MockDigitalInput) pins.context().io("hil-bcm" + readyLine.bcmPin());
            ready.onEdge((s, high, t) -> readyPin.mockState(readyLine.polarity().electricalHigh(high) ? DigitalState.HIGH : DigitalState.LOW));
            return pins;
        });
        lines.subscribe(heard::add);
        return lines;
    }

    @Test
    void theRigHearsTheBoardAnswerItsStimuliAndTheSafeStateOpensTheInterlock() {
        RigFixture fixture = RigFixtureLoader.load(Path.of("..", "fixtures", "rigs", "emulated-gen-pty.yaml"));
        RigLines lines = wire(fixture);

        clock.set(1_000);
        lines.drive(HardwareLine.valueOf("DOOR_CLOSED"), true);
        clock.set(2_000);
        lines.drive(HardwareLine.valueOf("PREP_REQ"), true);
        clock.set(3_000);
        assertThatThrownBy(() -> SafeSequence.run(lines, l -> {
            throw new IllegalStateException("expected XRAY_ON within 5ms");
        })).hasMessage("expected XRAY_ON within 5ms");

        assertThat(heard).containsExactly(
                new LineEdge(HardwareLine.valueOf("READY"), true, 2_000, 0),
                new LineEdge(HardwareLine.valueOf("READY"), false, 3_000, 0));
        assertThat(board.findDigital("gen.door_closed").isHigh()).as("the board sees the door open").isFalse();
        assertThat(board.findDigital("gen.prep_req").isHigh()).isFalse();
        assertThat(board.findDigital("gen.ready").lastChangeNanos()).isEqualTo(3_000);
        assertThat(trace.changeCount()).as("3 initial values, then door, prep, ready, ready, door, prep").isEqualTo(9);
        assertThat(Level.of(board.findDigital("gen.ready").isHigh())).isEqualTo(Level.LOW);
        lines.close();
    }
}
