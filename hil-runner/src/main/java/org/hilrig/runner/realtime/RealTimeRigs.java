package org.hilrig.runner.realtime;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import org.hilrig.device.fault.PlantFault;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.rig.Rig;
import org.hilrig.runner.run.RigCapabilities;
import org.hilrig.runner.run.RigFactory;
import org.hilrig.runner.scenario.Scenario;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;

/**
 * The composition root of real-time rigs: a fixture file and the {@link BenchFactory} that serves it (the
 * hardware bench, or one found on the class path for the provider the fixture names). Each {@link #open}
 * is a fresh rig on a fresh monotonic clock. Immutable; thread-safe.
 */
public final class RealTimeRigs implements RigFactory {
    private final RigFixture fixture;
    private final BenchFactory benches;

    public RealTimeRigs(RigFixture fixture, BenchFactory benches) {
        this.fixture = fixture;
        this.benches = benches;
    }

    /**
     * Loads {@code fixtureFile} and picks its bench.
     *
     * @throws BadInputException when the fixture is wrong, or names a GPIO provider nothing on the class
     *     path serves (Pi4J's mock provider exists only in tests)
     */
    public static RealTimeRigs forFixture(Path fixtureFile) {
        RigFixture fixture = RigFixtureLoader.load(fixtureFile);
        HardwareBench hardware = new HardwareBench();
        if (hardware.serves(fixture)) {
            return new RealTimeRigs(fixture, hardware);
        }
        for (BenchFactory f : ServiceLoader.load(BenchFactory.class)) {
            if (f.serves(fixture)) {
                return new RealTimeRigs(fixture, f);
            }
        }
        throw new BadInputException(fixtureFile.toString(), 0, 0, "gpio provider " + fixture.gpio().provider().name()
                .toLowerCase(java.util.Locale.ROOT) + " is not available in this installation (allowed here: gpiod, sim;"
                + " mock exists only on the test class path)");
    }

    /** These rigs with the timing path at real-time priority {@code priority} (0: ordinary), whatever the fixture says. */
    public RealTimeRigs withPriority(int priority) {
        return new RealTimeRigs(fixture.withRealtime(new org.hilrig.runner.fixture.RealtimeSettings(priority,
                fixture.realtime().cpuLatencyNanos())), benches);
    }

    public RigFixture fixture() {
        return fixture;
    }

    /** A fresh rig for the fixture's board, whatever the scenario (its board is checked by {@link #capabilities()}). */
    @Override
    public Rig open(Scenario scenario, long seed, List<String> defects) {
        return open(seed, defects);
    }

    /** The fixture's capabilities, whatever is asked: this rig tests the fixture's board only. */
    @Override
    public RigCapabilities capabilities(Board board, boolean emulateOtherBoard) {
        return capabilities();
    }

    /**
     * What the fixture's rig can do: drive its output lines, observe all its lines, and make the line faults
     * whose line it wires as an output plus the plant faults of its bench; a bench without a plant still has
     * the link faults the rig makes on its own side of the cable.
     */
    public RigCapabilities capabilities() {
        Set<PlantFault.Kind> faults = EnumSet.noneOf(PlantFault.Kind.class);
        faults.addAll(LineFaults.wiredOn(fixture));
        faults.addAll(benches.plantFaults(fixture));
        if (benches.plantFaults(fixture).isEmpty()) {
            faults.addAll(RealTimeRig.LINK_FAULTS); // cut on the rig's side of the cable
        }
        Set<String> drives = new LinkedHashSet<>();
        fixture.outputs().forEach(o -> drives.add(o.line().name()));
        Set<String> observes = new LinkedHashSet<>();
        fixture.lines().forEach(a -> observes.add(a.line().name()));
        return new RigCapabilities(fixture.name(), fixture.board(), drives, observes, faults);
    }

    /**
     * A fresh rig for the fixture's board, with the seed and defects for an emulated board. Its time 0 is
     * when the bench is open and the rig starts, not when the bench began opening.
     */
    public Rig open(long seed, List<String> defects) {
        ZeroedClock clock = new ZeroedClock();
        Bench bench = benches.open(fixture, clock, seed, defects);
        clock.zeroNow();
        return RealTimeRig.open(fixture, clock, bench);
    }

    /** The monotonic clock with its zero moved once, to the rig's start; readings before that are negative. */
    private static final class ZeroedClock implements Clock {
        private final MonotonicClock wall = new MonotonicClock();
        private volatile long zeroNanos;

        void zeroNow() {
            zeroNanos = wall.nowNanos();
        }

        @Override
        public long nowNanos() {
            return wall.nowNanos() - zeroNanos;
        }
    }
}
