package org.hilrig.runner.gpio;

import java.util.List;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;

/**
 * A Raspberry Pi's pins: outputs through Pi4J's gpiod provider, inputs through the kernel edge capture
 * ({@link KernelEdgeSource}), because Pi4J's events carry no time stamp. A line can be requested once, so
 * each pin is claimed by exactly one of the two. Pi4J picks the chip labelled {@code pinctrl-*}; the edge
 * capture checks that the fixture's chip is that one. Pi4J's shutdown hook returns the outputs to their
 * safe level if the JVM is stopped (SIGTERM) before the rig closes its lines.
 */
final class GpiodPins implements ElectricalPins {
    private final Pi4jPins outputs;
    private final KernelEdgeSource inputs;

    private GpiodPins(Pi4jPins outputs, KernelEdgeSource inputs) {
        this.outputs = outputs;
        this.inputs = inputs;
    }

    static GpiodPins open(RigFixture fixture, List<PinClaim> claims, Clock clock) {
        List<PinClaim> in = claims.stream().filter(c -> !c.output()).toList();
        List<PinClaim> out = claims.stream().filter(PinClaim::output).toList();
        KernelEdgeSource source = in.isEmpty() ? null
                : KernelEdgeSource.open(fixture.gpio().chipPath(), in, fixture.gpio().edgeUncertaintyNanos(), clock);
        try {
            Pi4jPins pins = Pi4jPins.open(Pi4jProviders.context(List.of(Pi4jProviders.GPIOD_OUTPUT), true,
                            "com.pi4j:pi4j-plugin-gpiod belongs on the runtime class path"),
                    out, Pi4jProviders.GPIOD_OUTPUT, null, fixture.gpio().edgeUncertaintyNanos(), clock);
            return new GpiodPins(pins, source);
        } catch (RuntimeException e) {
            if (source != null) {
                source.close();
            }
            throw e;
        }
    }

    @Override
    public void set(int bcmPin, boolean high) {
        outputs.set(bcmPin, high);
    }

    @Override
    public boolean isHigh(int bcmPin) {
        return outputs.hasOutput(bcmPin) ? outputs.isHigh(bcmPin) : inputs.isHigh(bcmPin);
    }

    @Override
    public void listen(PinEdgeSink sink) {
        if (inputs != null) {
            inputs.start(sink);
        }
    }

    @Override
    public void close() {
        try {
            outputs.close();
        } finally {
            if (inputs != null) {
                inputs.close();
            }
        }
    }
}
