package org.hilrig.runner.gpio;

import java.util.List;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;

/**
 * A Raspberry Pi's pins through the kernel's GPIO character device (uAPI v2), on the fixture's chip: outputs in
 * one line request ({@link KernelOutputs}), inputs with their kernel edge stamps in another ({@link
 * KernelEdgeSource}). A line can be requested once, so each pin is claimed by exactly one of the two. The chip
 * must be the one labelled {@code pinctrl-*}. No Pi4J here: its gpiod provider needs the kernel's uAPI v1
 * (docs/raspberry-pi.md says why the rig drives its outputs itself).
 */
final class KernelPins implements ElectricalPins {
    private final KernelOutputs outputs;
    private final KernelEdgeSource inputs;

    private KernelPins(KernelOutputs outputs, KernelEdgeSource inputs) {
        this.outputs = outputs;
        this.inputs = inputs;
    }

    static KernelPins open(RigFixture fixture, List<PinClaim> claims, Clock clock) {
        List<PinClaim> in = claims.stream().filter(c -> !c.output()).toList();
        List<PinClaim> out = claims.stream().filter(PinClaim::output).toList();
        GpioChip chip = GpioChip.open(fixture.gpio().chipPath());
        KernelEdgeSource source = in.isEmpty() ? null
                : KernelEdgeSource.open(chip, in, fixture.gpio().edgeUncertaintyNanos(), clock);
        try {
            return new KernelPins(out.isEmpty() ? null : KernelOutputs.open(chip, out), source);
        } catch (RuntimeException e) {
            if (source != null) {
                source.close();
            }
            throw e;
        }
    }

    @Override
    public void set(int bcmPin, boolean high) {
        if (outputs == null) {
            throw new IllegalArgumentException("GPIO " + bcmPin + " is not an output: this rig has none");
        }
        outputs.set(bcmPin, high);
    }

    @Override
    public boolean isHigh(int bcmPin) {
        return outputs != null && outputs.has(bcmPin) ? outputs.isHigh(bcmPin) : inputs.isHigh(bcmPin);
    }

    @Override
    public void listen(PinEdgeSink sink) {
        if (inputs != null) {
            inputs.start(sink);
        }
    }

    /** The input capture's counts so far (zeros when there are no inputs). */
    EdgeSequenceCheck.Counters inputCounters() {
        return inputs == null ? new EdgeSequenceCheck.Counters(0, 0, 0, 0, 0, 0) : inputs.counters();
    }

    @Override
    public void close() {
        try {
            if (outputs != null) {
                outputs.close();
            }
        } finally {
            if (inputs != null) {
                inputs.close();
            }
        }
    }
}
