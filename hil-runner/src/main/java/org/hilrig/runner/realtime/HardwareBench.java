package org.hilrig.runner.realtime;

import java.util.List;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.fixture.GpioProvider;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.gpio.RigLines;
import org.hilrig.timing.Clock;

/**
 * The bench of a real board (or of {@code hil emulate} in its own process): the fixture's link, and its
 * lines on the fixture's GPIO provider (none when the fixture wires no lines). The board was running
 * before the rig opened, so no {@code EVT,BOOT} is awaited; plant faults are only those the rig's lines make.
 */
final class HardwareBench implements BenchFactory {
    @Override
    public boolean serves(RigFixture fixture) {
        return fixture.gpio().provider() != GpioProvider.MOCK;
    }

    /** None: a real board's plant faults are only those the rig's lines make. */
    @Override
    public Set<PlantFault.Kind> plantFaults(RigFixture fixture) {
        return Set.of();
    }

    @Override
    public Bench open(RigFixture fixture, Clock clock, long seed, List<String> defects) {
        RigLines lines = fixture.lines().isEmpty() ? null : RigLines.open(fixture, clock);
        return new Bench(fixture.link(), lines, null, null, () -> { });
    }
}
