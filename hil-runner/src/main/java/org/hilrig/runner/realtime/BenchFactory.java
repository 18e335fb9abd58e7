package org.hilrig.runner.realtime;

import java.util.List;
import java.util.Set;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.timing.Clock;

/**
 * Opens a {@link Bench} for a fixture. {@link HardwareBench} serves fixtures whose board is real (or an
 * emulator in its own process): the fixture's link and GPIO provider as they are. A fixture on Pi4J's
 * mock GPIO provider needs a bench that wires the mock pins to a board; such a factory lives on the test
 * class path and is found by {@link java.util.ServiceLoader} when the fixture names provider {@code mock}
 * (the fixture says so; nothing is guessed).
 */
public interface BenchFactory {
    /** Whether this factory can open benches for {@code fixture}. */
    boolean serves(RigFixture fixture);

    /**
     * The plant faults the benches of {@code fixture} inject by other means than the rig's lines ({@link
     * Bench#plantFaults()}): an emulated board's plant model; none for a real board.
     */
    Set<PlantFault.Kind> plantFaults(RigFixture fixture);

    /**
     * Opens the bench for one scenario.
     *
     * @param clock the rig's time base (line stamps are taken with it)
     * @param seed the scenario's seed, for an emulated board's plant
     * @param defects emulator defect names, for an emulated board (a real board ignores them)
     * @throws org.hilrig.timing.RigFailureException when the link's far end or the lines cannot be opened
     */
    Bench open(RigFixture fixture, Clock clock, long seed, List<String> defects);
}
