package org.hilrig.runner.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import java.util.HashMap;
import java.util.Map;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;

/**
 * The contract on Pi4J's mock platform: the rig's lines go through Pi4J's real digital I/O classes, and
 * the test plays the board on the mock's far side ({@code MockDigitalInput.mockState}, {@code
 * MockDigitalOutput.state}). The mock objects are held from open, so their levels stay readable after the
 * context has shut down.
 */
class Pi4jMockRigLinesTest extends RigLinesContract {
    private final Map<Integer, MockDigitalOutput> outputs = new HashMap<>();
    private final Map<Integer, MockDigitalInput> inputs = new HashMap<>();

    @Override
    RigLines open(Clock clock) {
        RigFixture fixture = fixture("mock");
        return WiredLines.open(fixture, clock, claims -> {
            Pi4jPins pins = Pi4jPins.openMock(claims, EDGE_UNCERTAINTY, clock);
            for (PinClaim c : claims) {
                Object io = pins.context().io("hil-bcm" + c.bcmPin());
                if (c.output()) {
                    outputs.put(c.bcmPin(), (MockDigitalOutput) io);
                } else {
                    inputs.put(c.bcmPin(), (MockDigitalInput) io);
                }
            }
            return pins;
        });
    }

    @Override
    void boardDrives(int bcmPin, boolean high) {
        inputs.get(bcmPin).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    boolean boardSeesHigh(int bcmPin) {
        MockDigitalOutput out = outputs.get(bcmPin);
        return out != null ? out.state().isHigh() : inputs.get(bcmPin).state().isHigh();
    }
}
