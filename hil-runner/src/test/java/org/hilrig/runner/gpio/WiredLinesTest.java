package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.hilrig.runner.fixture.HardwareLine;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.RigFailureException;
import org.junit.jupiter.api.Test;

class WiredLinesTest {
    private final RigFixture fixture = RigLinesContract.fixture("sim");
    private final ManualClock clock = new ManualClock();

    @Test
    void safeStateTriesEveryOutputAndNamesEachOneThatFailed() {
        SimulatedPins pins = new SimulatedPins(clock, 0);
        RigLines lines = WiredLines.open(fixture, clock, claims -> new ElectricalPins() {
            final ElectricalPins inner = pins.claim(claims);

            @Override
            public void set(int bcmPin, boolean high) {
                if (bcmPin == RigLinesContract.PREP || bcmPin == RigLinesContract.AEC) {
                    throw new RigFailureException("GPIO " + bcmPin + " is stuck");
                }
                inner.set(bcmPin, high);
            }

            @Override
            public boolean isHigh(int bcmPin) {
                return inner.isHigh(bcmPin);
            }

            @Override
            public void listen(PinEdgeSink sink) {
                inner.listen(sink);
            }

            @Override
            public void close() {
                inner.close();
            }
        });

        assertThatThrownBy(lines::safeState)
                .isInstanceOf(RigFailureException.class)
                .hasMessage("rig contract: safe state not reached on PREP_REQ (GPIO 17 is stuck), AEC_STOP (GPIO 18 is stuck)")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(pins.isHigh(RigLinesContract.DOOR)).as("DOOR_CLOSED, between the two, reached its safe level").isTrue();
    }

    @Test
    void lossesFromThePinsArriveNamingTheirLines() {
        AtomicReference<PinEdgeSink> sink = new AtomicReference<>();
        SimulatedPins pins = new SimulatedPins(clock, 0);
        RigLines lines = WiredLines.open(fixture, clock, claims -> {
            ElectricalPins inner = pins.claim(claims);
            return new ElectricalPins() {
                @Override
                public void set(int bcmPin, boolean high) {
                    inner.set(bcmPin, high);
                }

                @Override
                public boolean isHigh(int bcmPin) {
                    return inner.isHigh(bcmPin);
                }

                @Override
                public void listen(PinEdgeSink s) {
                    sink.set(s);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        });
        List<LineEvent> events = new ArrayList<>();
        lines.subscribe(events::add);

        sink.get().lost(Set.of(RigLinesContract.READY, RigLinesContract.FAULT), 3, 1_000, LossEvidence.LINE_SEQUENCE_GAP);
        sink.get().edge(RigLinesContract.FAULT, false, 1_000, 12_000);

        assertThat(events).containsExactly(
                new EdgesLost(Set.of(HardwareLine.valueOf("READY"), HardwareLine.valueOf("FAULT")), 3, 1_000, LossEvidence.LINE_SEQUENCE_GAP),
                new LineEdge(HardwareLine.valueOf("FAULT"), true, 1_000, 12_000));
    }

    @Test
    void theKernelRequestGroupsInputsByDebouncePeriod() {
        LineRequest r = KernelEdgeSource.request(List.of(5, 6, 13, 19), java.util.Map.of(5, 0L, 6, 250_000L, 13, 0L, 19, 250_000L));

        assertThat(r.offsets()).containsExactly(5, 6, 13, 19);
        assertThat(r.flags()).isEqualTo(GpioV2.FLAG_INPUT | GpioV2.FLAG_EDGE_RISING | GpioV2.FLAG_EDGE_FALLING);
        assertThat(r.attributes()).containsExactly(new LineRequest.Attribute(GpioV2.ATTR_ID_DEBOUNCE, 250, 0b1010));
        assertThat(r.eventBufferSize()).isEqualTo(KernelEdgeSource.EVENT_BUFFER_SIZE);
    }
}
