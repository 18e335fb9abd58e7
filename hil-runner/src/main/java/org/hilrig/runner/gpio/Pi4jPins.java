package org.hilrig.runner.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hilrig.timing.Clock;
import org.hilrig.timing.RigFailureException;

/**
 * Pins through Pi4J 2: outputs as {@code DigitalOutput}s (initial level set on creation, safe level as
 * Pi4J's shutdown state), inputs, when Pi4J has them, as {@code DigitalInput}s whose listener stamps each
 * change with the rig clock as it is called. Pi4J events carry no time of their own; on a Raspberry Pi the
 * rig uses the kernel's character device for both ({@link KernelPins}).
 */
final class Pi4jPins implements ElectricalPins {
    private final Context context;
    private final Clock clock;
    private final long edgeUncertaintyNanos;
    private final Map<Integer, DigitalOutput> outputs = new HashMap<>();
    private final Map<Integer, DigitalInput> inputs = new HashMap<>();

    private Pi4jPins(Context context, Clock clock, long edgeUncertaintyNanos) {
        this.context = context;
        this.clock = clock;
        this.edgeUncertaintyNanos = edgeUncertaintyNanos;
    }

    /** Every claim on Pi4J's mock platform (test class path only). */
    static Pi4jPins openMock(List<PinClaim> claims, long edgeUncertaintyNanos, Clock clock) {
        Context context = Pi4jProviders.context(List.of(Pi4jProviders.MOCK_OUTPUT, Pi4jProviders.MOCK_INPUT), false,
                "provider mock needs com.pi4j:pi4j-plugin-mock, a test-only dependency; use gpiod or sim");
        return open(context, claims, Pi4jProviders.MOCK_OUTPUT, Pi4jProviders.MOCK_INPUT, edgeUncertaintyNanos, clock);
    }

    /**
     * Claims pins on an existing context: outputs through {@code outputProvider}; inputs through {@code
     * inputProvider}, or none when it is null. Closing the pins shuts the context down.
     */
    static Pi4jPins open(Context context, List<PinClaim> claims, String outputProvider, String inputProvider,
                         long edgeUncertaintyNanos, Clock clock) {
        Pi4jPins pins = new Pi4jPins(context, clock, edgeUncertaintyNanos);
        try {
            for (PinClaim c : claims) {
                String id = "hil-bcm" + c.bcmPin();
                if (c.output()) {
                    pins.outputs.put(c.bcmPin(), context.create(DigitalOutput.newConfigBuilder(context)
                            .id(id).name(c.label()).address(c.bcmPin()).provider(outputProvider)
                            .initial(state(c.initialHigh())).shutdown(state(c.safeHigh())).build()));
                } else if (inputProvider != null) {
                    pins.inputs.put(c.bcmPin(), context.create(DigitalInput.newConfigBuilder(context)
                            .id(id).name(c.label()).address(c.bcmPin()).provider(inputProvider)
                            .debounce(c.debounceNanos() / 1_000).build()));
                }
            }
        } catch (RuntimeException e) {
            pins.close();
            throw new RigFailureException("cannot claim GPIO pins through Pi4J " + outputProvider + ": " + e.getMessage(), e);
        }
        return pins;
    }

    @Override
    public void set(int bcmPin, boolean high) {
        DigitalOutput out = outputs.get(bcmPin);
        try {
            out.state(state(high));
        } catch (RuntimeException e) {
            throw new RigFailureException("GPIO " + bcmPin + " (" + out.name() + "): cannot drive " + (high ? "high" : "low")
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isHigh(int bcmPin) {
        DigitalOutput out = outputs.get(bcmPin);
        if (out != null) {
            return out.state().isHigh();
        }
        DigitalInput in = inputs.get(bcmPin);
        if (in == null) {
            throw new IllegalStateException("GPIO " + bcmPin + " is not claimed through Pi4J");
        }
        return in.state().isHigh();
    }

    /** The Pi4J context the pins live in (tests reach the mock platform's far side through it). */
    Context context() {
        return context;
    }

    /** Whether {@code bcmPin} is one of the outputs claimed here. */
    boolean hasOutput(int bcmPin) {
        return outputs.containsKey(bcmPin);
    }

    @Override
    public void listen(PinEdgeSink sink) {
        for (Map.Entry<Integer, DigitalInput> e : inputs.entrySet()) {
            int pin = e.getKey();
            e.getValue().addListener(event -> {
                long now = clock.nowNanos();
                if (event.state() == DigitalState.HIGH || event.state() == DigitalState.LOW) {
                    sink.edge(pin, event.state().isHigh(), now, edgeUncertaintyNanos);
                }
            });
        }
    }

    /** Shuts the context down: Pi4J sets each output to its shutdown (safe) state and releases it. */
    @Override
    public void close() {
        if (!context.isShutdown()) {
            context.shutdown();
        }
    }

    private static DigitalState state(boolean high) {
        return high ? DigitalState.HIGH : DigitalState.LOW;
    }
}
