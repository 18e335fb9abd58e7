package org.hilrig.runner.realtime;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.rig.Rig;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Clock;
import org.hilrig.timing.MonotonicClock;

/**
 * The composition root of real-time rigs: a fixture file and the {@link BenchFactory} that serves it (the
 * hardware bench, or one found on the class path for the provider the fixture names). Each {@link #open}
 * is a fresh rig on a fresh monotonic clock. Immutable; thread-safe.
 */
public final class RealTimeRigs {
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

    public RigFixture fixture() {
        return fixture;
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
